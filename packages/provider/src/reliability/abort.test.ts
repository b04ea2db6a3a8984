import type { ServerResponse } from 'node:http';
import { isAbortError } from '@ai-sdk/provider-utils';
import { experimental_generateVideo, streamText } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeResources,
  type FakeServer,
  hang,
  type RecordedRequest,
  sendJson,
  startFakeServer,
  startSse,
  trackTimers,
} from './helpers/fake-server';
import { IMAGE_CALL, testProvider, USER_PROMPT } from './helpers/models';

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

beforeEach(() => {
  server.reset(() => hang());
});

/**
 * Runs a test body and then checks that nothing it opened is still alive: no connection
 * that carried a request, no socket on either side, no pending timer (an `ai` poll
 * delay, a retry backoff, a fetch timeout…).
 */
function leakChecked(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    const before = activeResources();
    const timers = trackTimers();
    try {
      await body();
      expect(await server.settle(before)).toEqual({ openConnections: 0, leaks: {} });
      expect(timers.pending()).toEqual([]);
    } finally {
      timers.restore();
    }
  };
}

function provider() {
  return testProvider({ baseURL: server.baseURL });
}

/** Aborts when the server has received `count` requests; returns the last one. */
async function abortAtRequest(
  controller: AbortController,
  count: number,
): Promise<RecordedRequest> {
  const requests = await server.waitForRequests(count);
  const request = requests[count - 1]!;
  controller.abort();
  return request;
}

/** The call rejects with an abort error within `ms` of the abort, and the server saw the close. */
async function expectPromptAbort(
  call: PromiseLike<unknown>,
  controller: AbortController,
  { requestCount = 1, ms = 500 } = {},
) {
  const outcome = Promise.resolve(call).then(
    () => {
      throw new Error('the call resolved although it was aborted');
    },
    (error: unknown) => ({ error, at: performance.now() }),
  );
  const request = await abortAtRequest(controller, requestCount);
  const abortedAt = performance.now();
  const { error, at } = await outcome;
  expect(isAbortError(error), `expected an abort error, got ${String(error)}`).toBe(true);
  expect(at - abortedAt).toBeLessThan(ms);
  await request.closed;
  expect(request.closedEarly).toBe(true);
  return request;
}

describe('abortSignal stops the HTTP request promptly', () => {
  it(
    'chat generate',
    leakChecked(async () => {
      const controller = new AbortController();
      await expectPromptAbort(
        provider()
          .chat('gpt-4o')
          .doGenerate({ prompt: USER_PROMPT, abortSignal: controller.signal }),
        controller,
      );
    }),
  );

  it(
    'chat generate on a native route (/v1/messages)',
    leakChecked(async () => {
      const controller = new AbortController();
      await expectPromptAbort(
        provider()
          .messages('claude-sonnet-4-5')
          .doGenerate({ prompt: USER_PROMPT, abortSignal: controller.signal }),
        controller,
      );
    }),
  );

  it(
    'chat stream, before the first byte',
    leakChecked(async () => {
      const controller = new AbortController();
      await expectPromptAbort(
        provider().chat('gpt-4o').doStream({ prompt: USER_PROMPT, abortSignal: controller.signal }),
        controller,
      );
    }),
  );

  /** Sends two content chunks, then keeps the stream open without sending more. */
  function midStream(_: RecordedRequest, res: ServerResponse) {
    startSse(res);
    for (const text of ['Hel', 'lo']) {
      res.write(
        `data: ${JSON.stringify({ id: 'c1', created: 1767268800, model: 'gpt-4o', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })}\n\n`,
      );
    }
  }

  it(
    'chat stream, mid-stream (doStream): the read rejects with the abort, the connection closes',
    leakChecked(async () => {
      server.setHandler(midStream);
      const controller = new AbortController();
      const { stream } = await provider()
        .chat('gpt-4o')
        .doStream({ prompt: USER_PROMPT, abortSignal: controller.signal });
      const reader = stream.getReader();
      let text = '';
      while (!text.includes('lo')) {
        const { value } = await reader.read();
        if (value?.type === 'text-delta') text += value.delta;
      }
      const [request] = server.requests;
      controller.abort();
      const abortedAt = performance.now();
      const error = await (async () => {
        for (;;) {
          try {
            const { done } = await reader.read();
            if (done) return undefined;
          } catch (e) {
            return e;
          }
        }
      })();
      expect(isAbortError(error), String(error)).toBe(true);
      expect(performance.now() - abortedAt).toBeLessThan(500);
      await request!.closed;
      expect(request!.closedEarly).toBe(true);
    }),
  );

  it(
    'chat stream, mid-stream (streamText): the partial text is kept and the connection closes',
    leakChecked(async () => {
      server.setHandler(midStream);
      const controller = new AbortController();
      let aborted = false;
      const result = streamText({
        model: provider().chat('gpt-4o'),
        prompt: 'hi',
        abortSignal: controller.signal,
        onAbort: () => {
          aborted = true;
        },
      });
      let text = '';
      const abortedAt = { t: 0 };
      for await (const delta of result.textStream) {
        text += delta;
        if (text === 'Hello' && abortedAt.t === 0) {
          abortedAt.t = performance.now();
          controller.abort();
        }
      }
      expect(performance.now() - abortedAt.t).toBeLessThan(500);
      expect(text).toBe('Hello');
      expect(aborted).toBe(true);
      const [request] = server.requests;
      await request!.closed;
      expect(request!.closedEarly).toBe(true);
    }),
  );

  it(
    'chat stream: a consumer that cancels the stream closes the connection',
    leakChecked(async () => {
      server.setHandler(midStream);
      const { stream } = await provider().chat('gpt-4o').doStream({ prompt: USER_PROMPT });
      const reader = stream.getReader();
      await reader.read();
      await reader.cancel();
      const [request] = server.requests;
      await request!.closed;
      expect(request!.closedEarly).toBe(true);
    }),
  );

  it(
    'embeddings',
    leakChecked(async () => {
      const controller = new AbortController();
      await expectPromptAbort(
        provider()
          .embedding('text-embedding-3-small')
          .doEmbed({ values: ['a'], abortSignal: controller.signal }),
        controller,
      );
    }),
  );

  it(
    'images, during the generation request',
    leakChecked(async () => {
      const controller = new AbortController();
      await expectPromptAbort(
        provider()
          .image('gpt-image-1')
          .doGenerate({ ...IMAGE_CALL, abortSignal: controller.signal }),
        controller,
      );
    }),
  );

  it(
    'images, during the download of a returned image URL',
    leakChecked(async () => {
      server.setHandler((request, res) => {
        if (request.path === '/v1/images/generations') {
          sendJson(res, 200, {
            created: 1767268800,
            data: [{ url: `${server.origin}/files/generated.png` }],
          });
        }
        // the download hangs
      });
      const controller = new AbortController();
      const download = await expectPromptAbort(
        provider()
          .image('dall-e-3')
          .doGenerate({ ...IMAGE_CALL, abortSignal: controller.signal }),
        controller,
        { requestCount: 2 },
      );
      expect(download.path).toBe('/files/generated.png');
    }),
  );

  it(
    'speech, during the request',
    leakChecked(async () => {
      const controller = new AbortController();
      await expectPromptAbort(
        provider().speech('tts-1').doGenerate({ text: 'hi', abortSignal: controller.signal }),
        controller,
      );
    }),
  );

  it(
    'speech, during the download of the JSON audio_url',
    leakChecked(async () => {
      server.setHandler((request, res) => {
        if (request.path === '/v1/audio/speech') {
          sendJson(res, 200, {
            success: true,
            message: '',
            data: { audio_url: `${server.origin}/files/a.wav` },
          });
        }
      });
      const controller = new AbortController();
      const download = await expectPromptAbort(
        provider()
          .speech('qwen3-tts-flash')
          .doGenerate({ text: '你好', abortSignal: controller.signal }),
        controller,
        { requestCount: 2 },
      );
      expect(download.path).toBe('/files/a.wav');
    }),
  );

  it(
    'transcription',
    leakChecked(async () => {
      const controller = new AbortController();
      await expectPromptAbort(
        provider()
          .transcription('whisper-1')
          .doGenerate({
            audio: new Uint8Array([1, 2, 3]),
            mediaType: 'audio/wav',
            abortSignal: controller.signal,
          }),
        controller,
      );
    }),
  );

  it(
    'video polling (experimental_generateVideo): abort during the third poll of a task that never completes',
    leakChecked(async () => {
      server.setHandler((request, res) => {
        if (request.method === 'POST') {
          sendJson(res, 200, {
            id: 'task_1',
            task_id: 'task_1',
            object: 'video',
            status: 'queued',
          });
        } else if (request.index < 3) {
          sendJson(res, 200, {
            code: 'success',
            message: '',
            data: { task_id: 'task_1', status: 'IN_PROGRESS', progress: '10%' },
          });
        }
        // the third poll hangs
      });
      const controller = new AbortController();
      const request = await expectPromptAbort(
        experimental_generateVideo({
          model: provider().video('veo-3.1-generate-preview'),
          prompt: 'waves',
          poll: { intervalMs: 20, timeoutMs: 60_000 },
          abortSignal: controller.signal,
        }),
        controller,
        { requestCount: 4 },
      );
      expect(request.path).toBe('/v1/video/generations/task_1');
      // No poll after the abort.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(server.requests).toHaveLength(4);
    }),
  );

  it(
    'video polling: abort while waiting between polls ends at once (no pending poll timer)',
    leakChecked(async () => {
      server.setHandler((request, res) => {
        if (request.method === 'POST')
          sendJson(res, 200, { task_id: 'task_2', status: 'SUBMITTED' });
        else sendJson(res, 200, { task_id: 'task_2', status: 'IN_PROGRESS' });
      });
      const controller = new AbortController();
      const call = experimental_generateVideo({
        model: provider().video('wan2.6-t2v'),
        prompt: 'waves',
        poll: { intervalMs: 10_000, timeoutMs: 60_000 },
        abortSignal: controller.signal,
      }).then(
        () => undefined,
        (error: unknown) => error,
      );
      await server.waitForRequests(1);
      await server.requests[0]!.closed;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const abortedAt = performance.now();
      controller.abort();
      const error = await call;
      expect(isAbortError(error), String(error)).toBe(true);
      expect(performance.now() - abortedAt).toBeLessThan(200);
      expect(server.requests).toHaveLength(1);
    }),
  );

  it(
    'an already-aborted signal sends nothing',
    leakChecked(async () => {
      const signal = AbortSignal.abort();
      const p = provider();
      const calls = [
        p.chat('gpt-4o').doGenerate({ prompt: USER_PROMPT, abortSignal: signal }),
        p.chat('gpt-4o').doStream({ prompt: USER_PROMPT, abortSignal: signal }),
        p.embedding('text-embedding-3-small').doEmbed({ values: ['a'], abortSignal: signal }),
        p.image('gpt-image-1').doGenerate({ ...IMAGE_CALL, abortSignal: signal }),
        p.speech('tts-1').doGenerate({ text: 'a', abortSignal: signal }),
      ];
      for (const call of calls) {
        const error = await Promise.resolve(call).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isAbortError(error), String(error)).toBe(true);
      }
      expect(server.requests).toHaveLength(0);
    }),
  );
});
