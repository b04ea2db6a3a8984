import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSecretInDirectory, startLocalWorkflowRuntime, WORKFLOW_IDS } from '@mixrouter/durable';
import { startEmulator } from '@mixrouter/emulator';
import type { Example } from '../example-context';

const PROMPT = 'Use the weather and calculator tools: how warm is it in Paris, and what is 18*2?';

export const durableAgent: Example = {
  description: 'WorkflowAgent tool loop on Workflow DevKit (local world); no key in its event log',
  async run({ line, live }) {
    // Workflow steps read the key from their environment (it is never serialised). On the
    // emulator this example starts its own, so it can put that emulator's key there.
    const emulator = live ? undefined : await startEmulator();
    if (emulator) process.env.MIXROUTER_API_KEY = emulator.apiKey;
    const key = process.env.MIXROUTER_API_KEY!;
    // Imported here, not at the top: `--list` loads every example module without a build.
    const { MIXROUTER_DEFAULT_BASE_URL } = await import('@mixrouter/ai-sdk-provider');
    const baseURL =
      emulator?.baseURL ?? process.env.MIXROUTER_BASE_URL ?? MIXROUTER_DEFAULT_BASE_URL;
    const dataDir = await mkdtemp(join(tmpdir(), 'mixrouter-durable-agent-'));
    const runtime = await startLocalWorkflowRuntime({ dataDir });
    try {
      line('Compiled the workflow; starting a WorkflowAgent run on the local world…');
      // The workflow creates the model (packages/durable/src/workflows/weather-agent.ts);
      // WorkflowAgent hands it to every model step, so it is serialised into the log.
      const run = await runtime.run(WORKFLOW_IDS.weatherAgent, [PROMPT, baseURL]);
      const result = (await run.returnValue) as {
        steps: number;
        text: string;
        toolResults: Array<{ toolName: string; output: unknown }>;
      };
      line(`run ${run.runId}: ${result.steps} model steps`);
      for (const { toolName, output } of result.toolResults)
        line(`  tool ${toolName} (a durable step) → ${JSON.stringify(output)}`);
      line(`answer: ${result.text}`);
      const scan = await findSecretInDirectory(dataDir, key);
      line(
        `the world stored ${scan.files} files; the API key appears in ${scan.hits.length} of them`,
      );
      if (scan.hits.length > 0) throw new Error(`API key found in ${scan.hits.join(', ')}`);
      line(`(the world's files are in ${dataDir})`);
    } finally {
      await runtime.close();
      await emulator?.close();
      if (emulator) delete process.env.MIXROUTER_API_KEY;
    }
  },
};
