import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../emulator-server.ts';
import { client } from '../test-utils.ts';

const o3WithStop = {
  model: 'o3',
  messages: [{ role: 'user', content: 'Count to three' }],
  stop: ['3'],
};

describe('strict mode over HTTP', () => {
  let strict: Emulator;
  let lenient: Emulator;
  beforeAll(async () => {
    strict = await startEmulator();
    lenient = await startEmulator({ strict: false });
  });
  afterAll(async () => {
    await strict.close();
    await lenient.close();
  });

  it('is the default: the upstream error is relayed in the gateway shape with its status', async () => {
    const res = await client(strict).post('/v1/chat/completions', o3WithStop);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      param: 'stop',
      code: 'unsupported_parameter',
    });
    expect(String(body.error.message)).toMatch(
      /^Unsupported parameter: 'stop' is not supported with this model\. \(request id: \w+\)$/,
    );
  });

  it('streaming requests are refused before the stream starts', async () => {
    const res = await client(strict).post('/v1/chat/completions', {
      model: 'qwen3-8b',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(res.status).toBe(400);
    const ok = await client(strict).post('/v1/chat/completions', {
      model: 'qwen3-8b',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    expect(ok.status).toBe(200);
    await ok.text();
  });

  it('strict: false and x-emulator-contracts: off accept what the upstream would refuse', async () => {
    expect((await client(lenient).post('/v1/chat/completions', o3WithStop)).status).toBe(200);
    const res = await client(strict).post('/v1/chat/completions', o3WithStop, {
      'x-emulator-contracts': 'off',
    });
    expect(res.status).toBe(200);
  });

  it('responses: stored items resolve later, store: false items do not', async () => {
    const post = (body: unknown) => client(strict).post('/v1/responses', body);
    const first = (await (await post({ model: 'gpt-4.1', input: 'Hi' })).json()) as {
      output: { id: string }[];
    };
    const again = await post({
      model: 'gpt-4.1',
      input: [
        { type: 'item_reference', id: first.output[0]!.id },
        { role: 'user', content: 'More' },
      ],
    });
    expect(again.status).toBe(200);
    const unstored = (await (
      await post({ model: 'gpt-4.1', input: 'Hi', store: false })
    ).json()) as {
      output: { id: string }[];
    };
    const missing = await post({
      model: 'gpt-4.1',
      input: [{ type: 'item_reference', id: unstored.output[0]!.id }],
    });
    expect(missing.status).toBe(404);
  });

  it('gemini native: the thinking config is checked per model', async () => {
    const res = await client(strict).post('/v1beta/models/gemini-2.5-pro:generateContent', {
      contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      generationConfig: { thinkingConfig: { thinkingBudget: 0 } },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(String(body.error.message)).toContain('Budget 0 is invalid');
  });

  it('minimax: an invalid request comes back as HTTP 200 with base_resp', async () => {
    const res = await client(strict).post('/v1/chat/completions', {
      model: 'minimax-m2',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.choices).toBeNull();
    expect(body.base_resp).toMatchObject({ status_code: 2013 });
  });

  it("an empty messages array is the gateway's own 500", async () => {
    const res = await client(strict).post('/v1/chat/completions', {
      model: 'gpt-4o',
      messages: [],
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error.code).toBe('invalid_request');
  });
});
