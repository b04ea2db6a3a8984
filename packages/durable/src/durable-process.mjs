// One process of a durable app on the local world, as a server process would be in
// production: it owns no state of its own, everything is in the world's data directory.
//   node durable-process.mjs start <workflowId> <args as JSON>   starts a run, reports when it sleeps
//   node durable-process.mjs resume <runId>                      recovers pending runs, waits for this one
// Environment: WORKFLOW_LOCAL_DATA_DIR (the world), WORKFLOW_BUNDLE (the built combined.mjs),
// MIXROUTER_API_KEY (read by the steps).
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { createWorld } from '@workflow/world-local';
import { getRun, start } from 'workflow/api';
import { setWorld } from 'workflow/runtime';

const [mode, target, argsJson] = process.argv.slice(2);
const report = (value) => process.stdout.write(`${JSON.stringify({ report: value })}\n`);

const world = createWorld({
  dataDir: process.env.WORKFLOW_LOCAL_DATA_DIR,
  // A new process picks up the runs a dead one left behind.
  recoverActiveRuns: mode === 'resume',
});
let handler;
world.registerHandler('__wkf_workflow_', async (request) => {
  handler ??= (await import(pathToFileURL(process.env.WORKFLOW_BUNDLE).href)).POST;
  return handler(request);
});
await world.start?.();
setWorld(world);

if (mode === 'start') {
  const run = await start({ workflowId: target }, JSON.parse(argsJson));
  report({ runId: run.runId });
  for (;;) {
    const events = await world.events.list({
      runId: run.runId,
      pagination: { limit: 1000 },
      resolveData: 'none',
    });
    if (events.data.some((event) => event.eventType === 'wait_created')) break;
    await delay(25);
  }
  report({ sleeping: true });
  // Stay alive (mid-sleep) until the parent kills this process.
  setInterval(() => {}, 60_000);
} else if (mode === 'resume') {
  const value = await getRun(target).returnValue;
  report({ done: value });
  await world.close?.();
  process.exit(0);
} else {
  throw new Error(`unknown mode ${mode}`);
}
