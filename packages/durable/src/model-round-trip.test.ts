import { createMixRouter, type MixRouterProvider } from '@mixrouter/ai-sdk-provider';
import { type Emulator, type RecordedRequest, startEmulator } from '@mixrouter/emulator';
import {
  embedMany,
  generateImage,
  generateSpeech,
  generateText,
  experimental_generateVideo as generateVideo,
  streamText,
  transcribe,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/*
 * Every model kind through the same path a workflow step boundary takes: the class's
 * WORKFLOW_SERIALIZE → JSON text (what the world stores) → WORKFLOW_DESERIALIZE, then the
 * same call through `ai` on the original and on the rebuilt model, against the emulator.
 * The requests must be the same — endpoint, query, headers, body — with the key of the
 * rebuilt model coming from MIXROUTER_API_KEY, and the stored state must hold no key.
 */

const KEY = 'sk-roundtrip-SECRET-58c2e1d09b7f';

// The symbols `@workflow/serde` exports (and provider-utils re-exports); the runtime looks them up by these keys.
const WORKFLOW_SERIALIZE = Symbol.for('workflow-serialize');
const WORKFLOW_DESERIALIZE = Symbol.for('workflow-deserialize');

let emulator: Emulator;
let mixrouter: MixRouterProvider;

beforeAll(async () => {
  emulator = await startEmulator({ apiKey: KEY });
  mixrouter = createMixRouter({
    apiKey: KEY,
    baseURL: emulator.baseURL,
    headers: { 'X-Trace-Id': 'round-trip' },
  });
  // Only the rebuilt models read it; the originals carry their key in the settings.
  vi.stubEnv('MIXROUTER_API_KEY', KEY);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});

type Serde = {
  [WORKFLOW_SERIALIZE](model: unknown): unknown;
  [WORKFLOW_DESERIALIZE](state: unknown): unknown;
};

function crossStepBoundary<T extends object>(model: T): { stored: string; rebuilt: T } {
  const cls = model.constructor as unknown as Serde;
  const stored = JSON.stringify(cls[WORKFLOW_SERIALIZE](model));
  return { stored, rebuilt: cls[WORKFLOW_DESERIALIZE](JSON.parse(stored)) as T };
}

/** Request identity minus what differs per call by nature: multipart boundaries, task and file ids, `ai`'s idempotency key. */
function normalise(request: RecordedRequest) {
  const headers = { ...request.headers };
  if (headers['content-type']?.startsWith('multipart/form-data')) {
    headers['content-type'] = 'multipart/form-data; boundary=*';
    delete headers['content-length'];
  }
  if (headers['idempotency-key'] !== undefined) headers['idempotency-key'] = '*';
  return {
    method: request.method,
    path: request.path
      .replace(/(\/video\/generations\/|\/videos\/)[^/?]+/g, '$1:id')
      .replace(/\/files\/.*/, '/files/:id'),
    query: request.query,
    headers,
    body: request.body,
  };
}

async function requestsOf(call: () => Promise<unknown>) {
  emulator.requests.length = 0;
  const result = await call();
  return { result, requests: emulator.requests.map(normalise) };
}

async function expectSameRequests<T extends object>(
  model: T,
  call: (model: T) => Promise<unknown>,
): Promise<{ stored: string; original: unknown; rebuilt: unknown }> {
  const { stored, rebuilt } = crossStepBoundary(model);
  expect(stored).not.toContain(KEY);
  expect(stored).not.toContain(KEY.slice(3));
  const a = await requestsOf(() => call(model));
  const b = await requestsOf(() => call(rebuilt));
  expect(a.requests.length).toBeGreaterThan(0);
  expect(b.requests).toEqual(a.requests);
  for (const request of b.requests) {
    // The key arrives from the environment, as Bearer, never from the state.
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers['x-trace-id']).toBe('round-trip');
  }
  return { stored, original: a.result, rebuilt: b.result };
}

describe('every model kind crosses a step boundary and sends the same requests', () => {
  it('chat completions: generate with reasoning, and stream', async () => {
    const { original, rebuilt } = await expectSameRequests(
      mixrouter.chat('deepseek-reasoner'),
      (model) =>
        generateText({
          model,
          system: 'Be brief.',
          prompt: 'Sum 1..10',
          reasoning: 'high',
          temperature: 0.3,
        }),
    );
    expect((rebuilt as { text: string }).text).toBe((original as { text: string }).text);
    await expectSameRequests(mixrouter.chat('qwen-plus'), async (model) => {
      const result = streamText({ model, prompt: 'Hello', reasoning: 'low' });
      return { text: await result.text, reasoning: await result.reasoningText };
    });
  });

  it('native routes: responses, messages, gemini', async () => {
    await expectSameRequests(mixrouter.responses('gpt-5.1-codex'), (model) =>
      generateText({ model, prompt: 'Write a haiku about diffs', reasoning: 'medium' }),
    );
    await expectSameRequests(mixrouter.messages('claude-sonnet-4-5-20250929'), (model) =>
      generateText({ model, prompt: 'Plan a trip', reasoning: 'high', maxOutputTokens: 4000 }),
    );
    await expectSameRequests(mixrouter.gemini('gemini-2.5-pro'), (model) =>
      generateText({ model, prompt: 'Name three rivers', reasoning: 'low' }),
    );
  });

  it('provider(id) with routing keeps the chosen route', async () => {
    const routed = createMixRouter({
      apiKey: KEY,
      baseURL: emulator.baseURL,
      headers: { 'X-Trace-Id': 'round-trip' },
      routing: { anthropic: 'messages' },
    });
    const { stored } = await expectSameRequests(routed('claude-sonnet-4-5-20250929'), (model) =>
      generateText({ model, prompt: 'Hi' }),
    );
    expect(JSON.parse(stored)).toMatchObject({ provider: 'mixrouter.messages' });
    expect(emulator.requests.every((r) => r.path === '/v1/messages')).toBe(true);
  });

  it('embedding', async () => {
    await expectSameRequests(mixrouter.embedding('text-embedding-3-small'), (model) =>
      embedMany({
        model,
        values: ['alpha', 'beta'],
        providerOptions: { mixrouter: { dimensions: 64 } },
      }),
    );
  });

  it('image, including a Gemini image model served through chat completions', async () => {
    await expectSameRequests(mixrouter.image('gpt-image-1'), (model) =>
      generateImage({ model, prompt: 'a fox', size: '1024x1024' }),
    );
    const { original, rebuilt } = await expectSameRequests(
      mixrouter.image('gemini-2.5-flash-image'),
      (model) => generateImage({ model, prompt: 'a lighthouse', aspectRatio: '16:9' }),
    );
    const bytes = (r: unknown) =>
      (r as { images: Array<{ uint8Array: Uint8Array }> }).images[0]!.uint8Array;
    // The emulator draws each image afresh; both must be PNGs.
    expect([...bytes(rebuilt).slice(0, 4)]).toEqual([...bytes(original).slice(0, 4)]);
  });

  it('speech and transcription', async () => {
    const { original } = await expectSameRequests(mixrouter.speech('gpt-4o-mini-tts'), (model) =>
      generateSpeech({ model, text: 'Hello from a durable step', voice: 'alloy' }),
    );
    const audio = (original as { audio: { uint8Array: Uint8Array } }).audio.uint8Array;
    await expectSameRequests(mixrouter.transcription('whisper-1'), (model) =>
      transcribe({ model, audio }),
    );
  });

  it('video: submit, poll and download', async () => {
    await expectSameRequests(mixrouter.video('doubao-seedance-1-0-lite-i2v-250428'), (model) =>
      generateVideo({ model, prompt: 'waves at sunset', duration: 5, poll: { intervalMs: 5 } }),
    );
  });

  it('errors are the same: a model the gateway does not serve', async () => {
    const model = mixrouter.chat('gpt-no-such-model');
    const { rebuilt } = crossStepBoundary(model);
    const a = await generateText({ model, prompt: 'x', maxRetries: 0 }).catch((e: Error) => e);
    const b = await generateText({ model: rebuilt, prompt: 'x', maxRetries: 0 }).catch(
      (e: Error) => e,
    );
    expect(b).toBeInstanceOf(Error);
    // Same message, except the gateway's per-request id.
    const withoutRequestId = (e: unknown) =>
      (e as Error).message.replace(/\(request id: [^)]*\)/g, '');
    expect(withoutRequestId(b)).toBe(withoutRequestId(a));
    expect(b.constructor).toBe(a.constructor);
    expect((b as { statusCode?: number }).statusCode).toBe(
      (a as { statusCode?: number }).statusCode,
    );
  });
});
