import { generateText, Output } from 'ai';
import { z } from 'zod';
import type { Example } from '../example-context';

const recipe = z.object({
  name: z.string(),
  servings: z.number(),
  ingredients: z.array(z.object({ item: z.string(), grams: z.number() })),
});

export const structuredOutput: Example = {
  description: 'Output.object on an OpenAI model and on Claude (schema via the prompt)',
  async run({ provider, line }) {
    for (const id of ['gpt-4o-mini', 'claude-sonnet-4-5-20250929']) {
      const result = await generateText({
        model: provider(id),
        output: Output.object({ schema: recipe }),
        prompt: 'A simple pancake recipe.',
      });
      line(`${id}: ${JSON.stringify(result.output)}`);
    }
  },
};
