import { generateText } from 'ai';
import { dim, type Example } from '../example-context';

const MODELS = [
  'gpt-5',
  'claude-sonnet-4-5-20250929',
  'gemini-2.5-flash',
  'qwen3-max',
  'deepseek-chat',
  'kimi-k2-thinking',
];

export const reasoning: Example = {
  description: 'The same `reasoning` level on several families side by side',
  async run({ provider, line }) {
    for (const id of MODELS) {
      const result = await generateText({
        model: provider(id),
        prompt: 'Is 221 prime? Answer briefly.',
        reasoning: 'low',
      });
      line(`── ${id}`);
      if (result.reasoningText)
        line(dim(`   thinking: ${result.reasoningText.slice(0, 160).replace(/\s+/g, ' ')}`));
      line(`   answer:   ${result.text.slice(0, 160)}`);
      const reasoningTokens = result.usage.outputTokenDetails.reasoningTokens;
      if (reasoningTokens) line(`   reasoning tokens: ${reasoningTokens}`);
    }
  },
};
