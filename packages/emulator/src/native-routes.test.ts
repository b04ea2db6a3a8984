import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client, parseSse } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

const weather = {
  name: 'get_weather',
  description: 'Weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('/v1/responses', () => {
  it('returns reasoning, message and usage', async () => {
    const body = await (
      await api.post('/v1/responses', {
        model: 'gpt-5',
        input: 'Hello there',
        reasoning: { effort: 'low', summary: 'auto' },
      })
    ).json();
    expect(body).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-5' });
    expect(body.id).toMatch(/^resp_/);
    expect(body.output.map((o: { type: string }) => o.type)).toEqual(['reasoning', 'message']);
    expect(body.output[0].summary[0].type).toBe('summary_text');
    expect(body.output[1].content[0]).toMatchObject({
      type: 'output_text',
      text: 'Hello! Nice to meet you — how can I help today?',
      annotations: [],
    });
    expect(body.usage.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('calls functions and answers function_call_output', async () => {
    const tools = [{ type: 'function', ...weather }];
    const input: unknown[] = [
      { role: 'user', content: [{ type: 'input_text', text: 'weather in Quito?' }] },
    ];
    const first = await (
      await api.post('/v1/responses', { model: 'gpt-4.1', input, tools })
    ).json();
    const call = first.output.find((o: { type: string }) => o.type === 'function_call');
    expect(call).toMatchObject({ name: 'get_weather', status: 'completed' });
    expect(JSON.parse(call.arguments)).toEqual({ city: 'Quito' });
    input.push(call, { type: 'function_call_output', call_id: call.call_id, output: 'sunny' });
    const second = await (
      await api.post('/v1/responses', { model: 'gpt-4.1', input, tools })
    ).json();
    expect(second.output.at(-1).content[0].text).toMatch(
      /^The (get_weather )?tool returned sunny\.$/,
    );
  });

  it('streams events in Responses order with sequence numbers', async () => {
    const res = await api.post('/v1/responses', {
      model: 'o3',
      input: 'Stream it',
      reasoning: { effort: 'low', summary: 'auto' },
      stream: true,
    });
    const blocks = parseSse(await res.text());
    const types = blocks.map((b) => b.event);
    expect(types[0]).toBe('response.created');
    expect(types[1]).toBe('response.in_progress');
    expect(types.at(-1)).toBe('response.completed');
    expect(types.indexOf('response.reasoning_summary_text.delta')).toBeLessThan(
      types.indexOf('response.output_text.delta'),
    );
    const seq = blocks.map((b) => JSON.parse(b.data!).sequence_number);
    expect(seq).toEqual(seq.map((_, i) => i));
    expect(blocks.some((b) => b.data === '[DONE]')).toBe(false);
  });
});

describe('/v1/messages', () => {
  const base = {
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 4096,
    thinking: { type: 'enabled', budget_tokens: 1024 },
    tools: [
      { name: weather.name, description: weather.description, input_schema: weather.parameters },
    ],
  };

  it('returns signed thinking and tool_use, and validates the replay', async () => {
    const messages: Record<string, unknown>[] = [{ role: 'user', content: 'weather in Lima?' }];
    const first = await (await api.post('/v1/messages', { ...base, messages })).json();
    expect(first).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'tool_use' });
    expect(first.usage).toMatchObject({
      cache_creation_input_tokens: 0,
      claude_cache_creation_5_m_tokens: 0,
    });
    const [thinking, toolUse] = first.content;
    expect(thinking).toMatchObject({ type: 'thinking', signature: expect.stringMatching(/^sig-/) });
    expect(toolUse).toMatchObject({
      type: 'tool_use',
      name: 'get_weather',
      input: { city: 'Lima' },
    });
    expect(toolUse.id).toMatch(/^toolu_/);

    const result = {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: '19C' }],
    };
    const stripped = await api.post('/v1/messages', {
      ...base,
      messages: [...messages, { role: 'assistant', content: [toolUse] }, result],
    });
    expect(stripped.status).toBe(400);
    const error = await stripped.json();
    expect(error.type).toBe('error');
    expect(error.error.type).toBe('invalid_request_error');
    expect(error.error.message).toMatch(
      /^messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`/,
    );

    const forged = await api.post('/v1/messages', {
      ...base,
      messages: [
        ...messages,
        { role: 'assistant', content: [{ ...thinking, signature: 'sig-forged' }, toolUse] },
        result,
      ],
    });
    expect(forged.status).toBe(400);

    const ok = await api.post('/v1/messages', {
      ...base,
      messages: [...messages, { role: 'assistant', content: first.content }, result],
    });
    expect(ok.status).toBe(200);
    const answer = await ok.json();
    expect(answer.content.at(-1)).toEqual({
      type: 'text',
      text: expect.stringMatching(/^The (get_weather )?tool returned 19C\.$/),
    });
  });

  it('streams native Anthropic events', async () => {
    const res = await api.post('/v1/messages', {
      ...base,
      stream: true,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const blocks = parseSse(await res.text());
    const events = blocks.map((b) => b.event);
    expect(events[0]).toBe('message_start');
    expect(events.at(-2)).toBe('message_delta');
    expect(events.at(-1)).toBe('message_stop');
    const deltaTypes = blocks
      .filter((b) => b.event === 'content_block_delta')
      .map((b) => JSON.parse(b.data!).delta.type);
    expect(deltaTypes).toContain('thinking_delta');
    expect(deltaTypes).toContain('signature_delta');
    expect(deltaTypes).toContain('text_delta');
  });

  it('uses the Anthropic error shape', async () => {
    const res = await api.post('/v1/messages', { ...base, model: 'claude-nope', messages: [] });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'model_not_found' } });
  });
});

describe('/v1beta (Gemini native)', () => {
  const tools = [
    {
      functionDeclarations: [
        {
          name: 'get_weather',
          parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } } },
        },
      ],
    },
  ];
  const url = (model: string, method = 'generateContent') => `/v1beta/models/${model}:${method}`;

  it('returns thoughts, function calls with signatures, and validates them on gemini-3', async () => {
    const ask = { role: 'user', parts: [{ text: 'weather in Cairo?' }] };
    const first = await (
      await api.post(url('gemini-3-pro-preview'), {
        contents: [ask],
        tools,
        generationConfig: { thinkingConfig: { includeThoughts: true } },
      })
    ).json();
    const parts = first.candidates[0].content.parts;
    expect(parts[0]).toMatchObject({ thought: true });
    expect(parts[1]).toMatchObject({
      functionCall: { name: 'get_weather', args: { city: 'Cairo' } },
      thoughtSignature: expect.any(String),
    });
    expect(first.usageMetadata.thoughtsTokenCount).toBeGreaterThan(0);

    const response = {
      role: 'user',
      parts: [{ functionResponse: { name: 'get_weather', response: { temp: 30 } } }],
    };
    const { thoughtSignature: _, ...unsigned } = parts[1];
    const bad = await api.post(url('gemini-3-pro-preview'), {
      contents: [ask, { role: 'model', parts: [unsigned] }, response],
      tools,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/thought_signature/);

    const good = await api.post(url('gemini-3-pro-preview'), {
      contents: [ask, { role: 'model', parts }, response],
      tools,
    });
    expect(good.status).toBe(200);
    expect((await good.json()).candidates[0].content.parts.at(-1).text).toBe('It is 30 °C.');
  });

  it('streams only with alt=sse', async () => {
    const body = { contents: [{ role: 'user', parts: [{ text: 'Hi there' }] }] };
    const plain = await api.post(url('gemini-2.5-flash', 'streamGenerateContent'), body);
    expect(plain.headers.get('content-type')).toMatch(/application\/json/);
    const sse = await api.post(`${url('gemini-2.5-flash', 'streamGenerateContent')}?alt=sse`, body);
    const blocks = parseSse(await sse.text());
    expect(blocks.length).toBeGreaterThan(1);
    const last = JSON.parse(blocks.at(-1)!.data!);
    expect(last.candidates[0].finishReason).toBe('STOP');
    expect(blocks.some((b) => b.data === '[DONE]')).toBe(false);
  });
});
