import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWorkflowTests } from '@workflow/vitest';
import { createWorld } from '@workflow/world-local';
import { start } from 'workflow/api';
import { setWorld } from 'workflow/runtime';

/** This package's root: workflow ids are paths relative to it. */
export const DURABLE_ROOT = resolve(import.meta.dirname, '..');

/** Ids the workflow compiler gives the workflows in src/workflows. */
export const WORKFLOW_IDS = {
  weatherAgent: 'workflow//./src/workflows/weather-agent//weatherAgent',
  weatherAgentWithModel: 'workflow//./src/workflows/weather-agent//weatherAgentWithModel',
} as const;

/**
 * Compiles this package's workflows and steps (the same build `@workflow/vitest` does)
 * and serves them from a local world in this process — what a framework integration
 * (Next.js, Nitro, …) does for an app. The world's data goes to `dataDir`.
 */
export async function startLocalWorkflowRuntime({ dataDir }: { dataDir: string }) {
  // Under node_modules: the builder does not scan it for inputs, and the bundle still
  // resolves `workflow/runtime` from this package.
  const outDir = join(DURABLE_ROOT, 'node_modules', '.cache', 'mixrouter-durable-runtime');
  await buildWorkflowTests({ cwd: DURABLE_ROOT, outDir, dataDir });
  const world = createWorld({ dataDir });
  let handler: ((request: Request) => Promise<Response>) | undefined;
  world.registerHandler('__wkf_workflow_', async (request: Request) => {
    handler ??= (await import(pathToFileURL(join(outDir, 'combined.mjs')).href)).POST;
    return handler!(request);
  });
  await world.start?.();
  setWorld(world);
  return {
    /** Starts a run of a workflow in this package by id; resolves to its run id and return value. */
    async run(workflowId: string, args: unknown[]) {
      const run = await start({ workflowId }, args);
      return { runId: run.runId, returnValue: run.returnValue as Promise<unknown> };
    },
    async close() {
      setWorld(undefined);
      await world.close?.();
    },
  };
}
