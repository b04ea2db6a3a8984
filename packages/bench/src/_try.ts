import { startServer } from './harness';
import { benchStream, benchRequest } from './runtime-bench';
const server = await startServer(['text-20000', 'mixed-2000-8x500']);
try {
  for (const s of [{ kind: 'text', deltas: 20000 } as const, { kind: 'mixed', reasoningDeltas: 2000, toolCalls: 8, fragmentsPerCall: 500 } as const]) {
    const r = await benchStream(s, server.origin, { warmup: 1, measured: 2 }, console.log);
    for (const t of r.tasks) console.log(t.task.padEnd(30), t.wall.median.toFixed(0), t.cpu.median.toFixed(0), t.problems.join('; '));
  }
  const rq = await benchRequest({ messages: 200, tools: 10, images: 4, imageBytes: 100_000 }, server.origin, { warmup: 2, measured: 5 }, console.log);
  for (const t of rq.tasks) console.log(t.task.padEnd(30), t.wall.median.toFixed(1), t.cpu.median.toFixed(1), t.extra, t.problems.join('; '));
  console.log(JSON.stringify(await server.stats(), null, 1));
} finally { server.stop(); }
