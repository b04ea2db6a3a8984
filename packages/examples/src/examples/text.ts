import { generateText } from 'ai';
import { type Example, formatUsage } from '../example-context';

export const text: Example = {
  description: 'generateText: one answer from one model',
  async run({ provider, line }) {
    const result = await generateText({
      model: provider('gpt-4o-mini'),
      prompt: 'In one sentence: why is the sky blue?',
    });
    line(result.text);
    line(formatUsage(result.usage));
  },
};
