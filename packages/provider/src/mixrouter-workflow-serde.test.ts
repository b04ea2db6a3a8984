import { InvalidArgumentError, LoadAPIKeyError } from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import { generateText } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
import { isMixRouterError } from './mixrouter-error';
import { createMixRouter } from './mixrouter-main';
import type { MixRouterModelState } from './mixrouter-workflow-serde';
import {
  type FakeServer,
  type RecordedRequest,
  sendJson,
  startFakeServer,
} from './reliability/helpers/fake-server';
import { messageResponse } from './test-utils/chat';

const KEY = 'sk-serde-SECRET-4b1d9e7a20c3';
const ENV_KEY = 'sk-serde-ENV-KEY-93c1f0aa57';

type Serializable = { constructor: unknown };
type SerdeClass = {
  [WORKFLOW_SERIALIZE](model: unknown): MixRouterModelState;
  [WORKFLOW_DESERIALIZE](state: unknown): unknown;
};

/** What the workflow runtime does: class serialiser → stored JSON → class deserialiser. */
function roundTrip<T extends Serializable>(model: T): { state: MixRouterModelState; rebuilt: T } {
  const cls = model.constructor as SerdeClass;
  const stored = JSON.stringify(cls[WORKFLOW_SERIALIZE](model));
  const state = JSON.parse(stored) as MixRouterModelState;
  return { state, rebuilt: cls[WORKFLOW_DESERIALIZE](JSON.parse(stored)) as T };
}

const CHAT_ANSWER = messageResponse({ content: 'hi' });

function comparable(request: RecordedRequest) {
  return {
    method: request.method,
    path: request.path,
    headers: request.headers,
    body: request.json,
  };
}

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer((_, res) => sendJson(res, 200, CHAT_ANSWER));
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
  server.reset((_, res) => sendJson(res, 200, CHAT_ANSWER));
});

describe('workflow state', () => {
  it('is plain JSON with the model id, provider, base URL, routing and non-credential headers', () => {
    vi.stubEnv('MIXROUTER_API_KEY', ENV_KEY);
    const provider = createMixRouter({
      apiKey: KEY,
      baseURL: 'https://gw.example.test/v1/',
      headers: { 'X-Trace-Id': 'trace-1', 'Idempotency-Key': 'idem-1', 'X-Unset': undefined },
      routing: { anthropic: 'messages' },
      fetch: globalThis.fetch,
      generateId: () => 'id',
      native: { openai: (() => {}) as never },
    });
    const { state } = roundTrip(provider.chat('gpt-4o'));
    expect(state).toEqual({
      format: 1,
      modelId: 'gpt-4o',
      provider: 'mixrouter.chat',
      settings: {
        baseURL: 'https://gw.example.test/v1',
        headers: { 'X-Trace-Id': 'trace-1', 'Idempotency-Key': 'idem-1' },
        routing: { anthropic: 'messages' },
      },
      omitted: ['apiKey', 'fetch', 'generateId', 'native'],
    });
  });

  it('never holds credentials: credential headers (any case), key-bearing values, URL user info and key parameters', () => {
    vi.stubEnv('MIXROUTER_API_KEY', ENV_KEY);
    const provider = createMixRouter({
      apiKey: KEY,
      baseURL: `https://user:pw@gw.example.test/v1?key=${KEY}&region=eu&access_token=t0k`,
      headers: {
        AUTHORIZATION: `Bearer ${KEY}`,
        'X-Api-Key': KEY,
        'api-key': 'azure-style',
        'x-goog-api-key': 'g',
        Cookie: 'session=1',
        'Proxy-Authorization': 'Basic abc',
        'mj-api-secret': 'mj-secret-value',
        'X-Upstream': `prefix ${ENV_KEY}`,
        'X-Forwarded-Auth': 'Basic zzz',
        'X-Keep': 'kept',
      },
    });
    const { state } = roundTrip(provider.embedding('text-embedding-3-small'));
    const stored = JSON.stringify(state);
    for (const secret of [
      KEY,
      ENV_KEY,
      'azure-style',
      'session=1',
      'pw',
      't0k',
      'mj-secret-value',
      'Basic',
    ]) {
      expect(stored).not.toContain(secret);
    }
    expect(state.settings).toEqual({
      baseURL: 'https://gw.example.test/v1?region=eu',
      headers: { 'X-Keep': 'kept' },
    });
    expect(state.omitted).toEqual([
      'apiKey',
      'baseURL.credentials',
      'baseURL.query.key',
      'baseURL.query.access_token',
      'headers.AUTHORIZATION',
      'headers.X-Api-Key',
      'headers.api-key',
      'headers.x-goog-api-key',
      'headers.Cookie',
      'headers.Proxy-Authorization',
      'headers.mj-api-secret',
      'headers.X-Upstream',
      'headers.X-Forwarded-Auth',
    ]);
  });

  it('stores the base URL resolved at creation (MIXROUTER_BASE_URL or the default)', () => {
    vi.stubEnv('MIXROUTER_BASE_URL', 'https://env-gw.example.test/v1');
    const fromEnv = createMixRouter().speech('tts-1');
    vi.unstubAllEnvs();
    expect(roundTrip(fromEnv).state.settings.baseURL).toBe('https://env-gw.example.test/v1');
    expect(roundTrip(createMixRouter().video('sora-2')).state.settings.baseURL).toBe(
      'https://api.mixrouter.com/v1',
    );
  });

  it('refuses a base URL with the key in its path', () => {
    const model = createMixRouter({
      apiKey: KEY,
      baseURL: `https://gw.example.test/${KEY}/v1`,
    }).chat('gpt-4o');
    expect(() => roundTrip(model)).toThrow(InvalidArgumentError);
  });

  it('covers every model kind, each rebuilt as the same class, route and provider', () => {
    const provider = createMixRouter({ apiKey: KEY, baseURL: server.baseURL });
    const models = [
      provider.chat('gpt-4o'),
      provider.responses('gpt-5.1-codex'),
      provider.messages('claude-sonnet-4-5'),
      provider.gemini('gemini-2.5-pro'),
      provider.embedding('text-embedding-3-small'),
      provider.image('gpt-image-1'),
      provider.image('gemini-2.5-flash-image'),
      provider.speech('tts-1'),
      provider.transcription('whisper-1'),
      provider.video('sora-2'),
      provider.reranking('bge-reranker-v2-m3'),
      provider.experimental_realtime('gpt-4o-realtime-preview', { protocol: 'ga' }),
    ];
    for (const model of models) {
      const { state, rebuilt } = roundTrip(model);
      expect(JSON.stringify(state)).not.toContain(KEY);
      expect(rebuilt).toBeInstanceOf(model.constructor as never);
      expect(rebuilt.modelId).toBe(model.modelId);
      expect(rebuilt.provider).toBe(model.provider);
      if ('route' in model) expect((rebuilt as typeof model).route).toBe(model.route);
      if ('protocol' in model) expect((rebuilt as typeof model).protocol).toBe(model.protocol);
      // The rebuilt model describes itself the same way, so it can cross again.
      const again = roundTrip(rebuilt).state;
      expect({ ...again, omitted: [] }).toEqual({ ...state, omitted: [] });
    }
  });

  it('refuses a model built by hand, naming it', () => {
    const model = new MixRouterChatLanguageModel('gpt-4o', {
      provider: 'mixrouter.chat',
      baseURL: 'https://gw.example.test/v1',
      url: (path) => `https://gw.example.test/v1${path}`,
      headers: () => ({}),
    });
    expect(() => roundTrip(model)).toThrow(
      /MixRouterChatLanguageModel "gpt-4o" cannot cross a Workflow step boundary/,
    );
  });

  it('refuses state it does not understand', () => {
    const deserialize = (state: unknown) =>
      (MixRouterChatLanguageModel as unknown as SerdeClass)[WORKFLOW_DESERIALIZE](state);
    const good = roundTrip(createMixRouter({ apiKey: KEY }).chat('gpt-4o')).state;
    expect(() => deserialize(null)).toThrow(/not an object/);
    expect(() => deserialize({ ...good, format: 2 })).toThrow(/unknown format 2/);
    expect(() => deserialize({ ...good, provider: 'mixrouter.embedding' })).toThrow(
      /mixrouter\.chat/,
    );
    expect(() => deserialize({ ...good, settings: { baseURL: 'x', headers: { a: 1 } } })).toThrow(
      /headers/,
    );
    expect(() =>
      deserialize({ ...good, settings: { baseURL: 'x', routing: { google: 'x' } } }),
    ).toThrow(/routing/);
  });
});

describe('rebuilt model', () => {
  it('reads MIXROUTER_API_KEY at call time and fails clearly without it, sending nothing', async () => {
    const { rebuilt } = roundTrip(
      createMixRouter({ apiKey: KEY, baseURL: server.baseURL }).chat('gpt-4o'),
    );
    vi.stubEnv('MIXROUTER_API_KEY', '');
    const error = await rebuilt
      .doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] })
      .catch((e: unknown) => e);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('MIXROUTER_API_KEY');
    expect((error as Error).message).toContain(
      'durable steps read it from the MIXROUTER_API_KEY environment variable',
    );
    expect(server.requests).toHaveLength(0);

    vi.stubEnv('MIXROUTER_API_KEY', ENV_KEY);
    await rebuilt.doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${ENV_KEY}`);
  });

  it('sends the same request as the original (headers, body, reasoning mapping), with the key from the environment', async () => {
    vi.stubEnv('MIXROUTER_API_KEY', KEY);
    const provider = createMixRouter({
      apiKey: KEY,
      baseURL: server.baseURL,
      headers: { 'X-Trace-Id': 't-1' },
    });
    const original = provider.chat('gpt-4o');
    const { rebuilt } = roundTrip(original);
    const call = {
      prompt: [
        {
          role: 'user' as const,
          content: [{ type: 'text' as const, text: 'Think, then answer.' }],
        },
      ],
      reasoning: 'high' as const,
      temperature: 0.2,
      providerOptions: { mixrouter: { user: 'u-1' } },
      headers: { 'X-Call': 'c' },
    };
    const a = await original.doGenerate(call);
    const b = await rebuilt.doGenerate(call);
    expect(b.content).toEqual(a.content);
    expect(b.warnings).toEqual(a.warnings);
    const [first, second] = server.requests;
    expect(comparable(second!)).toEqual(comparable(first!));
  });

  it('fails and retries the same way as the original', async () => {
    vi.stubEnv('MIXROUTER_API_KEY', KEY);
    const original = createMixRouter({ apiKey: KEY, baseURL: server.baseURL }).chat('gpt-4o');
    const { rebuilt } = roundTrip(original);
    const rateLimited = {
      error: { message: 'rate limited', type: 'new_api_error', code: 'rate_limit_exceeded' },
    };

    const attempts = async (model: typeof original) => {
      server.reset((_, res) => sendJson(res, 429, rateLimited, { 'retry-after-ms': '5' }));
      const error = await generateText({ model, prompt: 'hi', maxRetries: 2 }).catch(
        (e: unknown) => e,
      );
      return { count: server.requests.length, error };
    };
    const a = await attempts(original);
    const b = await attempts(rebuilt);
    expect(a.count).toBe(3);
    expect(b.count).toBe(a.count);
    expect((b.error as Error).message).toBe((a.error as Error).message);
    const lastErrorA = (a.error as { lastError?: unknown }).lastError;
    const lastErrorB = (b.error as { lastError?: unknown }).lastError;
    expect(isMixRouterError(lastErrorB)).toBe(isMixRouterError(lastErrorA));
  });
});
