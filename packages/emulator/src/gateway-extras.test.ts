import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

describe('billing routes (new-api controller/billing.go)', () => {
  it('serves subscription and usage at /dashboard and /v1/dashboard', async () => {
    for (const prefix of ['', '/v1']) {
      const subscription = await api.get(`${prefix}/dashboard/billing/subscription`);
      expect(subscription.status).toBe(200);
      expect(await subscription.json()).toEqual({
        object: 'billing_subscription',
        has_payment_method: true,
        soft_limit_usd: 25.5,
        hard_limit_usd: 25.5,
        system_hard_limit_usd: 25.5,
        access_until: 0,
      });
      const usage = await api.get(`${prefix}/dashboard/billing/usage`);
      expect(await usage.json()).toEqual({ object: 'list', total_usage: 312.5 });
    }
  });

  it('needs the key', async () => {
    const response = await fetch(`${emu.origin}/v1/dashboard/billing/usage`);
    expect(response.status).toBe(401);
  });

  it('reports an unlimited token with the 100000000 sentinel and tokens in TOKENS display', async () => {
    const unlimited = await startEmulator({ billing: { unlimited: true, displayType: 'TOKENS' } });
    try {
      const tokens = client(unlimited);
      const subscription = await (await tokens.get('/v1/dashboard/billing/subscription')).json();
      expect(subscription.hard_limit_usd).toBe(100000000);
      const usage = await (await tokens.get('/v1/dashboard/billing/usage')).json();
      expect(usage.total_usage).toBe(1_562_500 * 100);
    } finally {
      await unlimited.close();
    }
  });
});

describe('POST /v1/rerank', () => {
  const docs = ['Berlin is in Germany', 'Paris is the capital of France', 'France has wine'];

  it('ranks by relevance, honours top_n and return_documents, reports new-api usage', async () => {
    const response = await api.post('/v1/rerank', {
      model: 'bge-reranker-v2-m3',
      query: 'capital of France',
      documents: docs,
      top_n: 2,
      return_documents: true,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.results.map((r: { index: number }) => r.index)).toEqual([1, 2]);
    expect(body.results[0].document).toEqual({ text: docs[1] });
    expect(body.results[0].relevance_score).toBeGreaterThan(body.results[1].relevance_score);
    expect(body.usage).toMatchObject({ completion_tokens: 0, input_tokens_details: null });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens);
  });

  it('omits documents unless asked and accepts {text} objects', async () => {
    const body = await (
      await api.post('/v1/rerank', {
        model: 'jina-reranker-v2-base-multilingual',
        query: 'wine',
        documents: [{ text: 'France has wine' }, 'Berlin'],
      })
    ).json();
    expect(body.results).toEqual([
      { index: 0, relevance_score: 0.99 },
      { index: 1, relevance_score: 0.01 },
    ]);
  });

  it.each([
    [{ query: '', documents: docs }, 500, 'query is empty'],
    [{ query: 'q', documents: [] }, 500, 'documents is empty'],
    [{ query: 'q', documents: [{ title: 'x' }] }, 422, "object with a 'text' field"],
    [{ query: 'q', documents: docs, top_n: 0 }, 422, 'greater than or equal to 1'],
  ])('rejects %j', async (fields, status, message) => {
    const response = await api.post('/v1/rerank', { model: 'bge-reranker-v2-m3', ...fields });
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toContain(message);
  });

  it('answers model_not_found for a chat model and lists rerank models as jina-rerank', async () => {
    const response = await api.post('/v1/rerank', { model: 'gpt-4o', query: 'q', documents: docs });
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('model_not_found');
    const list = await (await api.get('/v1/models')).json();
    expect(list.data.find((m: { id: string }) => m.id === 'bge-reranker-v2-m3')).toMatchObject({
      supported_endpoint_types: ['jina-rerank'],
    });
  });
});
