import { streamText } from 'ai';
import { dim, type Example, formatUsage } from '../example-context';

export const streaming: Example = {
  description: 'streamText: tokens as they arrive, reasoning shown apart (the main example)',
  async run({ provider, write, line }) {
    const result = streamText({
      model: provider('deepseek-reasoner'),
      prompt: 'What is the sum of 1..100? Explain briefly.',
    });
    let section: 'reasoning' | 'text' | undefined;
    for await (const part of result.fullStream) {
      if (part.type === 'reasoning-delta') {
        if (section !== 'reasoning') write(dim('\n[thinking] '));
        section = 'reasoning';
        write(dim(part.text));
      } else if (part.type === 'text-delta') {
        if (section !== 'text') write('\n[answer] ');
        section = 'text';
        write(part.text);
      } else if (part.type === 'error') {
        line(`\n[error] ${String(part.error)}`);
      }
    }
    line();
    line(`finish: ${await result.finishReason}; ${formatUsage(await result.usage)}`);
  },
};
