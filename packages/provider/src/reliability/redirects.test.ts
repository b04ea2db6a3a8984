import type { FetchFunction } from '@ai-sdk/provider-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_API_REDIRECTS } from '../mixrouter-api-fetch';
import { type FakeServer, sendJson, startFakeServer } from './helpers/fake-server';
import {
  callsForEveryModelType,
  errorOf,
  TEST_KEY,
  testProvider,
  USER_PROMPT,
} from './helpers/models';

/**
 * A gateway that redirects. Two loopback servers on different ports are two origins:
 * `gateway` (the configured base URL) and `foreign` (where a hostile or misconfigured
 * gateway points). Nothing may ever reach `foreign`.
 */
let gateway: FakeServer;
let foreign: FakeServer;

beforeAll(async () => {
  gateway = await startFakeServer();
  foreign = await startFakeServer((_, res) => sendJson(res, 200, { stolen: true }));
});
afterAll(async () => {
  await gateway.close();
  await foreign.close();
});
beforeEach(() => {
  foreign.reset();
});

const chatAnswer = {
  id: 'c1',
  object: 'chat.completion',
  created: 1767268800,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

describe('redirects to another origin are refused on every route', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`status ${status}: a clear error naming both origins; nothing is sent to the other origin`, async () => {
      gateway.reset((request, res) => {
        res.writeHead(status, { location: `${foreign.origin}${request.path}` });
        res.end();
      });
      const calls = callsForEveryModelType(
        testProvider({ baseURL: gateway.baseURL, headers: { 'X-Custom': 'secret-header' } }),
      );
      for (const [route, call] of Object.entries(calls)) {
        const error = (await errorOf(call)) as Error;
        expect(error.message, route).toContain(`redirected`);
        expect(error.message, route).toContain(gateway.origin);
        expect(error.message, route).toContain(foreign.origin);
      }
      // (credits makes two requests)
      expect(gateway.requests.length).toBeGreaterThanOrEqual(Object.keys(calls).length);
      expect(foreign.requests).toHaveLength(0);
    });
  }

  it('a redirect to the cloud metadata address is refused before any request is made to it', async () => {
    gateway.reset((_, res) => {
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    const error = (await errorOf(() =>
      testProvider({ baseURL: gateway.baseURL }).chat('gpt-4o').doGenerate({ prompt: USER_PROMPT }),
    )) as Error;
    expect(error.message).toContain('http://169.254.169.254');
    expect(error.message).toContain('the request was not sent there');
  });

  it('the error is not retried by ai', async () => {
    gateway.reset((_, res) => {
      res.writeHead(302, { location: `${foreign.origin}/v1/chat/completions` });
      res.end();
    });
    const { generateText } = await import('ai');
    await expect(
      generateText({
        model: testProvider({ baseURL: gateway.baseURL }).chat('gpt-4o'),
        prompt: 'hi',
        maxRetries: 2,
      }),
    ).rejects.toThrow(/another origin/);
    expect(gateway.requests).toHaveLength(1);
    expect(foreign.requests).toHaveLength(0);
  });
});

describe('redirects within the origin', () => {
  it('307/308 repeat the method, headers and body', async () => {
    for (const status of [307, 308]) {
      gateway.reset((request, res) => {
        if (request.path === '/v1/chat/completions') {
          res.writeHead(status, { location: '/moved/v1/chat/completions' });
          res.end();
          return;
        }
        return sendJson(res, 200, chatAnswer);
      });
      const result = await testProvider({ baseURL: gateway.baseURL, headers: { 'X-Custom': 'c' } })
        .chat('gpt-4o')
        .doGenerate({ prompt: USER_PROMPT });
      expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
      const [first, second] = gateway.requests;
      expect(second.path).toBe('/moved/v1/chat/completions');
      expect(second.method).toBe('POST');
      expect(second.body.toString()).toBe(first.body.toString());
      expect(second.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
      expect(second.headers['x-custom']).toBe('c');
      expect(second.headers['content-type']).toContain('application/json');
    }
  });

  it('303 (and 301/302 after a POST) become a GET without the body', async () => {
    for (const status of [301, 302, 303]) {
      gateway.reset((request, res) => {
        if (request.method === 'POST') {
          res.writeHead(status, { location: `${gateway.origin}/v1/result` });
          res.end();
          return;
        }
        return sendJson(res, 200, chatAnswer);
      });
      await testProvider({ baseURL: gateway.baseURL })
        .chat('gpt-4o')
        .doGenerate({ prompt: USER_PROMPT });
      const second = gateway.requests[1];
      expect(second.method, String(status)).toBe('GET');
      expect(second.body.length).toBe(0);
      expect(second.headers['content-type']).toBeUndefined();
      expect(second.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    }
  });

  it(`a redirect loop ends after ${MAX_API_REDIRECTS} redirects with a clear error`, async () => {
    gateway.reset((request, res) => {
      res.writeHead(307, { location: `${request.path}x` });
      res.end();
    });
    const error = (await errorOf(() =>
      testProvider({ baseURL: gateway.baseURL }).chat('gpt-4o').doGenerate({ prompt: USER_PROMPT }),
    )) as Error;
    expect(error.message).toContain(`more than ${MAX_API_REDIRECTS} times`);
    expect(gateway.requests).toHaveLength(MAX_API_REDIRECTS + 1);
  });

  it('a custom fetch is used for every hop', async () => {
    gateway.reset((request, res) => {
      if (request.path === '/v1/chat/completions') {
        res.writeHead(308, { location: '/v2/chat/completions' });
        res.end();
        return;
      }
      return sendJson(res, 200, chatAnswer);
    });
    const seen: string[] = [];
    const fetch: FetchFunction = (input, init) => {
      seen.push(`${init?.redirect} ${String(input)}`);
      return globalThis.fetch(input, init);
    };
    await testProvider({ baseURL: gateway.baseURL, fetch })
      .chat('gpt-4o')
      .doGenerate({ prompt: USER_PROMPT });
    expect(seen).toEqual([
      `manual ${gateway.baseURL}/chat/completions`,
      `manual ${gateway.origin}/v2/chat/completions`,
    ]);
  });

  it('a custom fetch that follows redirects itself: the foreign answer is refused', async () => {
    gateway.reset((_, res) => {
      res.writeHead(302, { location: `${foreign.origin}/v1/models` });
      res.end();
    });
    const fetch: FetchFunction = (input, init) =>
      globalThis.fetch(input, { ...init, redirect: 'follow' });
    const error = (await errorOf(() =>
      testProvider({ baseURL: gateway.baseURL, fetch }).listModels(),
    )) as Error;
    expect(error.message).toContain('custom fetch followed a redirect');
    expect(error.message).toContain(foreign.origin);
  });
});
