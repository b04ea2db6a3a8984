import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, sendJson, startFakeServer } from './helpers/fake-server';
import { callsForEveryModelType, errorOf, testProvider } from './helpers/models';

let gateway: FakeServer;
beforeAll(async () => {
  gateway = await startFakeServer((_, res) => sendJson(res, 401, { error: { message: 'no' } }));
});
afterAll(() => gateway.close());

describe('a base URL with a query string', () => {
  it('every route puts its path before the query: …/v1/<route>?key=…', async () => {
    for (const baseURL of [
      `${gateway.baseURL}?key=k-1&tenant=t`,
      `${gateway.baseURL}/?key=k-1&tenant=t`,
    ]) {
      gateway.reset();
      const calls = callsForEveryModelType(testProvider({ baseURL }));
      for (const call of Object.values(calls)) await errorOf(call);
      // credits sends two requests at once; the call fails on the first answer
      await gateway.waitForRequests(Object.keys(calls).length + 1);
      const paths = gateway.requests.map((request) => request.path);
      expect(paths).toHaveLength(Object.keys(calls).length + 1);
      for (const path of paths) {
        // the query comes last, once; the path never contains it
        expect(path, path).toMatch(/^\/v1(beta)?\/[^?]+\?(alt=sse&)?key=k-1&tenant=t$/);
      }
      expect(paths).toEqual(
        expect.arrayContaining([
          '/v1/chat/completions?key=k-1&tenant=t',
          '/v1/messages?key=k-1&tenant=t',
          '/v1/responses?key=k-1&tenant=t',
          '/v1beta/models/gemini-2.5-pro:generateContent?key=k-1&tenant=t',
          '/v1/embeddings?key=k-1&tenant=t',
          '/v1/images/generations?key=k-1&tenant=t',
          '/v1/audio/speech?key=k-1&tenant=t',
          '/v1/audio/transcriptions?key=k-1&tenant=t',
          '/v1/video/generations?key=k-1&tenant=t',
          '/v1/video/generations/t1?key=k-1&tenant=t',
          '/v1/models?key=k-1&tenant=t',
          '/v1/rerank?key=k-1&tenant=t',
          '/v1/dashboard/billing/usage?key=k-1&tenant=t',
        ]),
      );
    }
  });

  it('streams on the Gemini route keep their own alt=sse next to the base query', async () => {
    gateway.reset();
    await errorOf(() =>
      testProvider({ baseURL: `${gateway.baseURL}?key=k-1` })
        .gemini('gemini-2.5-pro')
        .doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }),
    );
    expect(gateway.requests[0].path).toBe(
      '/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse&key=k-1',
    );
  });
});
