import { createMixRouter, isMixRouterError } from '@mixrouter/ai-sdk-provider';
import { generateText, isStepCount, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useEmulator } from './use-emulator';

const env = useEmulator();
const weather = tool({
  description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperatureC: 19 }),
});
const requestsTo = (suffix: string) => env.emulator.requests.filter((r) => r.path.includes(suffix));

describe('Responses route', () => {
  it('provider(id) sends responses-only models to /responses and streams a reasoning summary', async () => {
    const model = env.mixrouter('gpt-5.1-codex');
    expect(model.provider).toBe('mixrouter.responses');
    const result = streamText({ model, prompt: 'Write a haiku about diffs', reasoning: 'medium' });
    const text = await result.text;
    expect(text.split('\n')).toHaveLength(3); // the emulator's haiku
    expect((await result.reasoningText)?.length).toBeGreaterThan(0);
    const [request] = requestsTo('/responses');
    expect(request!.headers.authorization).toBe(`Bearer ${env.emulator.apiKey}`);
    expect(request!.headers['user-agent']).toContain('ai-sdk-mixrouter/');
    expect(request!.body).toMatchObject({
      model: 'gpt-5.1-codex',
      stream: true,
      reasoning: { effort: 'medium', summary: 'auto' },
    });
  });

  it('runs a tool loop', async () => {
    const result = await generateText({
      model: env.mixrouter.responses('gpt-5.1-codex'),
      prompt: 'weather in Paris?',
      tools: { weather },
      stopWhen: isStepCount(3),
    });
    expect(result.steps.length).toBe(2);
    expect(result.text).toContain('19');
  });
});

describe('Claude Messages route', () => {
  it('replays the signed thinking block in a two-step tool loop', async () => {
    const result = await generateText({
      model: env.mixrouter.messages('claude-sonnet-4-5-20250929'),
      prompt: 'What is the weather in Paris?',
      tools: { weather },
      providerOptions: { mixrouter: { thinkingBudget: 2048 } },
      maxOutputTokens: 8000,
      stopWhen: isStepCount(3),
    });
    expect(result.steps.length).toBe(2);
    expect(result.steps[0]!.reasoningText?.length).toBeGreaterThan(0);
    const second = requestsTo('/messages')[1]!.body as {
      messages: Array<{ role: string; content: unknown[] }>;
      thinking: unknown;
    };
    const assistant = second.messages.find((m) => m.role === 'assistant')!;
    expect(assistant.content[0]).toMatchObject({
      type: 'thinking',
      signature: expect.stringMatching(/^sig-/),
    });
    expect(second.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
  });

  it('routing: { anthropic: "messages" } moves Claude models to the native route', () => {
    const routed = createMixRouter({
      apiKey: 'k',
      baseURL: env.emulator.baseURL,
      routing: { anthropic: 'messages', google: 'gemini' },
    });
    expect(routed('claude-opus-4-5-20251101').provider).toBe('mixrouter.messages');
    expect(routed('gemini-3-pro-preview').provider).toBe('mixrouter.gemini');
    expect(routed('gemini-2.5-flash-image').provider).toBe('mixrouter.chat');
    expect(routed('gpt-4o').provider).toBe('mixrouter.chat');
  });
});

describe('Gemini native route', () => {
  it('round-trips the thought signature of a Gemini 3 tool call', async () => {
    const result = await generateText({
      model: env.mixrouter.gemini('gemini-3-pro-preview'),
      prompt: 'What is the weather in Paris?',
      tools: { weather },
      reasoning: 'high',
      stopWhen: isStepCount(3),
    });
    expect(result.steps.length).toBe(2);
    expect(result.text).toContain('19');
    const [first, second] = requestsTo(':generateContent');
    expect(first!.headers.authorization).toBe(`Bearer ${env.emulator.apiKey}`);
    const { contents } = second!.body as {
      contents: Array<{
        role: string;
        parts: Array<{ functionCall?: unknown; thoughtSignature?: string }>;
      }>;
    };
    const modelTurn = contents.find((c) => c.role === 'model')!;
    const call = modelTurn.parts.find((p) => p.functionCall)!;
    expect(call.thoughtSignature).toMatch(/^sig-/);
  });
});

describe('errors on every route', () => {
  it.each([
    ['responses', () => env.mixrouter.responses('no-such-model')],
    ['messages', () => env.mixrouter.messages('claude-no-such-model')],
    ['gemini', () => env.mixrouter.gemini('gemini-no-such-model')],
  ])('%s: unknown model → MixRouterAPIError model-not-found', async (_route, model) => {
    const error = await generateText({ model: model(), prompt: 'x', maxRetries: 0 }).catch(
      (e) => e,
    );
    expect(isMixRouterError(error)).toBe(true);
    expect(error.kind).toBe('model-not-found');
    expect(error.message).toContain('no-such-model');
  });

  it('a missing key names MIXROUTER_API_KEY on native routes too', async () => {
    const saved = process.env.MIXROUTER_API_KEY;
    delete process.env.MIXROUTER_API_KEY;
    const keyless = createMixRouter({ baseURL: env.emulator.baseURL });
    const error = await generateText({
      model: keyless.messages('claude-sonnet-4-20250514'),
      prompt: 'x',
    }).catch((e) => e);
    if (saved !== undefined) process.env.MIXROUTER_API_KEY = saved;
    expect(String(error.message)).toContain('MIXROUTER_API_KEY');
  });
});

describe('listModels', () => {
  it('merges /models with the catalogue', async () => {
    const models = await env.mixrouter.listModels();
    const codex = models.find((m) => m.id === 'gpt-5.1-codex');
    expect(codex?.supportedEndpointTypes).toEqual(['openai-response']);
    expect(codex?.info.endpoint).toBe('responses');
    const claude = models.find((m) => m.id === 'claude-sonnet-4-5-20250929');
    expect(claude?.info.family).toBe('anthropic');
  });
});
