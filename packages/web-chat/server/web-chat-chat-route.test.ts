import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatErrorPayload } from '../src/web-chat-types';
import { describeChatError, formatWarning, handleChatRequest } from './web-chat-chat-route';
import { openWebChatGateway, type WebChatGateway } from './web-chat-gateway';

let gateway: WebChatGateway;
beforeAll(async () => {
  gateway = await openWebChatGateway({});
});
afterAll(() => gateway.close());

type Chunk = { type: string; [key: string]: unknown };

async function chat(body: unknown): Promise<{ status: number; chunks: Chunk[]; json?: unknown }> {
  const response = await handleChatRequest(
    new Request('http://127.0.0.1/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    gateway,
  );
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    return { status: response.status, chunks: [], json: JSON.parse(text) };
  }
  const chunks = text
    .split('\n\n')
    .map((block) => block.replace(/^data: /, '').trim())
    .filter((data) => data !== '' && data !== '[DONE]')
    .map((data) => JSON.parse(data) as Chunk);
  return { status: response.status, chunks };
}

const user = (text: string) => [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }];

describe('POST /api/chat', () => {
  it('runs the tool loop and sends model, usage and step count as metadata', async () => {
    const { status, chunks } = await chat({
      model: 'gpt-4o',
      messages: user('Use the calculator for 2 + 3 * 4'),
    });
    expect(status).toBe(200);
    const output = chunks.find((c) => c.type === 'tool-output-available');
    expect(output?.output).toEqual({ expression: '2 + 3 * 4', result: 14 });
    expect(chunks[0]).toMatchObject({ type: 'start', messageMetadata: { model: 'gpt-4o' } });
    const finish = chunks.at(-1);
    expect(finish).toMatchObject({
      type: 'finish',
      messageMetadata: {
        finishReason: 'stop',
        steps: 2,
        usage: { inputTokens: expect.any(Number) },
      },
    });
  });

  it('sends no tools to a model that cannot take them', async () => {
    const { chunks } = await chat({
      model: 'gemini-2.5-flash-image',
      messages: user('Draw a calculator'),
    });
    expect(chunks.some((c) => c.type === 'tool-input-start')).toBe(false);
    expect(chunks.find((c) => c.type === 'file')).toMatchObject({ mediaType: 'image/png' });
  });

  it('streams reasoning parts', async () => {
    const { chunks } = await chat({ model: 'deepseek-reasoner', messages: user('Is 221 prime?') });
    const reasoning = chunks
      .filter((c) => c.type === 'reasoning-delta')
      .map((c) => c.delta)
      .join('');
    // The emulator's reasoning walks through the divisors it tried.
    expect(reasoning).toMatch(/13 divides it: 13 × 17 = 221/);
  });

  it.each([
    ['quota', 'insufficient-quota', 403, /用户额度不足/],
    ['rate-limit', 'rate-limit', 429, /请求数限制/],
  ] as const)(
    'reports a simulated %s error with the gateway message',
    async (simulate, kind, statusCode, message) => {
      const { chunks } = await chat({ model: 'gpt-4o', simulate, messages: user('Hi') });
      const error = chunks.find((c) => c.type === 'error');
      const payload = JSON.parse(String(error?.errorText)) as ChatErrorPayload;
      expect(payload).toMatchObject({ kind, statusCode });
      expect(payload.message).toMatch(message);
    },
    20_000,
  );

  it('stops the answer when the page aborts the request', async () => {
    const controller = new AbortController();
    const response = await handleChatRequest(
      new Request('http://127.0.0.1/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o', messages: user('Write a long answer about tea') }),
        signal: controller.signal,
      }),
      gateway,
    );
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    // Twenty text deltas in (of about two hundred), stop.
    while ((text.match(/"type":"text-delta"/g) ?? []).length < 20) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended before twenty deltas');
      text += value;
    }
    controller.abort();
    const started = performance.now();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    // The paced answer would need seconds more; an honoured abort ends it at once.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(text).toContain('"type":"abort"');
    expect(text).not.toContain('End of the long answer');
  });

  it('rejects bad requests with a clear 400', async () => {
    expect(await chat('{')).toMatchObject({ status: 400, json: { error: /not JSON/ } });
    expect(await chat({ model: 'gpt-4o' })).toMatchObject({
      status: 400,
      json: { error: /Invalid chat request/ },
    });
    expect(await chat({ model: 'text-embedding-3-small', messages: user('Hi') })).toMatchObject({
      status: 400,
      json: { error: 'text-embedding-3-small is a embedding model, not a chat model.' },
    });
    expect(
      await chat({ model: 'gpt-4o', messages: [{ id: 'x', role: 'robot', parts: [] }] }),
    ).toMatchObject({ status: 400, json: { error: /Invalid messages/ } });
  });
});

describe('describeChatError', () => {
  it('keeps plain errors readable', () => {
    expect(describeChatError(new Error('boom'))).toEqual({ kind: 'error', message: 'boom' });
    expect(describeChatError('odd')).toEqual({ kind: 'error', message: 'odd' });
  });
});

describe('formatWarning', () => {
  it('formats the SDK warning shapes', () => {
    expect(formatWarning({ type: 'other', message: 'm' })).toBe('m');
    expect(formatWarning({ type: 'unsupported', feature: 'topK' })).toBe('unsupported: topK');
    expect(formatWarning({ type: 'compatibility', feature: 'x', details: 'y' })).toBe(
      'compatibility: x — y',
    );
  });
});
