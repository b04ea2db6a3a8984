import { resolve } from 'node:path';
import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { start } from 'workflow/api';
import { filesContaining, findSecretInDirectory } from './scan-directory';
import { useEmulatorWithKey } from './use-emulator';
import { toolExecutions, weatherAgent, weatherAgentWithModel } from './workflows/weather-agent';

// A WorkflowAgent tool loop on the local world (in-process, files under .workflow-data),
// the model on the emulator. The key is set only in this process's environment, which
// is the steps' environment here.
const KEY = 'sk-durable-SECRET-3f9a61c0d7e2';
const DATA_DIR = resolve(import.meta.dirname, '..', '.workflow-data');
const PROMPT = 'Use the weather and calculator tools: how warm is it in Paris, and what is 18*2?';

const env = useEmulatorWithKey(KEY);
beforeEach(() => {
  env.emulator.requests.length = 0;
  for (const name of Object.keys(toolExecutions())) delete toolExecutions()[name];
});

const chatRequests = () => env.emulator.requests.filter((r) => r.path === '/v1/chat/completions');

async function expectToolLoop(result: Awaited<ReturnType<typeof weatherAgent>>, traceId: string) {
  // Two model calls: one asking for both tools, one answering from their results.
  expect(result.steps).toBe(2);
  expect(result.toolResults).toEqual(
    expect.arrayContaining([
      {
        toolName: 'weather',
        output: { city: expect.any(String), tempC: 18, condition: 'sunny' },
      },
      { toolName: 'calculator', output: { expression: expect.any(String), result: 36 } },
    ]),
  );
  expect(result.text).toMatch(/36/);
  expect(result.text).toMatch(/18/);

  // The workflow was replayed after every step, yet each tool ran once and the model
  // was called twice: recorded step results were reused, not recomputed.
  expect(toolExecutions()).toEqual({ weather: 1, calculator: 1 });
  const requests = chatRequests();
  expect(requests).toHaveLength(2);
  const second = requests[1]!.body as { messages: Array<{ role: string; content: unknown }> };
  const toolMessages = second.messages.filter((m) => m.role === 'tool');
  expect(toolMessages.map((m) => JSON.parse(String(m.content)))).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ tempC: 18 }),
      expect.objectContaining({ result: 36 }),
    ]),
  );
  for (const request of requests) {
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.headers['x-trace-id']).toBe(traceId);
  }

  // Nothing the world stored holds the key — though the model state is there, readable.
  expect(await filesContaining(DATA_DIR, '"mixrouter.chat"')).toBeGreaterThan(0);
  expect(await filesContaining(DATA_DIR, traceId)).toBeGreaterThan(0);
  const scan = await findSecretInDirectory(DATA_DIR, KEY.slice(3));
  expect(scan.files).toBeGreaterThan(0);
  expect(scan.hits).toEqual([]);
}

describe('WorkflowAgent on the MixRouter chat model', () => {
  it('runs a weather + calculator tool loop with the model created in the workflow', async () => {
    const run = await start(weatherAgent, [PROMPT, env.emulator.baseURL]);
    await expectToolLoop(await run.returnValue, 'durable-agent');
  });

  it('takes a model created outside with an explicit key as a workflow argument', async () => {
    const model = createMixRouter({
      apiKey: KEY,
      baseURL: env.emulator.baseURL,
      headers: { 'X-Trace-Id': 'passed-in' },
    }).chat('gpt-4o');
    const run = await start(weatherAgentWithModel, [model, PROMPT]);
    await expectToolLoop(await run.returnValue, 'passed-in');
  });
});
