import { generateText } from 'ai';
import type { Example } from '../example-context';

export const modelSwap: Example = {
  description: 'The same call on models from six vendors, swapped by string',
  async run({ provider, line }) {
    for (const id of [
      'gpt-4o-mini',
      'claude-sonnet-4-5-20250929',
      'gemini-2.0-flash',
      'qwen-plus',
      'glm-4.6',
      'grok-4',
    ]) {
      const { text, response } = await generateText({
        model: provider(id),
        prompt: 'Say hello in one short sentence.',
      });
      line(`${id.padEnd(28)} (${response.modelId}) ${text}`);
    }
  },
};
