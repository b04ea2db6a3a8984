import { JSONParseError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { createTestServer, TestResponseController } from '@ai-sdk/test-server/with-vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import {
  CHAT_URL,
  callOptions,
  createTestProvider,
  deltaChunk,
  partTypes,
  sseFixtureResponse,
  sseResponse,
  streamParts,
  testModel,
} from '../test-utils/chat';
import { readChunkLines, toSseEvents } from '../test-utils/sse';

const server = createTestServer({ [CHAT_URL]: {} });

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

function finishOf(parts: LanguageModelV4StreamPart[]) {
  const last = parts.at(-1);
  if (last?.type !== 'finish') throw new Error(`stream did not end with finish: ${last?.type}`);
  return last;
}

function textOf(parts: LanguageModelV4StreamPart[]) {
  return parts
    .filter(
      (p): p is Extract<LanguageModelV4StreamPart, { type: 'text-delta' }> =>
        p.type === 'text-delta',
    )
    .map((p) => p.delta)
    .join('');
}

function errorsOf(parts: LanguageModelV4StreamPart[]) {
  return parts
    .filter((p): p is Extract<LanguageModelV4StreamPart, { type: 'error' }> => p.type === 'error')
    .map((p) => p.error);
}

/** The text-only OpenAI stream without its finish chunk and usage chunk. */
const partialLines = readChunkLines('gpt-4o-text').slice(0, 3);

describe('stream endings', () => {
  it('finishes with the finish reason when [DONE] follows it', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text');
    const parts = await streamParts('gpt-4o');
    expect(finishOf(parts).finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(errorsOf(parts)).toEqual([]);
  });

  it.each([
    ['with [DONE]', true],
    ['without [DONE]', false],
  ])(
    'reports interrupted and keeps the partial text when no finish reason came (%s)',
    async (_, done) => {
      server.urls[CHAT_URL].response = {
        type: 'stream-chunks',
        chunks: toSseEvents(partialLines, { done }),
      };
      const parts = await streamParts('gpt-4o');
      expect(textOf(parts)).toBe('Hello, world!');
      expect(errorsOf(parts)).toEqual([]);
      expect(partTypes(parts).slice(-2)).toEqual(['text-end', 'finish']);
      expect(finishOf(parts).finishReason).toEqual({ unified: 'interrupted', raw: undefined });
    },
  );

  it('reports interrupted for an empty stream', async () => {
    server.urls[CHAT_URL].response = { type: 'stream-chunks', chunks: [] };
    const parts = await streamParts('gpt-4o');
    expect(partTypes(parts)).toEqual(['stream-start', 'finish']);
    expect(finishOf(parts).finishReason.unified).toBe('interrupted');
  });

  it('turns an {"error":…} data chunk into an error part, then finish error', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('upstream-error-mid-stream', undefined, {
      'x-oneapi-request-id': '20260101120000123456789AbCdEfGh',
    });
    const parts = await streamParts('gpt-4o');
    expect(textOf(parts)).toBe('Partial');
    const [error] = errorsOf(parts);
    expect(isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({
      message:
        'The server had an error while processing your request. (request id: 20260101120000123456789AbCdEfGh)',
      code: 'server_error',
      type: 'upstream_error',
      requestId: '20260101120000123456789AbCdEfGh',
    });
    expect(partTypes(parts).indexOf('error')).toBeLessThan(partTypes(parts).indexOf('finish'));
    expect(finishOf(parts).finishReason).toEqual({ unified: 'error', raw: undefined });
    // The gateway still appends its usage chunk after the error.
    expect(finishOf(parts).usage.inputTokens.total).toBe(9);
  });

  it('turns a bare JSON error line (no data: framing) into an error part', async () => {
    const errorBody = {
      error: {
        message: 'bad response body (request id: 2026010112000099)',
        type: 'new_api_error',
        param: '',
        code: 'bad_response_body',
      },
    };
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: toSseEvents(partialLines, {
        done: false,
        raw: [{ before: partialLines.length, line: JSON.stringify(errorBody) }],
      }),
    };
    const parts = await streamParts('gpt-4o', { includeRawChunks: true });
    expect(textOf(parts)).toBe('Hello, world!');
    const [error] = errorsOf(parts);
    expect(error).toMatchObject({ message: 'bad response body (request id: 2026010112000099)' });
    expect(error).toMatchObject({ code: 'bad_response_body', isRetryable: false });
    expect(parts.filter((p) => p.type === 'raw').at(-1)).toEqual({
      type: 'raw',
      rawValue: errorBody,
    });
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('stops at a bare JSON error line: a retry attempt the gateway appends is not spliced on', async () => {
    const errorBody = {
      error: {
        message: 'upstream stream aborted',
        type: 'new_api_error',
        code: 'bad_response_body',
      },
    };
    const events = toSseEvents(partialLines, {
      done: false,
      raw: [{ before: partialLines.length, line: JSON.stringify(errorBody) }],
    });
    const retry = toSseEvents([JSON.stringify(deltaChunk({ content: 'second attempt' }, 'stop'))]);
    server.urls[CHAT_URL].response = { type: 'stream-chunks', chunks: [...events, ...retry] };
    const parts = await streamParts('gpt-4o');
    expect(textOf(parts)).toBe('Hello, world!');
    expect(errorsOf(parts)).toHaveLength(1);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('ignores bare JSON lines that are not errors', async () => {
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: toSseEvents(readChunkLines('gpt-4o-text'), {
        raw: [
          { before: 1, line: '{"status":"ok"}' },
          { before: 2, line: '{not json' },
        ],
      }),
    };
    const parts = await streamParts('gpt-4o');
    expect(errorsOf(parts)).toEqual([]);
    expect(finishOf(parts).finishReason.unified).toBe('stop');
  });

  it('ignores chunks after [DONE] (a second attempt appended by the gateway)', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text', {
      afterDone: [JSON.stringify(deltaChunk({ content: 'second attempt' }, 'length')), '[DONE]'],
    });
    const parts = await streamParts('gpt-4o');
    expect(textOf(parts)).toBe('Hello, world!');
    expect(finishOf(parts).finishReason).toEqual({ unified: 'stop', raw: 'stop' });
  });

  it('ignores chunks after [DONE] even when they arrive in the same network read', async () => {
    const events = toSseEvents(readChunkLines('gpt-4o-text'), {
      afterDone: [JSON.stringify(deltaChunk({ content: 'second attempt' }))],
    });
    server.urls[CHAT_URL].response = { type: 'stream-chunks', chunks: [events.join('')] };
    const parts = await streamParts('gpt-4o');
    expect(textOf(parts)).toBe('Hello, world!');
    expect(finishOf(parts).finishReason.unified).toBe('stop');
  });

  it('turns invalid JSON in a data line into an error part and finish error, keeping the rest', async () => {
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: [
        `data: ${JSON.stringify(deltaChunk({ content: 'Hel' }))}\n\n`,
        'data: {"id":"chatcmpl-test","choices":[{"delta":{"content":\n\n',
        `data: ${JSON.stringify(deltaChunk({ content: 'lo' }, 'stop'))}\n\n`,
        'data: [DONE]\n\n',
      ],
    };
    const parts = await streamParts('gpt-4o');
    const [error] = errorsOf(parts);
    expect(JSONParseError.isInstance(error)).toBe(true);
    expect(textOf(parts)).toBe('Hello');
    expect(finishOf(parts).finishReason).toEqual({ unified: 'error', raw: 'stop' });
  });

  it('reports a chunk that is not a JSON object as an error', async () => {
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: ['data: [1,2]\n\n', 'data: "text"\n\n', 'data: [DONE]\n\n'],
    };
    const parts = await streamParts('gpt-4o');
    expect(errorsOf(parts)).toHaveLength(2);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('turns a dropped socket into an error part and a finish, keeping the partial text', async () => {
    const controller = new TestResponseController();
    server.urls[CHAT_URL].response = { type: 'controlled-stream', controller };
    const { stream } = await testModel('gpt-4o').doStream(callOptions());
    const collected = convertReadableStreamToArray(stream);
    for (const event of toSseEvents(partialLines, { done: false })) await controller.write(event);
    await controller.error(new TypeError('terminated'));
    const parts = await collected;
    expect(textOf(parts)).toBe('Hello, world!');
    expect(errorsOf(parts)).toHaveLength(1);
    expect(String(errorsOf(parts)[0])).toContain('terminated');
    expect(partTypes(parts).slice(-3)).toEqual(['error', 'text-end', 'finish']);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('propagates an abort as a stream error', async () => {
    const controller = new TestResponseController();
    server.urls[CHAT_URL].response = { type: 'controlled-stream', controller };
    const abort = new AbortController();
    const { stream } = await testModel('gpt-4o').doStream(
      callOptions({ abortSignal: abort.signal }),
    );
    const reader = stream.getReader();
    await controller.write(toSseEvents(partialLines.slice(0, 2), { done: false }).join(''));
    expect((await reader.read()).value?.type).toBe('stream-start');
    abort.abort();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'closed';
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('cancels the response body when the consumer cancels', async () => {
    let cancelled: unknown;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(toSseEvents(partialLines, { done: false }).join('')),
        );
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const fetch = async () =>
      new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const { stream } = await createTestProvider({ fetch }).chat('gpt-4o').doStream(callOptions());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel('user stopped');
    expect(cancelled).toBe('user stopped');
  });
});

describe('stream error-free invariants', () => {
  it('closes every opened block before finish on every fixture', async () => {
    for (const [fixture, model] of [
      ['gpt-4o-text', 'gpt-4o'],
      ['deepseek-reasoner', 'deepseek-reasoner'],
      ['claude-sonnet-4-5-interleaved-thinking', 'claude-sonnet-4-5-20250929'],
      ['minimax-m2-think', 'minimax-m2'],
      ['gemini-2.5-flash-image', 'gemini-2.5-flash-image'],
      ['gpt-4o-audio-preview', 'gpt-4o-audio-preview'],
      ['upstream-error-mid-stream', 'gpt-4o'],
    ] as const) {
      server.urls[CHAT_URL].response = sseFixtureResponse(fixture);
      const parts = await streamParts(model);
      const open = new Set<string>();
      for (const part of parts) {
        if (part.type === 'text-start' || part.type === 'reasoning-start') open.add(part.id);
        if (part.type === 'text-end' || part.type === 'reasoning-end') {
          expect(open.delete(part.id)).toBe(true);
        }
      }
      expect(open.size).toBe(0);
      expect(parts[0]!.type).toBe('stream-start');
      expect(partTypes(parts).filter((t) => t === 'finish')).toHaveLength(1);
      finishOf(parts);
    }
  });

  it('handles a request that the server answers with SSE and no chunks at all', async () => {
    server.urls[CHAT_URL].response = sseResponse([], { done: true });
    const parts = await streamParts('gpt-4o');
    expect(finishOf(parts).finishReason.unified).toBe('interrupted');
  });
});
