import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client, dataPayloads, parseSse } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

type Chunk = {
  id: string;
  choices: { delta: Record<string, unknown>; finish_reason: string | null }[];
  usage: Record<string, unknown> | null;
};

async function stream(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await api.post('/v1/chat/completions', { stream: true, ...body }, headers);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { res, text, blocks: parseSse(text), payloads: dataPayloads(parseSse(text)) };
}

const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
];

describe('chat completions (SSE)', () => {
  it('has the gateway transcript shape', async () => {
    const { res, payloads } = await stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'What is the capital of Japan?' }],
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1) as Chunk[];
    expect(chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: '' });
    const usageChunk = chunks.at(-1)!;
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      input_tokens_details: null,
    });
    const finish = chunks.at(-2)!;
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('The capital of Japan is Tokyo.');
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBeGreaterThan(1);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('omits the usage chunk when include_usage is false', async () => {
    const { payloads } = await stream({
      model: 'gpt-4o',
      stream_options: { include_usage: false },
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1) as Chunk[];
    expect(chunks.some((c) => c.choices.length === 0)).toBe(false);
  });

  it('streams reasoning deltas before content', async () => {
    const { payloads } = await stream({
      model: 'deepseek-chat',
      thinking: { type: 'enabled' },
      messages: [{ role: 'user', content: 'Why?' }],
    });
    const deltas = (payloads.slice(0, -1) as Chunk[]).flatMap((c) => c.choices.map((x) => x.delta));
    const firstReasoning = deltas.findIndex((d) => d.reasoning_content);
    const firstContent = deltas.findIndex((d) => d.content);
    expect(deltas.filter((d) => d.reasoning_content).length).toBeGreaterThan(1);
    expect(firstReasoning).toBeLessThan(firstContent);
    const usage = (payloads.at(-2) as Chunk).usage as {
      completion_tokens_details: { reasoning_tokens: number };
    };
    expect(usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('fragments OpenAI tool calls and starts Claude indexes at 1', async () => {
    const messages = [{ role: 'user', content: 'weather in Oslo?' }];
    const openai = (await stream({ model: 'gpt-4o', messages, tools })).payloads.slice(
      0,
      -1,
    ) as Chunk[];
    const calls = openai.flatMap(
      (c) => (c.choices[0]?.delta.tool_calls as Record<string, unknown>[]) ?? [],
    );
    expect(calls[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(calls.length).toBeGreaterThan(2);
    for (const fragment of calls.slice(1))
      expect(Object.keys(fragment).sort()).toEqual(['function', 'index']);
    const args = calls.map((c) => (c.function as { arguments: string }).arguments).join('');
    expect(JSON.parse(args)).toEqual({ city: 'Oslo' });
    expect(openai.at(-2)!.choices[0].finish_reason).toBe('tool_calls');

    const claude = (
      await stream({ model: 'claude-sonnet-4-5-20250929', messages, tools })
    ).payloads.slice(0, -1) as Chunk[];
    const claudeCalls = claude.flatMap(
      (c) => (c.choices[0]?.delta.tool_calls as { index: number }[]) ?? [],
    );
    expect(claudeCalls.every((c) => c.index === 1)).toBe(true);
  });

  it('sends whole Gemini calls plus the extra finish chunk', async () => {
    const { payloads } = await stream({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'weather in Oslo?' }],
      tools,
    });
    const chunks = payloads.slice(0, -1) as Chunk[];
    const withCalls = chunks.filter((c) => c.choices[0]?.delta.tool_calls);
    expect(withCalls).toHaveLength(1);
    expect(withCalls[0].choices[0].finish_reason).toBe('tool_calls');
    expect(chunks.at(-2)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
  });

  it('streams Gemini images as markdown data URIs', async () => {
    const { payloads } = await stream({
      model: 'gemini-3-pro-image-preview',
      messages: [{ role: 'user', content: 'Cat' }],
    });
    const text = (payloads.slice(0, -1) as Chunk[])
      .map((c) => c.choices[0]?.delta.content ?? '')
      .join('');
    expect(text).toMatch(/!\[image\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
  });
});

describe('stream faults', () => {
  const body = {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'A fairly long question for chunks' }],
  };

  it('stream-error: error payload, then usage and [DONE]', async () => {
    const { payloads } = await stream(body, { 'x-emulator-fault': 'stream-error' });
    const errorIndex = payloads.findIndex(
      (p) => typeof p === 'object' && p !== null && 'error' in p,
    );
    expect(payloads[errorIndex]).toEqual({
      error: { message: 'upstream overloaded', type: 'upstream_error', code: 'overloaded' },
    });
    expect(errorIndex).toBeGreaterThan(1);
    expect((payloads[errorIndex + 1] as Chunk).choices).toEqual([]);
    expect(payloads[errorIndex + 2]).toBe('[DONE]');
    expect(
      (payloads.slice(0, errorIndex) as Chunk[]).every((c) => c.choices[0].finish_reason === null),
    ).toBe(true);
  });

  it('stream-raw-error: a bare JSON error line', async () => {
    const { blocks, payloads } = await stream(body, { 'x-emulator-fault': 'stream-raw-error' });
    const raw = blocks.find((b) => b.raw)?.raw;
    expect(JSON.parse(raw!).error.code).toBe('bad_response_body');
    expect(payloads).not.toContain('[DONE]');
  });

  it('stream-truncate: [DONE] without finish_reason', async () => {
    const { payloads } = await stream(body, { 'x-emulator-fault': 'stream-truncate' });
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1) as Chunk[];
    expect(chunks.some((c) => c.choices[0]?.finish_reason)).toBe(false);
  });

  it('stream-drop: the connection dies mid-stream', async () => {
    const res = await api.post(
      '/v1/chat/completions',
      { ...body, stream: true },
      { 'x-emulator-fault': 'stream-drop' },
    );
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('ping: interleaves comment lines', async () => {
    const { blocks, payloads } = await stream(body, { 'x-emulator-fault': 'ping' });
    expect(blocks.filter((b) => b.comment === ': PING').length).toBeGreaterThan(1);
    expect(payloads.at(-1)).toBe('[DONE]');
  });
});
