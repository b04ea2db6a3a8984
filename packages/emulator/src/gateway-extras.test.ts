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

describe('GET /v1/realtime (OpenAI realtime beta protocol behind new-api)', () => {
  async function open(model = 'gpt-4o-realtime-preview') {
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(`${emu.origin.replace('http', 'ws')}/v1/realtime?model=${model}`, {
      headers: { Authorization: `Bearer ${emu.apiKey}` },
    });
    const events: Array<Record<string, unknown>> = [];
    ws.on('message', (data) => events.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const next = async (type: string) => {
      for (let i = 0; i < 200; i++) {
        const found = events.find((e) => e.type === type);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`no ${type} event`);
    };
    const send = (event: unknown) => ws.send(JSON.stringify(event));
    return { ws, events, next, send };
  }

  it('starts with session.created and answers a text turn with text deltas', async () => {
    const { ws, events, next, send } = await open();
    expect(await next('session.created')).toMatchObject({
      session: { object: 'realtime.session', model: 'gpt-4o-realtime-preview' },
    });
    send({ type: 'session.update', session: { modalities: ['text'] } });
    await next('session.updated');
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'ping' }] },
    });
    send({ type: 'response.create' });
    const done = await next('response.done');
    const text = events
      .filter((e) => e.type === 'response.text.delta')
      .map((e) => e.delta)
      .join('');
    expect(text).toBe('You said: ping');
    expect(done).toMatchObject({
      response: { status: 'completed', usage: { output_token_details: { audio_tokens: 0 } } },
    });
    ws.close();
  });

  it('rejects GA-only session keys and beta-invalid values the way the beta API does', async () => {
    const { ws, events, next, send } = await open();
    send({ type: 'session.update', event_id: 'c1', session: { type: 'realtime' } });
    expect(await next('error')).toMatchObject({
      error: {
        type: 'invalid_request_error',
        code: 'unknown_parameter',
        param: 'session.type',
        event_id: 'c1',
      },
    });
    events.length = 0;
    send({ type: 'session.update', session: { modalities: ['audio'] } });
    expect(((await next('error')).error as { message: string }).message).toContain(
      "Supported combinations are: ['text'] and ['audio', 'text']",
    );
    events.length = 0;
    send({ type: 'input_audio_buffer.commit' });
    expect(await next('error')).toMatchObject({
      error: { code: 'input_audio_buffer_commit_empty' },
    });
    ws.close();
  });

  it('refuses the handshake without a key, and for a subprotocol without a key part', async () => {
    const { default: WebSocket } = await import('ws');
    const url = `${emu.origin.replace('http', 'ws')}/v1/realtime?model=gpt-4o-realtime-preview`;
    const status = (ws: InstanceType<typeof WebSocket>) =>
      new Promise<number>((resolve) => {
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
      });
    expect(await status(new WebSocket(url))).toBe(401);
    expect(
      await status(
        new WebSocket(url, ['realtime'], { headers: { Authorization: `Bearer ${emu.apiKey}` } }),
      ),
    ).toBe(401);
    const keyed = new WebSocket(url, ['realtime', `openai-insecure-api-key.${emu.apiKey}`]);
    expect(await status(keyed)).toBe(101);
    expect(keyed.protocol).toBe('realtime');
    keyed.close();
  });
});
