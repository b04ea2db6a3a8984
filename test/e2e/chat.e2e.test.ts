import { createMixRouter, isMixRouterError } from '@mixrouter/ai-sdk-provider';
import {
  APICallError,
  generateText,
  isStepCount,
  Output,
  streamText,
  ToolLoopAgent,
  tool,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useEmulator } from './use-emulator';

// The whole path: real `ai@7` → the built package → HTTP → the MixRouter emulator.
const env = useEmulator();
const chatRequests = () =>
  env.emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
// The chat completions body as the emulator recorded it (parsed JSON).
type ChatMessage = { role: string; content?: unknown; [field: string]: unknown };
type ChatBody = { messages: ChatMessage[]; [field: string]: unknown };
const body = (i: number) => chatRequests()[i]!.body as ChatBody;

const weather = tool({
  description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperatureC: 21 }),
});

describe('generateText / streamText', () => {
  it('generateText returns the text, usage and upstream model, with our user agent', async () => {
    const result = await generateText({
      model: env.mixrouter('gpt-4o-mini'),
      prompt: 'Hello there',
    });
    expect(result.text).toBe('Hello! Nice to meet you — how can I help today?');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.response.modelId).toBe('gpt-4o-mini');
    const request = chatRequests()[0]!;
    expect(request.headers.authorization).toBe(`Bearer ${env.emulator.apiKey}`);
    expect(request.headers['user-agent']).toMatch(/ai\/7\.\S+ ai-sdk-mixrouter\/\d/);
  });

  it('streamText streams reasoning before text and reports usage', async () => {
    const result = streamText({ model: env.mixrouter('deepseek-reasoner'), prompt: 'Sum 1..100?' });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types.indexOf('reasoning-start')).toBeLessThan(types.indexOf('text-start'));
    expect(await result.text).toMatch(/^The sum 1 \+ 2 \+ … \+ 100 is 5050\./);
    expect(await result.reasoningText).toMatch(/100 × 101 \/ 2 = 5050/);
    expect((await result.usage).outputTokenDetails.reasoningTokens).toBeGreaterThan(0);
    expect(body(0)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('Output.object returns schema-valid JSON (json_schema on OpenAI, prompt on Claude)', async () => {
    const schema = z.object({ city: z.string(), population: z.number() });
    for (const id of ['gpt-4o', 'claude-sonnet-4-5-20250929']) {
      const result = await generateText({
        model: env.mixrouter(id),
        prompt: 'Largest city in France as json',
        output: Output.object({ schema }),
      });
      expect(schema.safeParse(result.output).success).toBe(true);
    }
    expect(body(0).response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'response', strict: false },
    });
    expect(body(1).response_format).toBeUndefined();
    expect(body(1).messages[0]).toMatchObject({ role: 'system' });
    expect(body(1).messages[0].content).toContain('JSON schema');
  });
});

describe('tool loops', () => {
  it('generateText runs a two-step tool loop', async () => {
    const result = await generateText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: { weather },
      stopWhen: isStepCount(3),
    });
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]!.toolCalls[0]).toMatchObject({
      toolName: 'weather',
      input: { city: 'Paris' },
    });
    expect(result.text).toBe('In Paris it is 21 °C.');
    const second = body(1).messages;
    expect(second.at(-2)).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [{ type: 'function', function: { name: 'weather' } }],
    });
    expect(second.at(-1)).toMatchObject({
      role: 'tool',
      content: '{"city":"Paris","temperatureC":21}',
    });
  });

  it('ToolLoopAgent streams parallel tool calls and the final answer', async () => {
    const calculator = tool({
      description: 'calculate a * b',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      execute: async ({ a, b }) => ({ product: a * b }),
    });
    const agent = new ToolLoopAgent({
      model: env.mixrouter('gpt-4o'),
      tools: { weather, calculator },
    });
    const result = await agent.stream({
      prompt: 'Use both tools: weather in Rome, and the calculator for 6 * 7',
    });
    const calls: string[] = [];
    for await (const part of result.fullStream)
      if (part.type === 'tool-call') calls.push(part.toolName);
    expect(calls.sort()).toEqual(['calculator', 'weather']);
    // The final answer uses both tool results.
    expect(await result.text).toBe('In Rome it is 21 °C, and 6 × 7 = 42.');
  });

  it.each([
    ['deepseek-reasoner', true],
    ['kimi-k2-thinking', true],
    ['glm-4.6', true],
    ['gpt-5', false],
    ['gemini-2.5-flash', false],
  ])('%s: the second tool-loop request carries reasoning_content = %s', async (id, expected) => {
    await expectReasoningReplay(id, expected);
  });

  // Issue 12 §2.11: chat completions cannot replay Claude's signed thinking block, which
  // Anthropic (and so the strict emulator) requires when thinking continues a tool-use
  // turn; step 2 therefore goes without thinking, and says so.
  it('claude-sonnet-4-5-20250929: the thinking tool loop is accepted upstream', async () => {
    const result = await expectReasoningReplay('claude-sonnet-4-5-20250929', false);
    expect(body(1)).not.toHaveProperty('thinking');
    expect(result.steps[1]!.warnings).toContainEqual(
      expect.objectContaining({ type: 'compatibility', feature: 'reasoning' }),
    );
  });
});

async function expectReasoningReplay(id: string, expected: boolean) {
  const result = await generateText({
    model: env.mixrouter(id),
    prompt: 'What is the weather in Paris?',
    tools: { weather },
    reasoning: 'medium',
    stopWhen: isStepCount(3),
  });
  expect(result.steps.length).toBe(2);
  expect(result.steps[0]!.reasoningText?.length ?? 0).toBeGreaterThan(0);
  const assistant = body(1).messages.find((m) => m.role === 'assistant');
  expect(assistant).toBeDefined();
  expect('reasoning_content' in assistant!).toBe(expected);
  return result;
}

describe('multimodal input', () => {
  it('sends an image URL, an audio file and a PDF in the shapes the gateway takes', async () => {
    const wav = new Uint8Array([82, 73, 70, 70, 36, 0, 0, 0, 87, 65, 86, 69, 102, 109, 116, 32]);
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const result = await generateText({
      model: env.mixrouter('gemini-2.5-flash'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe these.' },
            { type: 'file', data: new URL('https://example.com/cat.jpg'), mediaType: 'image/jpeg' },
            { type: 'file', data: wav, mediaType: 'audio/wav' },
            { type: 'file', data: pdf, mediaType: 'application/pdf', filename: 'a.pdf' },
          ],
        },
      ],
    });
    expect(result.text).toMatch(/^I received one image, /);
    expect(body(0).messages[0].content).toEqual([
      { type: 'text', text: 'Describe these.' },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
      {
        type: 'input_audio',
        input_audio: { data: Buffer.from(wav).toString('base64'), format: 'wav' },
      },
      {
        type: 'file',
        file: {
          filename: 'a.pdf',
          file_data: `data:application/pdf;base64,${Buffer.from(pdf).toString('base64')}`,
        },
      },
    ]);
  });
});

describe('faults', () => {
  it('retries a 429 and succeeds', async () => {
    const result = await generateText({
      model: env.mixrouter('gpt-4o-mini'),
      prompt: 'retry me',
      headers: {
        'x-emulator-fault': '429',
        'x-emulator-fail-times': '1',
        'x-emulator-fault-key': 'e2e-429',
      },
    });
    expect(result.text).toContain('retry me');
    expect(chatRequests()).toHaveLength(2);
  });

  it('does not retry a 500 invalid_request and explains it', async () => {
    const error = await generateText({
      model: env.mixrouter('gpt-4o-mini'),
      prompt: 'bad',
      headers: { 'x-emulator-fault': '500-invalid' },
    }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(isMixRouterError(error) && error.kind).toBe('invalid-request');
    expect(error.isRetryable).toBe(false);
    expect(chatRequests()).toHaveLength(1);
  });

  it('names the model on model_not_found and a bad key on 401', async () => {
    const notFound = await generateText({
      model: env.mixrouter('no-such-model'),
      prompt: 'x',
      maxRetries: 0,
    }).catch((e) => e);
    expect(isMixRouterError(notFound) && notFound.kind).toBe('model-not-found');
    expect(notFound.message).toContain('no-such-model');
    expect(notFound.message).toMatch(/request id/);

    const badKey = createMixRouter({ apiKey: 'sk-wrong', baseURL: env.emulator.baseURL });
    const unauthorized = await generateText({ model: badKey('gpt-4o'), prompt: 'x' }).catch(
      (e) => e,
    );
    expect(isMixRouterError(unauthorized) && unauthorized.kind).toBe('authentication');
    expect(unauthorized.message).not.toContain('sk-wrong');
  });

  it('keeps the partial answer of a truncated stream and finishes as interrupted', async () => {
    const result = streamText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'a long answer please',
      headers: { 'x-emulator-fault': 'stream-truncate' },
    });
    const text = await result.text;
    expect(text.length).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('interrupted');
  });

  it('turns a mid-stream error chunk into an error part and finish "error"', async () => {
    const errors: unknown[] = [];
    const result = streamText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'stream then fail',
      headers: { 'x-emulator-fault': 'stream-error' },
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types).toContain('error');
    expect(types.at(-1)).toBe('finish');
    expect(await result.finishReason).toBe('error');
    expect(String((errors[0] as Error).message)).toContain('upstream overloaded');
  });

  it('survives a dropped connection with an error part and the partial text', async () => {
    const result = streamText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'drop the socket',
      headers: { 'x-emulator-fault': 'stream-drop' },
      onError: () => {},
    });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);
    expect(types).toContain('error');
    expect(types.at(-1)).toBe('finish');
    expect((await result.text).length).toBeGreaterThan(0);
  });

  it('aborts promptly', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const promise = generateText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'slow',
      abortSignal: controller.signal,
      headers: { 'x-emulator-delay-ms': '5000' },
    });
    setTimeout(() => controller.abort(), 50);
    await expect(promise).rejects.toThrow(/abort/i);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
