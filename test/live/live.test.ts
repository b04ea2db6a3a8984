import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { embed, generateText, isStepCount, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// Opt-in: `MIXROUTER_API_KEY=sk-... npm run test:live`. Costs a few cents of tokens.
const key = process.env.MIXROUTER_API_KEY;
const live = describe.skipIf(!key);
const mixrouter = createMixRouter();

live('live MixRouter API', () => {
  it('generateText on a cheap model', async () => {
    const result = await generateText({
      model: mixrouter('gpt-4o-mini'),
      prompt: 'Reply with the word "pong".',
      maxOutputTokens: 20,
    });
    expect(result.text.toLowerCase()).toContain('pong');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });

  it('streamText with reasoning on DeepSeek', async () => {
    const result = streamText({
      model: mixrouter('deepseek-reasoner'),
      prompt: 'What is 17 * 23? Answer with the number.',
    });
    expect(await result.text).toContain('391');
    expect((await result.reasoningText)?.length ?? 0).toBeGreaterThan(0);
  });

  it('a tool loop on Claude', async () => {
    const result = await generateText({
      model: mixrouter('claude-sonnet-4-5-20250929'),
      prompt: 'Use the weather tool for Paris, then answer in one sentence.',
      tools: {
        weather: tool({
          inputSchema: z.object({ city: z.string() }),
          execute: async () => ({ temperatureC: 18 }),
        }),
      },
      stopWhen: isStepCount(3),
    });
    expect(result.steps.length).toBeGreaterThanOrEqual(2);
  });

  it('embeddings', async () => {
    const { embedding } = await embed({
      model: mixrouter.embedding('text-embedding-3-small'),
      value: 'hello',
    });
    expect(embedding.length).toBeGreaterThan(100);
  });
});
