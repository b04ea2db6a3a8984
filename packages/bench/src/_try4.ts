import { startServer } from './harness';
import { benchMemory, memoryScenarioKeys } from './memory-bench';
const server = await startServer(memoryScenarioKeys([20000, 80000], 500));
try {
  const r = await benchMemory(server.origin, [20000, 80000], 500, 1, console.log);
  for (const t of r.tasks) console.log(t.task.padEnd(30), t.cells.map((c) => `${c.deltas}: rss+${(c.rssGrowth.median/1e6).toFixed(1)}MB live+${(c.liveGrowth.median/1e6).toFixed(1)}MB end+${(c.endLiveGrowth.median/1e6).toFixed(1)}MB text ${c.textChars} ${c.problems}`).join(' | '));
} finally { server.stop(); }
