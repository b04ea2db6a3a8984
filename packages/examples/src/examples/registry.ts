import { createProviderRegistry, generateText } from 'ai';
import type { Example } from '../example-context';

export const registry: Example = {
  description: 'createProviderRegistry with "mixrouter:<model>" strings',
  async run({ provider, line }) {
    const registry = createProviderRegistry({ mixrouter: provider });
    const { text } = await generateText({
      model: registry.languageModel('mixrouter:gpt-4o'),
      prompt: 'Hello from a registry.',
    });
    line(text);
  },
};
