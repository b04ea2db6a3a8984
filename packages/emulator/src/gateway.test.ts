import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;
const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

describe('auth', () => {
  it('rejects a missing or wrong key with 401 and the request id', async () => {
    const variants: Record<string, string>[] = [{}, { Authorization: 'Bearer sk-wrong' }];
    for (const headers of variants) {
      const res = await fetch(`${emu.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(chat),
      });
      expect(res.status).toBe(401);
      const id = res.headers.get('x-oneapi-request-id');
      expect(id).toMatch(/^\d{14}\d{9}[A-Za-z]{8}$/);
      expect(await res.json()).toEqual({
        error: {
          message: `Invalid token (request id: ${id})`,
          type: 'new_api_error',
          param: '',
          code: '',
        },
      });
    }
  });

  it('speaks Chinese when asked', async () => {
    const res = await fetch(`${emu.baseURL}/models`, { headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/^无效的令牌 \(request id: /);
  });

  it('refuses keys that force a channel', async () => {
    const res = await api.post('/v1/chat/completions', chat, {
      Authorization: `Bearer ${emu.apiKey}-12`,
    });
    expect(res.status).toBe(403);
  });

  it('accepts x-api-key only on /v1/messages and google keys only on /v1beta', async () => {
    const anthropic = {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Hi' }],
    };
    const withKey = await fetch(`${emu.baseURL}/messages`, {
      method: 'POST',
      headers: { 'x-api-key': emu.apiKey, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify(anthropic),
    });
    expect(withKey.status).toBe(200);
    const chatWithXKey = await fetch(`${emu.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'x-api-key': emu.apiKey },
      body: JSON.stringify(chat),
    });
    expect(chatWithXKey.status).toBe(401);
    const gemini = { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] };
    const byQuery = await fetch(
      `${emu.origin}/v1beta/models/gemini-2.5-flash:generateContent?key=${emu.apiKey}`,
      {
        method: 'POST',
        body: JSON.stringify(gemini),
      },
    );
    expect(byQuery.status).toBe(200);
    const byHeader = await fetch(`${emu.origin}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': emu.apiKey },
      body: JSON.stringify(gemini),
    });
    expect(byHeader.status).toBe(200);
  });
});

describe('gateway errors', () => {
  it('503 model_not_found for unknown models', async () => {
    const res = await api.post('/v1/chat/completions', { ...chat, model: 'gpt-99' });
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe('model_not_found');
    expect(body.error.message).toMatch(
      /^分组 default 下模型 gpt-99 无可用渠道（distributor） \(request id: \w+\)$/,
    );
  });

  it('accepts any emulator-* model', async () => {
    const res = await api.post('/v1/chat/completions', { ...chat, model: 'emulator-anything' });
    expect(res.status).toBe(200);
  });

  it('400 for malformed JSON, 500 invalid_request for validation quirks', async () => {
    const bad = await fetch(`${emu.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${emu.apiKey}`, 'Content-Type': 'application/json' },
      body: '{"model":',
    });
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.error.code).toBe('');
    expect(badBody.error.message).toMatch(/^无效的请求/);

    const noMessages = await api.post('/v1/chat/completions', { model: 'gpt-4o' });
    expect(noMessages.status).toBe(500);
    expect((await noMessages.json()).error.code).toBe('invalid_request');

    const hugeMax = await api.post('/v1/chat/completions', { ...chat, max_tokens: 2 ** 30 });
    expect(hugeMax.status).toBe(500);
    expect((await hugeMax.json()).error.code).toBe('invalid_request');
  });

  it('404 for unknown routes, 501 for unimplemented ones', async () => {
    expect((await api.post('/v1/nothing', {})).status).toBe(404);
    expect((await api.post('/v1/images/variations', {})).status).toBe(501);
  });

  it('records every request in order', async () => {
    const before = emu.requests.length;
    await api.post('/v1/chat/completions', {
      ...chat,
      messages: [{ role: 'user', content: 'recorded' }],
    });
    const rec = emu.requests[before];
    expect(rec.method).toBe('POST');
    expect(rec.path).toBe('/v1/chat/completions');
    expect(rec.headers.authorization).toBe(`Bearer ${emu.apiKey}`);
    expect(rec.body).toMatchObject({ messages: [{ content: 'recorded' }] });
  });

  it('lists models with endpoint types', async () => {
    const res = await api.get('/v1/models');
    const body = await res.json();
    expect(body.success).toBe(true);
    const byId = new Map(body.data.map((m: { id: string }) => [m.id, m]));
    expect(byId.get('gpt-5.1-codex')).toMatchObject({
      supported_endpoint_types: ['openai-response'],
    });
    expect(byId.get('claude-sonnet-4-5-20250929')).toMatchObject({
      supported_endpoint_types: expect.arrayContaining(['anthropic']),
    });
    expect(byId.get('text-embedding-3-small')).toMatchObject({
      supported_endpoint_types: ['embeddings'],
    });
    expect(byId.get('doubao-seedance-1-0-lite-i2v-250428')).toMatchObject({
      supported_endpoint_types: ['openai-video'],
    });
  });
});

describe('faults', () => {
  const fault = (f: string, extra: Record<string, string> = {}) =>
    api.post('/v1/chat/completions', chat, { 'x-emulator-fault': f, ...extra });

  it('429 with Retry-After and the rate-limit message', async () => {
    const res = await fault('429');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('0');
    expect((await res.json()).error.message).toMatch(/^您已达到请求数限制：1分钟内最多请求1次/);
  });

  it('429 with an empty body', async () => {
    const res = await fault('429-empty');
    expect(res.status).toBe(429);
    expect(await res.text()).toBe('');
  });

  it('500 do_request_failed, 500 invalid_request, HTML 502, 200 with error', async () => {
    const r500 = await fault('500');
    expect(r500.status).toBe(500);
    expect((await r500.json()).error.code).toBe('do_request_failed');
    const invalid = await fault('500-invalid');
    expect((await invalid.json()).error.code).toBe('invalid_request');
    const html = await fault('html-502');
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('502 Bad Gateway');
    const ok = await fault('200-error');
    expect(ok.status).toBe(200);
    expect((await ok.json()).error.type).toBe('upstream_error');
  });

  it('fails only the first N requests of a fault key', async () => {
    const headers = { 'x-emulator-fail-times': '2', 'x-emulator-fault-key': 'retry-test' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fault('500', headers)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('delays the first byte', async () => {
    const start = Date.now();
    const res = await fault('slow-first-byte', { 'x-emulator-delay-ms': '150' });
    expect(res.status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('uses the task error shape on video routes', async () => {
    const res = await api.post(
      '/v1/videos',
      { model: 'sora-2', prompt: 'x' },
      { 'x-emulator-fault': '429' },
    );
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({
      code: 'rate_limit',
      message: '当前分组上游负载已饱和，请稍后再试',
      data: null,
    });
  });
});
