import {
  InvalidArgumentError,
  InvalidPromptError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4FunctionTool,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { errorOf, IMAGE_CALL, testProvider, USER_PROMPT, VIDEO_CALL } from './helpers/models';

/** A provider whose fetch counts requests (and answers nothing useful). */
function countingProvider() {
  const requests: string[] = [];
  const provider = testProvider({
    baseURL: 'https://api.mixrouter.test/v1',
    fetch: async (input) => {
      requests.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ error: { message: 'should not be reached' } }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { provider, requests };
}

type ErrorKind = { isInstance(error: unknown): boolean; name?: string };

/** Chat completions (generate and stream) and the three native routes. */
function languageModels(
  provider: ReturnType<typeof testProvider>,
): Array<[string, LanguageModelV4]> {
  return [
    ['chat', provider.chat('gpt-4o')],
    ['chat (claude)', provider.chat('claude-sonnet-4-5')],
    ['messages', provider.messages('claude-sonnet-4-5')],
    ['responses', provider.responses('gpt-5.1-codex')],
    ['gemini', provider.gemini('gemini-2.5-pro')],
  ];
}

async function expectRejectedBeforeSending(
  overrides: Partial<LanguageModelV4CallOptions>,
  kind: ErrorKind,
  message: RegExp,
  { skip = [] as string[] } = {},
) {
  const { provider, requests } = countingProvider();
  for (const [label, model] of languageModels(provider)) {
    if (skip.includes(label)) continue;
    for (const method of ['doGenerate', 'doStream'] as const) {
      const error = await errorOf(() =>
        method === 'doGenerate'
          ? model.doGenerate({ prompt: USER_PROMPT, ...overrides })
          : model.doStream({ prompt: USER_PROMPT, ...overrides }),
      );
      expect(kind.isInstance(error), `${label}.${method}: ${String(error)}`).toBe(true);
      expect((error as Error).message, `${label}.${method}`).toMatch(message);
    }
  }
  expect(requests).toEqual([]);
}

describe('invalid input is rejected before any request is sent', () => {
  it('provider options: an unknown key', async () => {
    await expectRejectedBeforeSending(
      { providerOptions: { mixrouter: { temprature: 0.2 } } },
      InvalidArgumentError,
      /Invalid MixRouter provider options: .*temprature/,
    );
  });

  it('provider options: a wrong type', async () => {
    await expectRejectedBeforeSending(
      { providerOptions: { mixrouter: { parallelToolCalls: 'yes' } } },
      InvalidArgumentError,
      /providerOptions\.mixrouter\.parallelToolCalls: Invalid input: expected boolean/,
    );
    await expectRejectedBeforeSending(
      { providerOptions: { mixrouter: { thinkingBudget: -5 } } },
      InvalidArgumentError,
      /providerOptions\.mixrouter\.thinkingBudget: Too small/,
    );
  });

  it('provider options of the media models: wrong types', async () => {
    const { provider, requests } = countingProvider();
    const calls: Record<string, () => PromiseLike<unknown>> = {
      embedding: () =>
        provider
          .embedding('text-embedding-3-small')
          .doEmbed({ values: ['a'], providerOptions: { mixrouter: { dimensions: 'big' } } }),
      image: () =>
        provider
          .image('gpt-image-1')
          .doGenerate({ ...IMAGE_CALL, providerOptions: { mixrouter: { quality: 42 } } }),
      speech: () =>
        provider
          .speech('tts-1')
          .doGenerate({ text: 'a', providerOptions: { mixrouter: { extraBody: 'x' } } }),
      transcription: () =>
        provider.transcription('whisper-1').doGenerate({
          audio: new Uint8Array([1]),
          mediaType: 'audio/wav',
          providerOptions: { mixrouter: { temperature: 'hot' } },
        }),
      video: () =>
        provider.video('sora-2').doStart!({
          ...VIDEO_CALL,
          providerOptions: { mixrouter: { endpoint: 'jobs' } },
        }),
    };
    for (const [label, call] of Object.entries(calls)) {
      const error = await errorOf(call);
      expect(InvalidArgumentError.isInstance(error), `${label}: ${String(error)}`).toBe(true);
      expect((error as Error).message, label).toMatch(
        /^Invalid MixRouter provider options: providerOptions\.mixrouter\.\w+: /,
      );
    }
    expect(requests).toEqual([]);
  });

  it('an empty prompt: no messages, or only an assistant message', async () => {
    await expectRejectedBeforeSending(
      { prompt: [] },
      InvalidPromptError,
      /no system or user message/,
    );
    await expectRejectedBeforeSending(
      { prompt: [{ role: 'assistant', content: [{ type: 'text', text: 'I spoke first' }] }] },
      InvalidPromptError,
      /no system or user message/,
    );
  });

  const badSchemas: Array<[string, unknown, RegExp]> = [
    ['a number', 5, /must be a JSON Schema object, got number/],
    ['null', null, /got null/],
    ['an array', [{ type: 'object' }], /got an array/],
    ['a string', 'object', /got string/],
    ['type is not a string', { type: 5, properties: {} }, /"type" must be a string/],
    ['type is an empty array', { type: [] }, /"type" must be a string/],
    ['type is not object', { type: 'string' }, /top-level "type" must be "object"/],
    [
      'properties is an array',
      { type: 'object', properties: [{ city: 'string' }] },
      /"properties" must be an object/,
    ],
    [
      'a property is not a schema',
      { type: 'object', properties: { city: 'string' } },
      /"properties.city" must be a schema object/,
    ],
    ['required is a string', { type: 'object', required: 'city' }, /"required" must be an array/],
  ];

  for (const [label, inputSchema, message] of badSchemas) {
    it(`a tool with an invalid input schema: ${label}`, async () => {
      const weather = {
        type: 'function',
        name: 'get_weather',
        inputSchema,
      } as unknown as LanguageModelV4FunctionTool;
      await expectRejectedBeforeSending({ tools: [weather] }, InvalidArgumentError, message);
      await expectRejectedBeforeSending(
        { tools: [weather] },
        InvalidArgumentError,
        /Tool "get_weather"/,
      );
    });
  }

  it('a tool whose schema cannot be serialised, and a tool without a name', async () => {
    const circular: Record<string, unknown> = { type: 'object', properties: {} };
    (circular.properties as Record<string, unknown>).self = circular;
    await expectRejectedBeforeSending(
      {
        tools: [
          { type: 'function', name: 'loop', inputSchema: circular } as LanguageModelV4FunctionTool,
        ],
      },
      InvalidArgumentError,
      /cannot be serialised as JSON/,
    );
    await expectRejectedBeforeSending(
      { tools: [{ type: 'function', name: ' ', inputSchema: { type: 'object' } }] },
      InvalidArgumentError,
      /non-empty name/,
    );
  });

  it('valid schemas still pass: {}, type object, ["object","null"], anyOf, boolean properties', async () => {
    const { provider, requests } = countingProvider();
    const schemas = [
      {},
      { type: 'object' },
      { type: ['object', 'null'], properties: { a: true } },
      { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }] },
      {
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
        additionalProperties: false,
      },
    ];
    for (const inputSchema of schemas) {
      await errorOf(() =>
        provider.chat('gpt-4o').doGenerate({
          prompt: USER_PROMPT,
          tools: [
            {
              type: 'function',
              name: 'f',
              inputSchema: inputSchema as LanguageModelV4FunctionTool['inputSchema'],
            },
          ],
        }),
      );
    }
    expect(requests).toHaveLength(schemas.length);
  });

  it('an unsupported media type (application/zip file part)', async () => {
    await expectRejectedBeforeSending(
      {
        prompt: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'unpack this' },
              {
                type: 'file',
                mediaType: 'application/zip',
                data: { type: 'data', data: new Uint8Array([0x50, 0x4b, 3, 4]) },
              },
            ],
          },
        ],
      },
      UnsupportedFunctionalityError,
      /application\/zip/,
      // The native Gemini route passes files through as `inlineData` and leaves the MIME
      // type to Gemini, which accepts many document types; chat completions and the
      // other native routes know what they can send and refuse the rest.
      { skip: ['gemini'] },
    );
  });

  it('maxOutputTokens ≥ 2^30 (and other absurd values)', async () => {
    for (const maxOutputTokens of [2 ** 30, 2 ** 31, 1e12, 0, -1, 1.5]) {
      await expectRejectedBeforeSending(
        { maxOutputTokens },
        InvalidArgumentError,
        /maxOutputTokens/,
      );
    }
    const { provider, requests } = countingProvider();
    await errorOf(() =>
      provider.chat('gpt-4o').doGenerate({ prompt: USER_PROMPT, maxOutputTokens: 2 ** 30 - 1 }),
    );
    expect(requests).toHaveLength(1);
  });
});

describe('the same through `ai`', () => {
  it('generateText / streamText surface the errors and send nothing', async () => {
    const { provider, requests } = countingProvider();
    const model = provider.chat('gpt-4o');
    const cases: Array<[string, () => PromiseLike<unknown>, ErrorKind]> = [
      [
        'unknown option',
        () => generateText({ model, prompt: 'hi', providerOptions: { mixrouter: { nope: true } } }),
        InvalidArgumentError,
      ],
      [
        '2^30 tokens',
        () => generateText({ model, prompt: 'hi', maxOutputTokens: 2 ** 30 }),
        InvalidArgumentError,
      ],
      [
        'bad tool schema',
        () =>
          generateText({
            model,
            prompt: 'hi',
            tools: { weather: tool({ inputSchema: jsonSchema({ type: 'string' } as never) }) },
          }),
        InvalidArgumentError,
      ],
      [
        'zip file',
        () =>
          generateText({
            model,
            messages: [
              {
                role: 'user',
                content: [
                  {
                    type: 'file',
                    mediaType: 'application/zip',
                    data: new Uint8Array([0x50, 0x4b, 3, 4]),
                  },
                ],
              },
            ],
          }),
        UnsupportedFunctionalityError,
      ],
      [
        'only an assistant message',
        () => generateText({ model, messages: [{ role: 'assistant', content: 'hello' }] }),
        InvalidPromptError,
      ],
    ];
    for (const [label, call, kind] of cases) {
      const error = await errorOf(call);
      expect(kind.isInstance(error), `${label}: ${String(error)}`).toBe(true);
    }
    let streamError: unknown;
    const result = streamText({
      model,
      prompt: 'hi',
      maxOutputTokens: 2 ** 30,
      onError: ({ error }) => {
        streamError = error;
      },
    });
    await result.consumeStream();
    expect(InvalidArgumentError.isInstance(streamError), String(streamError)).toBe(true);
    expect(requests).toEqual([]);
  });
});
