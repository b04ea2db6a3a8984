import {
  InvalidPromptError,
  type LanguageModelV4CallOptions,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { TEST_PROMPT } from '../test-utils/chat';
import { buildMixRouterChatRequest, deepMerge } from './build-mixrouter-chat-request';

function build(modelId: string, options: Partial<LanguageModelV4CallOptions> = {}, stream = false) {
  return buildMixRouterChatRequest({
    options: { prompt: TEST_PROMPT, ...options },
    info: getMixRouterModelInfo(modelId),
    stream,
  });
}

const SAMPLING = {
  maxOutputTokens: 500,
  temperature: 0.3,
  topP: 0.8,
  topK: 40,
  presencePenalty: 0.5,
  frequencyPenalty: 0.25,
  seed: 7,
  stopSequences: ['END'],
} satisfies Partial<LanguageModelV4CallOptions>;

const schema = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
} as const;

describe('sampling settings per family', () => {
  it('gpt-4o: passes everything through except topK', async () => {
    const { body, warnings } = await build('gpt-4o', SAMPLING);
    expect(body).toMatchInlineSnapshot(`
      {
        "frequency_penalty": 0.25,
        "max_tokens": 500,
        "messages": [
          {
            "content": "Hello",
            "role": "user",
          },
        ],
        "model": "gpt-4o",
        "presence_penalty": 0.5,
        "seed": 7,
        "stop": [
          "END",
        ],
        "temperature": 0.3,
        "top_p": 0.8,
      }
    `);
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'topK',
        details: 'gpt-4o does not accept topK; it was not sent.',
      },
    ]);
  });

  // OpenAI: 400 "Unsupported parameter: 'stop' is not supported with this model." (issue 12 #2)
  it.each(['o1', 'o3', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5.1', 'gpt-5-mini', 'gpt-5.2-chat'])(
    '%s: max_completion_tokens, no stop/temperature/top_p/penalties/topK, with warnings',
    async (modelId) => {
      const { body, warnings } = await build(modelId, SAMPLING);
      expect(body).toEqual({
        model: modelId,
        messages: [{ role: 'user', content: 'Hello' }],
        max_completion_tokens: 500,
        seed: 7,
      });
      expect(warnings.map((w) => (w.type === 'unsupported' ? w.feature : w.type)).sort()).toEqual([
        'frequencyPenalty',
        'presencePenalty',
        'stopSequences',
        'temperature',
        'topK',
        'topP',
      ]);
      expect(warnings.every((w) => w.type === 'unsupported')).toBe(true);
    },
  );

  it('claude: drops seed and penalties (the gateway ignores them), keeps top_k', async () => {
    const { body, warnings } = await build('claude-sonnet-4-20250514', SAMPLING);
    expect(body).toEqual({
      model: 'claude-sonnet-4-20250514',
      messages: [{ role: 'user', content: 'Hello' }],
      max_tokens: 500,
      temperature: 0.3,
      top_p: 0.8,
      top_k: 40,
      stop: ['END'],
    });
    expect(warnings.map((w) => w.type === 'unsupported' && w.feature)).toEqual([
      'seed',
      'presencePenalty',
      'frequencyPenalty',
    ]);
  });

  it('claude 4.5: temperature and top_p are exclusive, so top_p is not sent', async () => {
    const { body, warnings } = await build('claude-sonnet-4-5-20250929', {
      temperature: 0.3,
      topP: 0.8,
    });
    expect(body).toMatchObject({ temperature: 0.3 });
    expect(body).not.toHaveProperty('top_p');
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'topP',
        details:
          'claude-sonnet-4-5-20250929 takes temperature or topP, not both; topP was not sent.',
      },
    ]);
    expect((await build('claude-sonnet-4-5-20250929', { topP: 0.8 })).body.top_p).toBe(0.8);
  });

  it('gemini: keeps at most 5 stop sequences (with a warning) and drops penalties', async () => {
    const { body, warnings } = await build('gemini-2.5-flash', {
      ...SAMPLING,
      stopSequences: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
    expect(body.stop).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(body).not.toHaveProperty('presence_penalty');
    expect(body).not.toHaveProperty('frequency_penalty');
    expect(body).toMatchObject({
      temperature: 0.3,
      top_p: 0.8,
      top_k: 40,
      seed: 7,
      max_tokens: 500,
    });
    expect(warnings).toContainEqual({
      type: 'compatibility',
      feature: 'stopSequences',
      details: 'gemini-2.5-flash takes at most 5 stop sequence(s); the other 2 were not sent.',
    });
    expect(warnings.filter((w) => w.type === 'unsupported')).toHaveLength(2);
  });

  it('gemini: five stop sequences pass without a warning', async () => {
    const { body, warnings } = await build('gemini-2.5-flash', {
      stopSequences: ['1', '2', '3', '4', '5'],
    });
    expect(body.stop).toHaveLength(5);
    expect(warnings).toEqual([]);
  });

  it('deepseek-reasoner and grok-4: drop what they reject', async () => {
    const reasoner = await build('deepseek-reasoner', SAMPLING);
    expect(Object.keys(reasoner.body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stop']);
    const grok = await build('grok-4', SAMPLING);
    expect(Object.keys(grok.body).sort()).toEqual([
      'max_tokens',
      'messages',
      'model',
      'seed',
      'temperature',
      'top_p',
    ]);
  });
});

describe('validation', () => {
  it.each([2 ** 30, 2 ** 40, 0, -1, 1.5])('rejects maxOutputTokens %d', async (maxOutputTokens) => {
    await expect(build('gpt-4o', { maxOutputTokens })).rejects.toThrow(/maxOutputTokens/);
  });

  it('accepts maxOutputTokens just below 2^30', async () => {
    expect((await build('gpt-4o', { maxOutputTokens: 2 ** 30 - 1 })).body.max_tokens).toBe(
      2 ** 30 - 1,
    );
  });

  it('rejects a prompt without system or user message', async () => {
    await expect(build('gpt-4o', { prompt: [] })).rejects.toSatisfy(InvalidPromptError.isInstance);
    await expect(
      build('gpt-4o', { prompt: [{ role: 'assistant', content: [{ type: 'text', text: 'x' }] }] }),
    ).rejects.toSatisfy(InvalidPromptError.isInstance);
  });

  it('rejects realtime-only and responses-only models, naming the right route', async () => {
    await expect(build('gpt-4o-realtime-preview')).rejects.toSatisfy(
      UnsupportedFunctionalityError.isInstance,
    );
    // issue 12 #17: an id the catalogue marks responses-only is an error on chat().
    for (const id of ['gpt-5.1-codex', 'gpt-5.2-pro']) {
      await expect(build(id)).rejects.toThrow(`provider.responses('${id}')`);
    }
  });
});

describe('provider options', () => {
  it('sends user, parallel_tool_calls (with tools) and verbosity', async () => {
    const { body, warnings } = await build('gpt-5', {
      tools: [{ type: 'function', name: 'f', inputSchema: { type: 'object' } }],
      toolChoice: { type: 'auto' },
      providerOptions: {
        mixrouter: { user: 'user-42', parallelToolCalls: false, textVerbosity: 'low' },
      },
    });
    expect(body).toMatchObject({
      user: 'user-42',
      parallel_tool_calls: false,
      verbosity: 'low',
      tool_choice: 'auto',
    });
    expect(warnings).toEqual([]);
  });

  it('does not send parallel_tool_calls without tools, and warns', async () => {
    const { body, warnings } = await build('gpt-4o', {
      providerOptions: { mixrouter: { parallelToolCalls: true } },
    });
    expect(body).not.toHaveProperty('parallel_tool_calls');
    expect(warnings).toEqual([
      {
        type: 'other',
        message: 'parallelToolCalls was set but no tools were sent; it was ignored.',
      },
    ]);
  });

  it('deep-merges extraBody last, over computed fields', async () => {
    const { body } = await build('gemini-2.5-flash', {
      maxOutputTokens: 100,
      reasoning: 'low',
      providerOptions: {
        mixrouter: {
          extraBody: {
            max_tokens: 200,
            extra_body: {
              google: {
                image_config: { aspect_ratio: '16:9' },
                thinking_config: { include_thoughts: false },
              },
            },
            web_search_options: { search_context_size: 'low' },
            stop: ['x'],
          },
        },
      },
    });
    expect(body).toMatchInlineSnapshot(`
      {
        "extra_body": {
          "google": {
            "image_config": {
              "aspect_ratio": "16:9",
            },
            "thinking_config": {
              "include_thoughts": false,
              "thinking_budget": 128,
            },
          },
        },
        "max_tokens": 200,
        "messages": [
          {
            "content": "Hello",
            "role": "user",
          },
        ],
        "model": "gemini-2.5-flash",
        "stop": [
          "x",
        ],
        "web_search_options": {
          "search_context_size": "low",
        },
      }
    `);
  });

  it('adds stream and stream_options.include_usage for streams only', async () => {
    expect((await build('gpt-4o', {}, true)).body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
    expect((await build('gpt-4o')).body).not.toHaveProperty('stream');
  });

  it('sends audio output options with modalities', async () => {
    const { body } = await build('gpt-4o-audio-preview', {
      providerOptions: { mixrouter: { audio: { voice: 'alloy', format: 'wav' } } },
    });
    expect(body).toMatchObject({
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'wav' },
    });
    const explicit = await build('gpt-4o-audio-preview', {
      providerOptions: {
        mixrouter: { modalities: ['text'], audio: { voice: 'alloy', format: 'mp3' } },
      },
    });
    expect(explicit.body.modalities).toEqual(['text']);
  });
});

describe('structured output', () => {
  it('sends json_schema with name "response" and strict false by default', async () => {
    const { body, warnings } = await build('gpt-4o', { responseFormat: { type: 'json', schema } });
    expect(body.response_format).toMatchInlineSnapshot(`
      {
        "json_schema": {
          "name": "response",
          "schema": {
            "additionalProperties": false,
            "properties": {
              "city": {
                "type": "string",
              },
            },
            "required": [
              "city",
            ],
            "type": "object",
          },
          "strict": false,
        },
        "type": "json_schema",
      }
    `);
    expect(warnings).toEqual([]);
  });

  it('keeps name and description and honours strictJsonSchema', async () => {
    const { body } = await build('gemini-2.5-flash', {
      responseFormat: { type: 'json', schema, name: 'city', description: 'A city' },
      providerOptions: { mixrouter: { strictJsonSchema: true } },
    });
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'city', description: 'A city', schema, strict: true },
    });
  });

  it('sends json_object for json without a schema', async () => {
    const { body } = await build('deepseek-chat', { responseFormat: { type: 'json' } });
    expect(body.response_format).toEqual({ type: 'json_object' });
  });

  it('sends nothing for responseFormat text', async () => {
    const { body } = await build('gpt-4o', { responseFormat: { type: 'text' } });
    expect(body).not.toHaveProperty('response_format');
  });

  it('claude: injects the schema as a first system message with a compatibility warning', async () => {
    const { body, warnings } = await build('claude-sonnet-4-5-20250929', {
      prompt: [{ role: 'system', content: 'Be terse.' }, ...TEST_PROMPT],
      responseFormat: { type: 'json', schema, name: 'city' },
    });
    expect(body).not.toHaveProperty('response_format');
    expect(body.messages).toMatchInlineSnapshot(`
      [
        {
          "content": "Respond only with a JSON value, with no prose and no code fences.
      It is called "city".
      It must conform to this JSON schema:
      {"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}",
          "role": "system",
        },
        {
          "content": "Be terse.",
          "role": "system",
        },
        {
          "content": "Hello",
          "role": "user",
        },
      ]
    `);
    expect(warnings).toEqual([
      {
        type: 'compatibility',
        feature: 'responseFormat',
        details:
          'MixRouter cannot pass response_format to claude-sonnet-4-5-20250929 (the gateway ignores it or the upstream rejects it); the JSON schema was added to the prompt instead.',
      },
    ]);
  });

  it('claude: json without a schema still gets an instruction', async () => {
    const { body, warnings } = await build('claude-opus-4-5-20251101', {
      responseFormat: { type: 'json' },
    });
    expect((body.messages as Array<{ role: string; content: string }>)[0]).toEqual({
      role: 'system',
      content: 'Respond only with a JSON value, with no prose and no code fences.',
    });
    expect(warnings[0]).toMatchObject({ type: 'compatibility', feature: 'responseFormat' });
  });
});

describe('tools in the body', () => {
  it('does not send tools to gemini-2.5-flash-image', async () => {
    const { body, warnings } = await build('gemini-2.5-flash-image', {
      tools: [{ type: 'function', name: 'f', inputSchema: { type: 'object' } }],
      toolChoice: { type: 'required' },
    });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(warnings).toMatchObject([{ type: 'unsupported', feature: 'tools' }]);
  });

  it('claude: a forced tool choice wins over thinking (Anthropic rejects the two together)', async () => {
    const tools = [
      { type: 'function' as const, name: 'extract', inputSchema: { type: 'object' as const } },
    ];
    const forced = await build('claude-sonnet-4-5-20250929', {
      tools,
      toolChoice: { type: 'tool', toolName: 'extract' },
      reasoning: 'high',
      temperature: 0.2,
    });
    expect(forced.body).not.toHaveProperty('thinking');
    expect(forced.body).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'extract' } },
      temperature: 0.2,
    });
    expect(forced.warnings).toMatchObject([{ type: 'unsupported', feature: 'reasoning' }]);

    const auto = await build('claude-sonnet-4-5-20250929', {
      tools,
      toolChoice: { type: 'auto' },
      reasoning: 'high',
    });
    expect(auto.body).toHaveProperty('thinking.type', 'enabled');
  });
});

describe('deepMerge', () => {
  it('merges plain objects and lets arrays and scalars replace', () => {
    expect(
      deepMerge({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2], e: null }, d: { x: 1 } }),
    ).toEqual({
      a: { b: 1, c: [2], e: null },
      d: { x: 1 },
    });
  });

  it('does not mutate its inputs', () => {
    const target = { a: { b: 1 } };
    deepMerge(target, { a: { c: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });
});
