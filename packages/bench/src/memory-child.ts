/**
 * Scenario 4, one process per implementation and length: warm up on a short stream,
 * collect garbage, take the baseline, then stream the long response twice — first with
 * natural GC while sampling RSS and heap (peak RSS), then with forced GCs to see what is
 * retained (live heap). Prints one JSON line.
 *
 * Usage: node --expose-gc --import tsx src/memory-child.ts <origin> <task> <scenario> <warm-up scenario>
 */
import { parseScenarioKey } from './fixtures';
import { createStreamRunner, PROVIDERS, type ProviderName, type StreamTask } from './impls';

const [origin, taskName, key, warmKey] = process.argv.slice(2) as [string, string, string, string];

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

type Sink = { keepText: boolean; text: string };

/** Phase 1: natural GC, RSS and heap sampled every 2 ms. */
async function rssPhase() {
  gc!();
  gc!();
  const base = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  }, 2);
  const sink: Sink = { keepText: true, text: '' };
  const t0 = performance.now();
  const seen = await runner(sink);
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  const end = process.memoryUsage();
  const maxRssAfter = process.resourceUsage().maxRSS * 1024;
  return {
    wallMs,
    textChars: sink.text.length,
    seenText: seen.text,
    baseRss: base.rss,
    baseHeap: base.heapUsed,
    peakRss: Math.max(peakRss, end.rss, maxRssAfter > maxRssBefore ? maxRssAfter : 0),
    peakHeap: Math.max(peakHeap, end.heapUsed),
    maxRss: maxRssAfter,
  };
}

/**
 * Phase 2: a full GC every 40 ms and the heap sampled right after it — what is still
 * reachable, garbage excluded — and once more when the stream has ended, while the
 * consumer still holds its text.
 */
async function livePhase() {
  gc!();
  gc!();
  const baseLive = process.memoryUsage().heapUsed;
  let peakLive = baseLive;
  const sampler = setInterval(() => {
    gc!();
    const live = process.memoryUsage().heapUsed;
    if (live > peakLive) peakLive = live;
  }, 40);
  const sink: Sink = { keepText: true, text: '' };
  await runner(sink);
  clearInterval(sampler);
  gc!();
  const endLive = process.memoryUsage().heapUsed;
  const textChars = sink.text.length;
  return { baseLive, peakLive: Math.max(peakLive, endLive), endLive, textChars };
}

const rss = await rssPhase();
const live = await livePhase();
process.stdout.write(`${JSON.stringify({ task: taskName, scenario: key, ...rss, ...live })}\n`);
process.exit(0);
