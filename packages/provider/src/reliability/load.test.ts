import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeServer,
  type RecordedRequest,
  sendSse,
  startFakeServer,
} from './helpers/fake-server';
import { testProvider } from './helpers/models';
import { readAll } from './helpers/stream-checks';

const CONCURRENCY = 200;

/**
 * `global.gc` when the process runs with --expose-gc; otherwise the same function
 * obtained at run time (V8 flag + a fresh context), so the memory check always runs.
 */
function getGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** What the fake gateway answers for marker `n`: distinct text and usage per request. */
function expectedFor(n: number) {
  const pieces = [`[req-${n}]`, ' 你好', ` part-${n * 7}`, ' 🚀', ` end-${n}`];
  return {
    pieces,
    text: pieces.join(''),
    reasoning: `think-${n}`,
    input: 1000 + n,
    output: 2000 + n * 3,
  };
}

function markerOf(request: RecordedRequest): number {
  const text = JSON.stringify(request.json);
  const match = /req-marker-(\d+)/.exec(text);
  if (match === null) throw new Error(`no marker in ${text.slice(0, 200)}`);
  return Number(match[1]);
}

async function answer(request: RecordedRequest, res: import('node:http').ServerResponse) {
  const n = markerOf(request);
  const e = expectedFor(n);
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: `chatcmpl-${n}`, created: 1767268800, model: 'gpt-4o', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const events = [
    chunk({ role: 'assistant', content: '' }),
    chunk({ reasoning_content: e.reasoning }),
    ...e.pieces.map((piece) => chunk({ content: piece })),
    chunk({}, 'stop'),
    `data: ${JSON.stringify({ id: `chatcmpl-${n}`, choices: [], usage: { prompt_tokens: e.input, completion_tokens: e.output, total_tokens: e.input + e.output, completion_tokens_details: { reasoning_tokens: n } } })}\n\n`,
    ': PING\n\n',
    'data: [DONE]\n\n',
  ];
  // Each event goes out on its own turn of the event loop, so the 200 streams interleave.
  await sendSse(res, events);
}

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer(answer);
});
afterAll(() => server.close());

function snapshot(value: object): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        typeof item === 'function' ? `fn:${item.name}` : item,
      ]),
    ),
  );
}

type ChatModel = ReturnType<ReturnType<typeof testProvider>['chat']>;

/** Concurrent `streamText` calls on one model; marker `offset + i` each. */
async function runConcurrentStreams(model: ChatModel, offset: number) {
  return Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      const n = offset + i;
      const result = streamText({ model, prompt: `req-marker-${n}`, maxRetries: 0 });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      const usage = await result.usage;
      const finishReason = await result.finishReason;
      const reasoning = await result.reasoningText;
      return { n, text, usage, finishReason, reasoning };
    }),
  );
}

/** The same through `doStream` directly (the package alone, without `ai`'s bookkeeping). */
async function runConcurrentDoStreams(model: ChatModel, offset: number) {
  return Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      const n = offset + i;
      const { stream } = await model.doStream({
        prompt: [{ role: 'user', content: [{ type: 'text', text: `req-marker-${n}` }] }],
      });
      const text = (await readAll(stream, 10_000))
        .map((part) => (part.type === 'text-delta' ? part.delta : ''))
        .join('');
      expect(text).toBe(expectedFor(n).text);
    }),
  );
}

describe('load: 200 concurrent streams', () => {
  it('all complete with their own content and usage, on one shared model instance that keeps no per-request state; memory returns to baseline', async () => {
    const gc = getGc();
    const settleHeap = async () => {
      for (let i = 0; i < 3; i++) {
        gc?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
      return process.memoryUsage().heapUsed;
    };
    const provider = testProvider({ baseURL: server.baseURL });
    const model = provider.chat('gpt-4o');
    const modelBefore = snapshot(model);
    const providerBefore = snapshot(provider);
    const configBefore = snapshot((model as unknown as { config: object }).config);

    // Warm-up at full concurrency, then the baseline: code compiled, lazy schemas built,
    // and fetch's connection pool grown to 200 clients (undici keeps its per-connection
    // Client objects, ~10 KB each; that is the runtime's pool, not state of this package).
    await runConcurrentStreams(model, 10_000);
    server.reset();
    const baseline = await settleHeap();

    const started = performance.now();
    const results = await runConcurrentStreams(model, 0);
    const elapsed = performance.now() - started;

    expect(server.requests).toHaveLength(CONCURRENCY);
    for (const { n, text, usage, finishReason, reasoning } of results) {
      const e = expectedFor(n);
      expect(text, `request ${n}`).toBe(e.text);
      expect(reasoning, `request ${n}`).toBe(e.reasoning);
      expect(finishReason).toBe('stop');
      expect(usage.inputTokens, `request ${n}`).toBe(e.input);
      expect(usage.outputTokens, `request ${n}`).toBe(e.output);
      expect(usage.outputTokenDetails.reasoningTokens).toBe(n);
    }
    expect(new Set(results.map((r) => r.text)).size).toBe(CONCURRENCY);
    expect(elapsed).toBeLessThan(10_000);

    // No per-request state on the shared objects.
    expect(snapshot(model)).toBe(modelBefore);
    expect(snapshot(provider)).toBe(providerBefore);
    expect(snapshot((model as unknown as { config: object }).config)).toBe(configBefore);
    expect(Object.keys(model).sort()).toEqual([
      'config',
      'info',
      'modelId',
      'specificationVersion',
    ]);

    // And 200 more through doStream alone.
    await runConcurrentDoStreams(model, 1000);
    server.reset();

    if (gc === undefined) {
      console.warn('memory check skipped: no gc function available');
      return;
    }
    results.length = 0;
    const growth = (await settleHeap()) - baseline;
    // 400 streams went through; a per-request leak of even ~5 KB would show as 2 MB.
    expect(growth, `heap grew by ${(growth / 1024).toFixed(0)} KB`).toBeLessThan(2 * 1024 * 1024);
  }, 120_000); // a bound for a loaded machine, not a speed target (that lives in the benchmark)
});
