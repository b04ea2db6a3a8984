import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Emulator, startEmulator } from './index.ts';
import { client } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city', 'days'],
    },
  },
};
const timeTool = {
  type: 'function',
  function: {
    name: 'get_time',
    parameters: { type: 'object', properties: { zone: { type: 'string' } } },
  },
};

async function complete(body: Record<string, unknown>) {
  const res = await api.post('/v1/chat/completions', body);
  expect(res.status).toBe(200);
  return res.json();
}

describe('chat completions (JSON)', () => {
  it('answers the question (here a greeting) with a full new-api usage object', async () => {
    const body = await complete({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello emulator' }],
    });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].message.content).toBe('Hello! Nice to meet you — how can I help today?');
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(Object.keys(body.usage)).toEqual([
      'prompt_tokens',
      'completion_tokens',
      'total_tokens',
      'prompt_tokens_details',
      'completion_tokens_details',
      'output_tokens_details',
      'input_tokens',
      'output_tokens',
      'input_tokens_details',
      'claude_cache_creation_5_m_tokens',
      'claude_cache_creation_1_h_tokens',
    ]);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('uses family id styles', async () => {
    const ask = (model: string) => complete({ model, messages: [{ role: 'user', content: 'Hi' }] });
    expect((await ask('claude-sonnet-4-5-20250929')).id).toMatch(/^msg_01/);
    expect((await ask('gemini-2.5-flash')).id).toMatch(/^chatcmpl-toio\d{23}[A-Za-z]{8}$/);
    expect((await ask('deepseek-chat')).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts attachments', async () => {
    const body = await complete({
      model: 'gemini-2.0-flash',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
            { type: 'audio_url', audio_url: { url: 'https://example.com/b.mp3' } },
          ],
        },
      ],
    });
    expect(body.choices[0].message.content).toContain('I received one image and one audio clip.');
  });

  it('emits reasoning for reasoning requests', async () => {
    const cases: Record<string, unknown>[] = [
      { model: 'o4-mini', reasoning_effort: 'low' },
      { model: 'qwen3-max', enable_thinking: true },
      {
        model: 'gemini-2.5-pro',
        extra_body: {
          google: { thinking_config: { thinking_budget: 1024, include_thoughts: true } },
        },
      },
      { model: 'deepseek-reasoner' },
      { model: 'glm-4.6', thinking: { type: 'enabled' } },
    ];
    for (const extra of cases) {
      const body = await complete({
        ...extra,
        messages: [{ role: 'user', content: 'Is 91 prime?' }],
      });
      expect(body.choices[0].message.reasoning_content, String(extra.model)).toMatch(
        /7 divides it: 7 × 13 = 91/,
      );
      expect(body.choices[0].message.content).toBe('No. 91 = 7 × 13, so it is not prime.');
      expect(body.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    }
    const plain = await complete({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Think' }],
    });
    expect(plain.choices[0].message.reasoning_content).toBeUndefined();
  });

  it('tool call ids follow each upstream: Kimi functions.<name>:<i>, Gemini call_<uuid>', async () => {
    const messages = [{ role: 'user', content: 'What is the weather in Lisbon for 3 days?' }];
    const kimi = await complete({ model: 'kimi-k2', messages, tools: [weatherTool] });
    expect(kimi.choices[0].message.tool_calls[0].id).toMatch(/^functions\.get_weather:\d+$/);
    const gemini = await complete({ model: 'gemini-2.5-flash', messages, tools: [weatherTool] });
    expect(gemini.choices[0].message.tool_calls[0].id).toMatch(/^call_[0-9a-f-]{36}$/);
  });

  it('calls tools with arguments from the prompt, then answers from tool results', async () => {
    const messages: Record<string, unknown>[] = [
      { role: 'user', content: 'What is the weather in Lisbon for 3 days?' },
    ];
    const first = await complete({ model: 'gpt-4o', messages, tools: [weatherTool, timeTool] });
    const choice = first.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toHaveLength(1);
    const call = choice.message.tool_calls[0];
    expect(call.id).toMatch(/^call_\d+$/);
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Lisbon', days: 3 });

    messages.push(choice.message, {
      role: 'tool',
      tool_call_id: call.id,
      content: '{"temp_c":21}',
    });
    const second = await complete({ model: 'gpt-4o', messages, tools: [weatherTool, timeTool] });
    expect(second.choices[0].finish_reason).toBe('stop');
    expect(second.choices[0].message.content).toBe('It is 21 °C.');
  });

  it('makes parallel calls and uses family tool-call id styles', async () => {
    const claude = await complete({
      model: 'claude-sonnet-4-5-20250929',
      messages: [{ role: 'user', content: 'Use get_weather and get_time for Paris' }],
      tools: [weatherTool, timeTool],
    });
    const calls = claude.choices[0].message.tool_calls;
    expect(calls.map((c: { function: { name: string } }) => c.function.name)).toEqual([
      'get_weather',
      'get_time',
    ]);
    expect(calls[0].id).toMatch(/^toolu_01/);
    expect(claude.choices[0].message.content).toBe('');

    const gemini = await complete({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Weather in Paris and Berlin in parallel please' }],
      tools: [weatherTool],
    });
    const gcalls = gemini.choices[0].message.tool_calls;
    expect(
      gcalls.map((c: { function: { arguments: string } }) => JSON.parse(c.function.arguments).city),
    ).toEqual(['Paris', 'Berlin']);
    expect(gcalls[0].id).toMatch(/^call_[0-9a-f-]{36}$/);
  });

  it('answers json_schema requests with JSON that validates', async () => {
    const schema = z.object({
      name: z.string(),
      age: z.number().int().min(0),
      tags: z.array(z.string()),
      kind: z.enum(['cat', 'dog']),
      address: z.object({ city: z.string(), zip: z.string().nullable() }),
      active: z.boolean(),
    });
    const body = await complete({
      model: 'gpt-4o',
      messages: [
        { role: 'user', content: 'Invent a dog owner named Alice aged 42 living in Rome' },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'p', strict: true, schema: z.toJSONSchema(schema) },
      },
    });
    const parsed = schema.parse(JSON.parse(body.choices[0].message.content));
    expect(parsed).toMatchObject({ name: 'Alice', age: 42, kind: 'dog' });
  });

  it('ignores response_format for Claude but follows a schema found in the prompt', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const ignored = await complete({
      model: 'claude-sonnet-4-5-20250929',
      messages: [{ role: 'user', content: 'Pick a city' }],
      response_format: { type: 'json_schema', json_schema: { name: 'c', schema } },
    });
    expect(() => JSON.parse(ignored.choices[0].message.content)).toThrow();
    const prompted = await complete({
      model: 'claude-sonnet-4-5-20250929',
      messages: [
        {
          role: 'system',
          content: `JSON schema:\n${JSON.stringify(schema)}\nYou MUST answer with a JSON object.`,
        },
        { role: 'user', content: 'Pick Madrid' },
      ],
    });
    expect(JSON.parse(prompted.choices[0].message.content)).toEqual({ city: 'Madrid' });
  });

  it('returns Gemini image models as a content array with a downloadable PNG', async () => {
    const body = await complete({
      model: 'gemini-2.5-flash-image',
      messages: [{ role: 'user', content: 'A cat' }],
    });
    const [text, image] = body.choices[0].message.content;
    expect(text).toEqual({ type: 'text', text: 'Here is your image' });
    expect(image.type).toBe('image_url');
    expect(image.image_url).toMatchObject({ detail: '', MimeType: 'image/png' });
    const png = await fetch(image.image_url.url); // no auth, like an S3 URL
    expect(png.status).toBe(200);
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('returns audio for audio models with modalities', async () => {
    const body = await complete({
      model: 'gpt-4o-audio-preview',
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'wav' },
      messages: [{ role: 'user', content: 'Say hi' }],
    });
    const message = body.choices[0].message;
    expect(message.content).toBeNull();
    expect(message.audio.transcript).toContain('Say hi');
    expect(Buffer.from(message.audio.data, 'base64').subarray(0, 4).toString()).toBe('RIFF');
  });

  it('stops with length when max_tokens is tiny', async () => {
    const body = await complete({
      model: 'gpt-4o',
      max_tokens: 2,
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.choices[0].message.content).toHaveLength(8);
  });
});
