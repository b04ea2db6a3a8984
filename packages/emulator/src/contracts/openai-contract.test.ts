import { describe, expect, it } from 'vitest';
import { chatContractViolation } from './chat-contract.ts';
import { quotedList } from './openai-contract.ts';

const user = [{ role: 'user', content: 'Hi' }];
const check = (model: string, extra: Record<string, unknown>) =>
  chatContractViolation({ model, messages: user, ...extra }, model, 'openai');

describe('OpenAI contract', () => {
  it.each(['o1', 'o3', 'o4-mini', 'o3-pro', 'gpt-5', 'gpt-5-mini', 'gpt-5.1', 'gpt-5.2'])(
    "%s rejects stop with OpenAI's unsupported_parameter error",
    (model) => {
      const v = check(model, { stop: ['END'] });
      if (model === 'o3-pro') return expect(v?.status).toBe(404);
      expect(v).toEqual({
        status: 400,
        message: "Unsupported parameter: 'stop' is not supported with this model.",
        type: 'invalid_request_error',
        code: 'unsupported_parameter',
        param: 'stop',
      });
    },
  );

  it('o3-mini still takes stop, gpt-4o takes every sampling setting', () => {
    expect(check('o3-mini', { stop: ['END'] })).toBeUndefined();
    expect(
      check('gpt-4o', { stop: ['x'], temperature: 0.2, top_p: 0.5, presence_penalty: 1 }),
    ).toBeUndefined();
  });

  it('checks what the gateway forwards: temperature is stripped, zero penalties vanish', () => {
    expect(check('o3', { temperature: 0.3, max_tokens: 100 })).toBeUndefined();
    expect(check('gpt-5', { temperature: 0.3, top_p: 0.9 })).toBeUndefined();
    expect(check('o3', { presence_penalty: 0 })).toBeUndefined();
    expect(check('o3', { top_p: 0.9 })?.param).toBe('top_p');
    expect(check('gpt-5', { frequency_penalty: 0.5 })?.param).toBe('frequency_penalty');
    expect(check('o4-mini', { max_tokens: 10, max_completion_tokens: 20 })?.message).toBe(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    );
  });

  it('reasoning_effort: values per model, refused by non-reasoning models', () => {
    expect(check('gpt-5', { reasoning_effort: 'minimal' })).toBeUndefined();
    expect(check('gpt-5.1', { reasoning_effort: 'none' })).toBeUndefined();
    expect(check('gpt-5', { reasoning_effort: 'none' })).toMatchObject({
      message:
        "Unsupported value: 'reasoning_effort' does not support 'none' with this model. Supported values are: 'minimal', 'low', 'medium', and 'high'.",
      code: 'unsupported_value',
      param: 'reasoning_effort',
    });
    expect(check('o3', { reasoning_effort: 'xhigh' })?.code).toBe('unsupported_value');
    expect(check('gpt-5.2', { reasoning_effort: 'xhigh' })).toBeUndefined();
    expect(check('gpt-4o', { reasoning_effort: 'low' })?.message).toBe(
      "Unsupported parameter: 'reasoning_effort' is not supported with this model.",
    );
  });

  it('rejects vendor keys the gateway forwards verbatim', () => {
    expect(check('gpt-4o', { top_k: 5 })?.message).toBe(
      'Unrecognized request argument supplied: top_k',
    );
    expect(check('gpt-5', { thinking: { type: 'enabled' } })?.message).toContain('thinking');
    expect(check('gpt-4o', { extra_body: { google: {} } })?.message).toContain('extra_body');
    // Unknown keys never reach OpenAI: the gateway drops them.
    expect(check('gpt-4o', { thinking_budget: 100 })).toBeUndefined();
  });

  it('json_object needs the word json; reasoning fields on messages are refused', () => {
    expect(check('gpt-4o', { response_format: { type: 'json_object' } })?.param).toBe('messages');
    expect(
      chatContractViolation(
        {
          messages: [{ role: 'user', content: 'Answer in JSON' }],
          response_format: { type: 'json_object' },
        },
        'gpt-4o',
        'openai',
      ),
    ).toBeUndefined();
    const replay = chatContractViolation(
      {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello', reasoning_content: 'thought' },
          { role: 'user', content: 'Again' },
        ],
      },
      'gpt-5',
      'openai',
    );
    expect(replay?.message).toBe(
      "Additional properties are not allowed ('reasoning_content' was unexpected) - 'messages.1'",
    );
  });

  it('a Gemini thought signature replayed on a tool call is refused (issue 12 §2.13)', () => {
    const v = chatContractViolation(
      {
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: { name: 'w', arguments: '{}' },
                extra_content: { google: { thought_signature: 'sig' } },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        ],
        tools: [{ type: 'function', function: { name: 'w', parameters: { type: 'object' } } }],
      },
      'gpt-4o',
      'openai',
    );
    expect(v?.message).toBe(
      "Additional properties are not allowed ('extra_content' was unexpected) - 'messages.1.tool_calls.0'",
    );
  });

  it('max output tokens per model and images on text-only models', () => {
    expect(check('gpt-4o', { max_tokens: 20_000 })).toMatchObject({
      message:
        'max_tokens is too large: 20000. This model supports at most 16384 completion tokens, whereas you provided 20000.',
      param: 'max_tokens',
    });
    // The gateway renames max_tokens for o-series before OpenAI checks the limit.
    expect(check('o3', { max_tokens: 200_000 })?.param).toBe('max_completion_tokens');
    expect(check('gpt-4.1', { max_tokens: 32_768 })).toBeUndefined();
    const image = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is it?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
        ],
      },
    ];
    expect(chatContractViolation({ messages: image }, 'o3-mini', 'openai')?.message).toBe(
      'Invalid content type. image_url is only supported by certain models.',
    );
    expect(chatContractViolation({ messages: image }, 'gpt-4o', 'openai')).toBeUndefined();
  });

  it('a Gemini call id (41 characters) replayed to OpenAI is too long; tool names follow the pattern', () => {
    const id = `call_${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`;
    expect(id.length).toBe(41);
    const v = chatContractViolation(
      {
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id, type: 'function', function: { name: 'w', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: id, content: 'sunny' },
        ],
        tools: [{ type: 'function', function: { name: 'w', parameters: { type: 'object' } } }],
      },
      'gpt-4o',
      'openai',
    );
    expect(v).toMatchObject({
      message:
        "Invalid 'messages[1].tool_calls[0].id': string too long. Expected a string with maximum length 40, but got a string with length 41 instead.",
      code: 'string_above_max_length',
    });
    expect(
      check('gpt-4o', {
        tools: [{ type: 'function', function: { name: 'get.weather', parameters: {} } }],
      })?.param,
    ).toBe('tools[0].function.name');
  });

  it('verbosity: low/medium/high on gpt-5 reasoning models, only medium elsewhere', () => {
    expect(check('gpt-5', { verbosity: 'low' })).toBeUndefined();
    expect(check('gpt-4.1', { verbosity: 'low' })).toMatchObject({
      message:
        "Unsupported value: 'verbosity' does not support 'low' with this model. Supported values are: 'medium'.",
      param: 'verbosity',
      code: 'unsupported_value',
    });
    expect(check('gpt-4o', { verbosity: 'medium' })).toBeUndefined();
  });

  it('responses-only ids get the 404 OpenAI sends on chat completions', () => {
    expect(check('o3-pro', {})).toMatchObject({ status: 404, param: 'model' });
    expect(check('emulator-gpt-5.1-codex', {})?.status).toBe(404);
  });

  it('formats value lists like the API', () => {
    expect(quotedList(['medium'])).toBe("'medium'");
    expect(quotedList(['low', 'high'])).toBe("'low' and 'high'");
    expect(quotedList(['low', 'medium', 'high'])).toBe("'low', 'medium', and 'high'");
  });
});
