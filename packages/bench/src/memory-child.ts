/**
 * Scenario 4, one process per implementation, length and mode: warm up on a short
 * stream, collect garbage, take the baseline, then stream the long response once —
 * mode `rss`: natural GC while sampling RSS and heap (peak RSS); mode `live`: forced GCs
 * at evenly spaced points of the stream (40 by default) to see what is retained (live heap). Prints one JSON line.
 *
 * Usage: node --expose-gc --import tsx src/memory-child.ts <origin> <task> <scenario> <warm-up scenario> <rss|live> [live samples]
 */
import { parseScenarioKey } from './fixtures';
import {
  createStreamRunner,
  PROVIDERS,
  type ProviderName,
  type Sink,
  type StreamTask,
} from './impls';

const [origin, taskName, key, warmKey, mode, samplesArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string | undefined,
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

const deltas = scenario.kind === 'text' ? scenario.deltas : 0;

/**
 * Mode rss: natural GC; RSS and heap sampled every 2 ms by a timer and every 250 deltas
 * from inside the consumer loop (sources that never yield to the event loop starve
 * timers).
 */
async function rssPhase() {
  gc!();
  gc!();
  const base = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const sampler = setInterval(sample, 2);
  let count = 0;
  const sink: Sink = {
    keepText: true,
    text: '',
    onDelta: () => {
      if (++count % 250 === 0) sample();
    },
  };
  const t0 = performance.now();
  const seen = await runner(sink);
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  sample();
  const maxRssAfter = process.resourceUsage().maxRSS * 1024;
  return {
    wallMs,
    textChars: sink.text.length,
    seenText: seen.text,
    baseRss: base.rss,
    baseHeap: base.heapUsed,
    peakRss: Math.max(peakRss, maxRssAfter > maxRssBefore ? maxRssAfter : 0),
    peakHeap,
    maxRss: maxRssAfter,
  };
}

/**
 * Mode live: [samples] times during the stream (from inside the consumer loop), a full GC and
 * the heap right after it — what is still reachable, garbage excluded — and once more
 * when the stream has ended, while the consumer still holds its text.
 */
async function livePhase() {
  gc!();
  gc!();
  const baseLive = process.memoryUsage().heapUsed;
  let peakLive = baseLive;
  const every = Math.max(1, Math.floor(deltas / Number(samplesArg ?? 40)));
  let count = 0;
  const sink: Sink = {
    keepText: true,
    text: '',
    onDelta: () => {
      if (++count % every !== 0) return;
      gc!();
      const live = process.memoryUsage().heapUsed;
      if (live > peakLive) peakLive = live;
    },
  };
  const seen = await runner(sink);
  gc!();
  const endLive = process.memoryUsage().heapUsed;
  return {
    baseLive,
    peakLive: Math.max(peakLive, endLive),
    endLive,
    textChars: sink.text.length,
    seenText: seen.text,
  };
}

// One phase per process: memory a call leaves behind for a while (a result that is
// released late) would otherwise distort the next phase's baseline.
const report = mode === 'live' ? await livePhase() : await rssPhase();
process.stdout.write(`${JSON.stringify({ task: taskName, scenario: key, mode, ...report })}\n`);
process.exit(0);
