import { isStepCount, ToolLoopAgent, tool } from 'ai';
import { z } from 'zod';
import { type Example, formatUsage } from '../example-context';

const weather = tool({
  description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string().describe('City name') }),
  execute: async ({ city }) => ({ city, temperatureC: 18 + (city.length % 7), sky: 'clear' }),
});

const calculator = tool({
  description: 'Evaluate a + b, a - b, a * b or a / b',
  inputSchema: z.object({ a: z.number(), b: z.number(), op: z.enum(['+', '-', '*', '/']) }),
  execute: async ({ a, b, op }) => ({
    result: op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b,
  }),
});

export const toolAgent: Example = {
  description:
    'ToolLoopAgent with weather + calculator tools (parallel tool calls, then an answer)',
  async run({ provider, line }) {
    const agent = new ToolLoopAgent({
      model: provider('gpt-4o'),
      instructions: 'You are a helpful assistant. Use the tools when they help.',
      tools: { weather, calculator },
      stopWhen: isStepCount(5),
    });
    const result = await agent.generate({
      prompt:
        'Use both tools: what is the weather in Paris, and what is 12 * 7 with the calculator?',
    });
    for (const step of result.steps) {
      for (const call of step.toolCalls) line(`→ ${call.toolName}(${JSON.stringify(call.input)})`);
      for (const toolResult of step.toolResults)
        line(`← ${toolResult.toolName}: ${JSON.stringify(toolResult.output)}`);
    }
    line(result.text);
    line(`${result.steps.length} steps; ${formatUsage(result.totalUsage)}`);
  },
};
