import { isMixRouterError } from '@mixrouter/ai-sdk-provider';
import { generateText, isStepCount, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useEmulator } from './use-emulator';

// Reading answers without loss (issues 12 and 13): real `ai@7` → the built package → HTTP
// → the emulator, which writes the gateway's odd stream shapes when asked by a fault.
const env = useEmulator();
const chatRequests = () =>
  env.emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
const fault = (name: string) => ({ 'x-emulator-fault': name });

describe('SSE framing (WHATWG event-stream rules)', () => {
  it.each(['sse-cr', 'sse-crlf', 'sse-multiline-data'])(
    '%s: the same text, reasoning and usage as plain LF framing',
    async (name) => {
      const run = async (headers?: Record<string, string>) => {
        const result = streamText({
          model: env.mixrouter('deepseek-reasoner'),
          prompt: 'Sum 1..100?',
          headers,
        });
        return {
          text: await result.text,
          reasoning: await result.reasoningText,
          finish: await result.finishReason,
          usage: (await result.usage).outputTokens,
        };
      };
      const plain = await run();
      expect(plain.text.length).toBeGreaterThan(0);
      expect(await run(fault(name))).toEqual(plain);
    },
  );

  it('an HTML page sent with status 200 ends the stream with a clear error', async () => {
    const errors: unknown[] = [];
    const result = streamText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'hi',
      headers: fault('html-200'),
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await result.consumeStream();
    expect(await result.finishReason).toBe('error');
    expect(String((errors[0] as Error).message)).toMatch(/not an event stream.*Just a moment/);
  });
});

describe('tool calls cut off or reported oddly', () => {
  it('finish_reason "length" in the middle of a tool call: length, and the tool never runs', async () => {
    let executed = 0;
    const weather = tool({
      description: 'Current weather for a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        executed++;
        return { city };
      },
    });
    const result = streamText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: { weather },
      stopWhen: isStepCount(3),
      headers: fault('stream-length-mid-tool'),
    });
    await result.consumeStream();
    expect(await result.finishReason).toBe('length');
    expect(await result.toolCalls).toEqual([]);
    expect(executed).toBe(0);
    expect(chatRequests()).toHaveLength(1);
    const incomplete = (await result.providerMetadata)?.mixrouter?.incompleteToolCalls as
      | Array<{ toolName: string; input: string }>
      | undefined;
    expect(incomplete?.map((c) => c.toolName)).toEqual(['weather']);
    expect(incomplete?.[0]?.input.length).toBeGreaterThan(0);
  });

  it('Claude parallel calls all at index 0 (older gateway builds): every call keeps its arguments', async () => {
    const cities: string[] = [];
    const weather = tool({
      description: 'Current weather for a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        cities.push(city);
        return { city, temperatureC: 21 };
      },
    });
    const result = streamText({
      model: env.mixrouter('claude-sonnet-4-5-20250929'),
      prompt: 'Weather in Paris and Berlin, in parallel',
      tools: { weather },
      stopWhen: isStepCount(2),
      headers: fault('stream-same-index'),
    });
    await result.consumeStream();
    expect(cities.sort()).toEqual(['Berlin', 'Paris']);
  });
});

describe('metadata, usage and retries', () => {
  it('Azure-style empty first chunk: the response id and model come from the first real chunk', async () => {
    const result = streamText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'hi',
      headers: fault('stream-azure-first-chunk'),
    });
    await result.consumeStream();
    const response = await result.response;
    expect(response.id).toMatch(/^chatcmpl-/);
    expect(response.modelId).toBe('gpt-4o');
    expect(response.timestamp.getTime()).toBeGreaterThan(0);
  });

  it('xAI relayed unchanged (completion_tokens without reasoning): output tokens still include the reasoning', async () => {
    const usage = async (headers?: Record<string, string>) =>
      (
        await generateText({
          model: env.mixrouter('grok-4'),
          prompt: 'Why is the sky blue?',
          headers,
        })
      ).usage;
    const rewritten = await usage(); // new-api's xAI channel: completion = total − prompt
    const raw = await usage(fault('xai-raw-usage')); // 290 reasoning tokens left out of completion
    expect(raw.outputTokenDetails.reasoningTokens).toBe(290);
    expect(raw.outputTokenDetails.textTokens).toBe(rewritten.outputTokens);
    expect(raw.outputTokens).toBe((rewritten.outputTokens ?? 0) + 290);
  });

  it('a 500 sensitive_words_detected is not retried', async () => {
    const error = await generateText({
      model: env.mixrouter('gpt-4o'),
      prompt: 'x',
      maxRetries: 2,
      headers: fault('500-sensitive'),
    }).catch((e: unknown) => e);
    expect(isMixRouterError(error) && error.code).toBe('sensitive_words_detected');
    expect(isMixRouterError(error) && error.isRetryable).toBe(false);
    expect(chatRequests()).toHaveLength(1);
  });
});

describe('inline <think> tags', () => {
  it('stay text on a family the catalogue does not flag, and are split when the user asks', async () => {
    // The emulator writes the reasoning inline (new-api "thinking_to_content").
    const headers = { 'x-emulator-think-tags': '1' };
    const plain = streamText({ model: env.mixrouter('deepseek-reasoner'), prompt: 'hi', headers });
    expect(await plain.text).toContain('<think>');
    expect(await plain.reasoningText).toBeUndefined();
    const asked = await generateText({
      model: env.mixrouter('deepseek-reasoner'),
      prompt: 'hi',
      headers,
      providerOptions: { mixrouter: { extractReasoningTags: true } },
    });
    expect(asked.text).not.toContain('<think>');
    expect(asked.reasoningText?.length).toBeGreaterThan(0);
  });
});
