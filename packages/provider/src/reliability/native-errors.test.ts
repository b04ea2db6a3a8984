import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import { type FakeServer, sendJson, sendSse, startFakeServer } from './helpers/fake-server';
import { errorOf, testProvider, USER_PROMPT } from './helpers/models';
import { nativeAnswers } from './helpers/native-answers';

/**
 * The gateway sends some errors with status 200. On the native routes the official
 * providers would read them as an empty answer (Gemini) or lose the MixRouter error type
 * and the rate-limit retry (Messages, Responses).
 */
let gateway: FakeServer;
beforeAll(async () => {
  gateway = await startFakeServer();
});
afterAll(() => gateway.close());

const RATE_LIMITED = {
  error: {
    message: 'upstream rate limited (request id: 20260101120000123456789AbCdEfGh)',
    type: 'upstream_error',
    code: 'rate_limit_exceeded',
  },
};
// /v1/messages puts the code into error.type (protocol §5.1).
const RATE_LIMITED_MESSAGES = {
  type: 'error',
  error: { type: 'rate_limit_exceeded', message: RATE_LIMITED.error.message },
};

const routes = {
  gemini: (p: ReturnType<typeof testProvider>) => p.gemini('gemini-2.5-pro'),
  messages: (p: ReturnType<typeof testProvider>) => p.messages('claude-sonnet-4-5'),
  responses: (p: ReturnType<typeof testProvider>) => p.responses('gpt-5.1-codex'),
};
const errorBody = (route: string) => (route === 'messages' ? RATE_LIMITED_MESSAGES : RATE_LIMITED);

const success: Record<string, unknown> = nativeAnswers('ok');

// The first event of each route's stream, as the vendors send it.
const firstEvent: Record<string, string> = {
  gemini: `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: 'partial ' }] } }] })}\n\n`,
  messages: `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } })}\n\nevent: content_block_start\ndata: ${JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })}\n\nevent: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'partial ' } })}\n\n`,
  responses: `data: ${JSON.stringify({ type: 'response.created', sequence_number: 0, response: { id: 'resp_1', object: 'response', created_at: 1767268800, model: 'gpt-5.1-codex', status: 'in_progress', output: [], error: null, incomplete_details: null, usage: null } })}\n\ndata: ${JSON.stringify({ type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: { type: 'message', id: 'msg_1', role: 'assistant', status: 'in_progress', content: [] } })}\n\ndata: ${JSON.stringify({ type: 'response.output_text.delta', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'partial ' })}\n\n`,
};

describe('gateway errors sent with HTTP 200 on the native routes', () => {
  for (const [route, model] of Object.entries(routes)) {
    it(`${route}: a JSON error body is a retryable MixRouterAPIError, not an (empty) answer`, async () => {
      gateway.reset((_, res) => sendJson(res, 200, errorBody(route)));
      const error = await errorOf(() =>
        model(testProvider({ baseURL: gateway.baseURL })).doGenerate({ prompt: USER_PROMPT }),
      );
      expect(isMixRouterError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'rate-limit', isRetryable: true, statusCode: 200 });
      expect((error as Error).message).toContain('upstream rate limited');
    });

    it(`${route}: ai retries it and the next answer is used`, async () => {
      let calls = 0;
      gateway.reset((_, res) =>
        calls++ === 0
          ? sendJson(res, 200, errorBody(route), { 'retry-after-ms': '1' })
          : sendJson(res, 200, success[route]),
      );
      const result = await generateText({
        model: model(testProvider({ baseURL: gateway.baseURL })),
        prompt: 'hi',
        maxRetries: 1,
      });
      expect(result.text).toBe('ok');
      expect(gateway.requests).toHaveLength(2);
    });

    it(`${route}: an error as the first stream event makes doStream reject`, async () => {
      gateway.reset((_, res) => sendSse(res, [`data: ${JSON.stringify(errorBody(route))}\n\n`]));
      const error = await errorOf(() =>
        model(testProvider({ baseURL: gateway.baseURL })).doStream({ prompt: USER_PROMPT }),
      );
      expect(isMixRouterError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'rate-limit', isRetryable: true });
    });

    it(`${route}: an error later in the stream ends it with that error, after the partial text`, async () => {
      gateway.reset((_, res) =>
        sendSse(res, [firstEvent[route], `data: ${JSON.stringify(errorBody(route))}\n\n`]),
      );
      const { stream } = await model(testProvider({ baseURL: gateway.baseURL })).doStream({
        prompt: USER_PROMPT,
      });
      const parts: Array<{ type: string; delta?: string; error?: unknown }> = [];
      let thrown: unknown;
      try {
        for await (const part of stream as unknown as AsyncIterable<(typeof parts)[number]>)
          parts.push(part);
      } catch (error) {
        thrown = error;
      }
      const text = parts
        .filter((part) => part.type === 'text-delta')
        .map((part) => part.delta)
        .join('');
      expect(text).toBe('partial ');
      const errors = [
        thrown,
        ...parts.filter((p) => p.type === 'error').map((p) => p.error),
      ].filter((e) => e !== undefined);
      expect(
        errors.some((e) => isMixRouterError(e)),
        JSON.stringify(parts),
      ).toBe(true);
    });
  }

  it('successful answers are passed on unchanged (a Responses body with `error: null` is not an error)', async () => {
    for (const [route, model] of Object.entries(routes)) {
      gateway.reset((_, res) => sendJson(res, 200, success[route]));
      const result = await model(testProvider({ baseURL: gateway.baseURL })).doGenerate({
        prompt: USER_PROMPT,
      });
      expect(result.content, route).toEqual([
        expect.objectContaining({ type: 'text', text: 'ok' }),
      ]);
    }
  });
});
