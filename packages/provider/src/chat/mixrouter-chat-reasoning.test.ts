import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import {
  CHAT_URL,
  callOptions,
  jsonResponse,
  sseFixtureResponse,
  streamParts,
  testModel,
} from '../test-utils/chat';
import { readJsonFixture } from '../test-utils/sse';

const server = createTestServer({ [CHAT_URL]: {} });

function joined(parts: LanguageModelV4StreamPart[], type: 'text-delta' | 'reasoning-delta') {
  return parts
    .filter((p): p is Extract<LanguageModelV4StreamPart, { type: typeof type }> => p.type === type)
    .map((p) => p.delta)
    .join('');
}

describe('reasoning in responses', () => {
  it('generate: DeepSeek reasoning_content → reasoning before text, with reasoning tokens', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('deepseek-reasoner'));
    const result = await testModel('deepseek-reasoner').doGenerate(callOptions());
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Pair 1 with 100, 2 with 99: 50 pairs of 101.' },
      { type: 'text', text: 'The sum is 5050.' },
    ]);
    expect(result.usage.outputTokens).toEqual({ total: 120, text: 20, reasoning: 100 });
  });

  it('generate: the <budget:thinking> prefix on Claude Opus 4.5 becomes reasoning', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      readJsonFixture('claude-opus-4-5-budget-thinking'),
    );
    const result = await testModel('claude-opus-4-5-20251101').doGenerate(callOptions());
    expect(result.content).toEqual([
      {
        type: 'reasoning',
        text: 'The user wants the sum 1..100; Gauss pairing gives 50 pairs of 101.',
      },
      { type: 'text', text: 'The sum of 1 to 100 is 5050.' },
    ]);
  });

  it('generate and stream give the same MiniMax <think> split', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('minimax-m2-think'));
    const generated = await testModel('minimax-m2').doGenerate(callOptions());
    expect(generated.content).toEqual([
      { type: 'reasoning', text: 'The user greets me.' },
      { type: 'text', text: 'Hello! How can I help?' },
    ]);
    server.urls[CHAT_URL].response = sseFixtureResponse('minimax-m2-think');
    const streamed = await streamParts('minimax-m2');
    expect(joined(streamed, 'reasoning-delta')).toBe('The user greets me.');
    expect(joined(streamed, 'text-delta')).toBe('Hello! How can I help?');
  });

  it('generate: extractReasoningTags false keeps the tags in the text', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      readJsonFixture('claude-opus-4-5-budget-thinking'),
    );
    const result = await testModel('claude-opus-4-5-20251101').doGenerate(
      callOptions({ providerOptions: { mixrouter: { extractReasoningTags: false } } }),
    );
    expect(result.content).toHaveLength(1);
    expect(result.content[0]).toMatchObject({ type: 'text' });
    expect((result.content[0] as { text: string }).text).toMatch(/^<budget:thinking>/);
  });

  it('generate: reasoning_content and inline <think> in the same message both become reasoning', async () => {
    server.urls[CHAT_URL].response = jsonResponse({
      id: 'x',
      model: 'm',
      choices: [
        {
          message: { reasoning_content: 'field', content: '<think>inline</think>answer' },
          finish_reason: 'stop',
        },
      ],
    });
    const result = await testModel('minimax-m2').doGenerate(callOptions());
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'fieldinline' },
      { type: 'text', text: 'answer' },
    ]);
  });
});

describe('reasoning knobs on the wire', () => {
  it('stream: Claude thinking rides with stream options and without temperature', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('claude-sonnet-4-5-interleaved-thinking');
    const parts = await streamParts('claude-sonnet-4-5-20250929', {
      reasoning: 'low',
      temperature: 0.7,
      maxOutputTokens: 32_000,
    });
    expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
      {
        "max_tokens": 32000,
        "messages": [
          {
            "content": "Hello",
            "role": "user",
          },
        ],
        "model": "claude-sonnet-4-5-20250929",
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "thinking": {
          "budget_tokens": 3200,
          "type": "enabled",
        },
      }
    `);
    expect(parts[0]).toMatchObject({
      type: 'stream-start',
      warnings: [{ type: 'unsupported', feature: 'temperature' }],
    });
  });

  it('generate: Gemini thinking goes in extra_body.google.thinking_config', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gemini-2.0-flash'));
    const result = await testModel('gemini-2.5-flash').doGenerate(
      callOptions({ reasoning: 'none' }),
    );
    expect(await server.calls[0].requestBodyJson).toEqual({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Hello' }],
      extra_body: { google: { thinking_config: { thinking_budget: 0, include_thoughts: false } } },
    });
    expect(result.warnings).toEqual([]);
  });

  it('generate: an unsupported request is a warning in the result, not an error', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gemini-2.0-flash'));
    const result = await testModel('gpt-4o').doGenerate(callOptions({ reasoning: 'high' }));
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'reasoning',
        details: 'gpt-4o does not support reasoning; no reasoning setting was sent.',
      },
    ]);
  });
});

describe('Gemini thought signatures round trip', () => {
  it('keeps extra_content in providerMetadata (generate) and replays it on the next request', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      readJsonFixture('gemini-3-pro-preview-tool-call'),
    );
    const model = testModel('gemini-3-pro-preview');
    const first = await model.doGenerate(callOptions());
    const call = first.content.find((part) => part.type === 'tool-call');
    expect(call).toEqual({
      type: 'tool-call',
      toolCallId: 'call_3f1c2b9e8d7a4c6b',
      toolName: 'get_weather',
      input: '{"city":"Paris"}',
      providerMetadata: {
        mixrouter: { extraContent: { google: { thought_signature: 'CiQB0e2Kb7Zq9sig==' } } },
      },
    });
    expect(first.usage.outputTokens).toEqual({ total: 96, text: 16, reasoning: 80 });

    // `ai` turns the part's providerMetadata into providerOptions on the replayed part.
    await model.doGenerate(
      callOptions({
        prompt: [
          { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
          {
            role: 'assistant',
            content: [
              {
                type: 'tool-call',
                toolCallId: call!.type === 'tool-call' ? call!.toolCallId : '',
                toolName: 'get_weather',
                input: { city: 'Paris' },
                providerOptions: call!.providerMetadata as never,
              },
            ],
          },
          {
            role: 'tool',
            content: [
              {
                type: 'tool-result',
                toolCallId: 'call_3f1c2b9e8d7a4c6b',
                toolName: 'get_weather',
                output: { type: 'json', value: { tempC: 18 } },
              },
            ],
          },
        ],
      }),
    );
    const body = await server.calls[1].requestBodyJson;
    expect(body.messages.slice(1)).toMatchInlineSnapshot(`
      [
        {
          "content": null,
          "role": "assistant",
          "tool_calls": [
            {
              "extra_content": {
                "google": {
                  "thought_signature": "CiQB0e2Kb7Zq9sig==",
                },
              },
              "function": {
                "arguments": "{"city":"Paris"}",
                "name": "get_weather",
              },
              "id": "call_3f1c2b9e8d7a4c6b",
              "type": "function",
            },
          ],
        },
        {
          "content": "{"tempC":18}",
          "role": "tool",
          "tool_call_id": "call_3f1c2b9e8d7a4c6b",
        },
      ]
    `);
  });
});

describe('stream-only models (Qwen Omni)', () => {
  it('doGenerate streams and folds the parts into a result', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('qwen-plus-thinking', undefined, {
      'x-oneapi-request-id': 'req-omni',
    });
    const result = await testModel('qwen2.5-omni-7b').doGenerate(callOptions());
    expect(await server.calls[0].requestBodyJson).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(result.content).toEqual([
      { type: 'reasoning', text: '用高斯配对法' },
      { type: 'text', text: '5050' },
    ]);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(result.usage.outputTokens.reasoning).toBe(20);
    expect(result.response).toMatchObject({
      id: 'chatcmpl-4f1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      headers: expect.objectContaining({ 'x-oneapi-request-id': 'req-omni' }),
    });
    expect(result.request?.body).toMatchObject({ model: 'qwen2.5-omni-7b', stream: true });
    expect(result.warnings).toEqual([]);
  });

  it('doGenerate throws the stream error of a stream-only model', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('upstream-error-mid-stream');
    await expect(testModel('qwen2.5-omni-7b').doGenerate(callOptions())).rejects.toMatchObject({
      code: 'server_error',
    });
  });

  describe('inline tags are split only for families that write them (or when asked)', () => {
    const answer = (content: string) =>
      jsonResponse({
        id: 'x',
        model: 'm',
        choices: [{ message: { content }, finish_reason: 'stop' }],
      });

    it.each(['gpt-4o', 'claude-sonnet-4-5-20250929', 'deepseek-chat', 'qwen3-max', 'grok-4'])(
      '%s: an answer that mentions <think> (even unclosed) keeps all its text',
      async (modelId) => {
        for (const content of [
          'Wrap it in <think>…</think> tags, like <think>this</think>.',
          'An unclosed <think> tag must not swallow the rest of the answer.',
        ]) {
          server.urls[CHAT_URL].response = answer(content);
          const result = await testModel(modelId).doGenerate(callOptions());
          expect(result.content).toEqual([{ type: 'text', text: content }]);
        }
      },
    );

    it('Claude: the leaked <budget:thinking> block is split, a mentioned <think> is not', async () => {
      server.urls[CHAT_URL].response = answer(
        '<budget:thinking>plan</budget:thinking>Use <think> tags.',
      );
      const result = await testModel('claude-opus-4-5-20251101').doGenerate(callOptions());
      expect(result.content).toEqual([
        { type: 'reasoning', text: 'plan' },
        { type: 'text', text: 'Use <think> tags.' },
      ]);
    });

    it('MiniMax (catalogue flag inlineThinkTags) splits <think> by default, stream and generate', async () => {
      server.urls[CHAT_URL].response = answer('<think>r</think>a');
      expect((await testModel('minimax-m2.5').doGenerate(callOptions())).content).toEqual([
        { type: 'reasoning', text: 'r' },
        { type: 'text', text: 'a' },
      ]);
    });

    it('extractReasoningTags: true splits both kinds on any model', async () => {
      server.urls[CHAT_URL].response = answer('<think>r</think>a');
      const result = await testModel('gpt-4o').doGenerate(
        callOptions({ providerOptions: { mixrouter: { extractReasoningTags: true } } }),
      );
      expect(result.content).toEqual([
        { type: 'reasoning', text: 'r' },
        { type: 'text', text: 'a' },
      ]);
    });

    it('stream: gpt-4o keeps a streamed <think> as text', async () => {
      server.urls[CHAT_URL].response = sseFixtureResponse('minimax-m2-think');
      const parts = await streamParts('gpt-4o');
      expect(joined(parts, 'text-delta')).toBe(
        '<think>\nThe user greets me.\n</think>\n\nHello! How can I help?',
      );
      expect(joined(parts, 'reasoning-delta')).toBe('');
    });
  });
});
