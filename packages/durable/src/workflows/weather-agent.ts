import { WorkflowAgent } from '@ai-sdk/workflow';
import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { type LanguageModel, tool } from 'ai';
import { getWritable } from 'workflow';
import { z } from 'zod';

/** Executions per tool in this process: a replayed workflow must reuse recorded results. */
export function toolExecutions(): Record<string, number> {
  const g = globalThis as { __durableToolExecutions?: Record<string, number> };
  g.__durableToolExecutions ??= {};
  return g.__durableToolExecutions;
}

async function getWeather({ city }: { city: string }) {
  'use step';
  const counts = toolExecutions();
  counts.weather = (counts.weather ?? 0) + 1;
  return { city, tempC: 18, condition: 'sunny' };
}

async function calculate({ expression }: { expression: string }) {
  'use step';
  const counts = toolExecutions();
  counts.calculator = (counts.calculator ?? 0) + 1;
  // The test asks for 18*2; a real tool would parse the expression.
  return { expression, result: 36 };
}

async function runWeatherAgent(model: LanguageModel, prompt: string) {
  const agent = new WorkflowAgent({
    model,
    instructions: 'Answer with the tools.',
    tools: {
      weather: tool({
        description: 'Current weather for a city',
        inputSchema: z.object({ city: z.string() }),
        execute: getWeather,
      }),
      calculator: tool({
        description: 'Evaluates an arithmetic expression',
        inputSchema: z.object({ expression: z.string() }),
        execute: calculate,
      }),
    },
  });
  const result = await agent.stream({
    messages: [{ role: 'user', content: prompt }],
    writable: getWritable(),
  });
  return {
    steps: result.steps.length,
    text: result.steps.at(-1)?.text ?? '',
    toolResults: result.steps.flatMap((step) =>
      step.toolResults.map((r) => ({ toolName: r.toolName, output: r.output })),
    ),
  };
}

/** The usual shape: the workflow creates the model; the key comes from the step's environment. */
export async function weatherAgent(prompt: string, baseURL: string) {
  'use workflow';
  const mixrouter = createMixRouter({ baseURL, headers: { 'X-Trace-Id': 'durable-agent' } });
  return runWeatherAgent(mixrouter.chat('gpt-4o'), prompt);
}

/** The model is created outside (with an explicit key) and passed in as a workflow argument. */
export async function weatherAgentWithModel(model: LanguageModel, prompt: string) {
  'use workflow';
  return runWeatherAgent(model, prompt);
}
