/**
 * Scenario 4, one measurement per process: warm up on a short stream, collect garbage,
 * take the baseline, then stream the long response once while sampling RSS and heap
 * every 2 ms (mode `rss`), or force a full GC every 40 ms and sample the live heap after
 * it (mode `live`: what is still reachable, garbage excluded). Prints one JSON line.
 *
 * Usage: node --expose-gc --import tsx src/memory-child.ts <origin> <task> <scenario> <warm-up scenario> <rss|live>
 */
import { parseScenarioKey } from './fixtures';
import { createStreamRunner, PROVIDERS, type ProviderName, type StreamTask } from './impls';

const [origin, taskName, key, warmKey, mode] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];

function parseTask(name: string): StreamTask {
  if (name === 'floor' || name === 'core') return { kind: name };
  const [provider, kind] = name.split(':') as [ProviderName, 'streamText' | 'doStream'];
  if (!PROVIDERS.some((p) => p.name === provider)) throw new Error(`unknown provider ${provider}`);
  return { kind, provider };
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const task = parseTask(taskName);
const scenario = parseScenarioKey(key)!;
const warm = parseScenarioKey(warmKey)!;

const warmRunner = createStreamRunner(task, warm, `${origin}/s/${warmKey}/v1`);
for (let i = 0; i < 3; i++) await warmRunner({ keepText: true, text: '' });
const runner = createStreamRunner(task, scenario, `${origin}/s/${key}/v1`);

gc();
gc();
const base = process.memoryUsage();
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
let peakRss = base.rss;
let peakHeap = base.heapUsed;
let peakLive = base.heapUsed;
const sampler = setInterval(
  () => {
    if (mode === 'live') {
      gc();
      const live = process.memoryUsage().heapUsed;
      if (live > peakLive) peakLive = live;
      return;
    }
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  },
  mode === 'live' ? 40 : 2,
);

const sink = { keepText: true, text: '' };
const t0 = performance.now();
const seen = await runner(sink);
const wallMs = performance.now() - t0;
clearInterval(sampler);
const end = process.memoryUsage();
peakRss = Math.max(peakRss, end.rss);
peakHeap = Math.max(peakHeap, end.heapUsed);
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
// Still reachable at the end (the kept text included), before anything is released.
gc();
const endLive = process.memoryUsage().heapUsed;
peakLive = Math.max(peakLive, endLive);

process.stdout.write(
  `${JSON.stringify({
    task: taskName,
    scenario: key,
    wallMs,
    textChars: sink.text.length,
    seenText: seen.text,
    baseRss: base.rss,
    baseHeap: base.heapUsed,
    peakRss: Math.max(peakRss, maxRssAfter > maxRssBefore ? maxRssAfter : 0),
    peakHeap,
    peakLive,
    endLive,
    maxRss: maxRssAfter,
  })}\n`,
);
process.exit(0);
