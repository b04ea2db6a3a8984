/** Scenario 4: peak RSS / heap growth while streaming, each measurement in a fresh process. */
import { spawn } from 'node:child_process';
import { BENCH_DIR, childEnv, rotate, type Summary, summarize } from './harness';
import { streamTaskName, streamTasks } from './impls';

export type MemoryMode = 'rss' | 'live';
type Mode = MemoryMode;

type ChildReport = {
  task: string;
  scenario: string;
  mode: Mode;
  textChars: number;
  seenText: number;
  // mode rss
  baseRss?: number;
  baseHeap?: number;
  peakRss?: number;
  peakHeap?: number;
  // mode live
  baseLive?: number;
  peakLive?: number;
  endLive?: number;
};

export type MemoryCell = {
  deltas: number;
  textChars: number;
  /** Mode rss: peak RSS − RSS at the baseline (after warm-up and GC). */
  rssGrowth: Summary;
  /** Mode rss: peak heapUsed − baseline (garbage included). */
  heapGrowth: Summary;
  peakRss: Summary;
  /** Mode live: peak heap after forced full GCs − baseline (reachable memory only). */
  liveGrowth: Summary;
  /** Mode live: reachable heap at the end (before anything is released) − baseline. */
  endLiveGrowth: Summary;
  problems: string[];
};

export type MemoryResult = { sizes: number[]; tasks: Array<{ task: string; cells: MemoryCell[] }> };

function runChild(
  origin: string,
  task: string,
  key: string,
  warmKey: string,
  mode: Mode,
  liveSamples: number,
): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        'src/memory-child.ts',
        origin,
        task,
        key,
        warmKey,
        mode,
        String(liveSamples),
      ],
      { cwd: BENCH_DIR, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`memory child ${task} ${key} failed (${code}): ${err}`));
      else resolve(JSON.parse(line));
    });
  });
}

export function memoryScenarioKeys(sizes: number[], warmDeltas: number): string[] {
  return [...sizes.map((n) => `text-${n}`), `text-${warmDeltas}`];
}

/** Runs `jobs` with at most `concurrency` at a time. */
async function runPool(jobs: Array<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

export async function benchMemory(
  origin: string,
  sizes: number[],
  warmDeltas: number,
  repeats: number,
  concurrency: number,
  modes: readonly MemoryMode[],
  liveSamples: number,
  log: (line: string) => void,
): Promise<MemoryResult> {
  const tasks = streamTasks().map(streamTaskName);
  const reports = new Map<string, ChildReport[]>();
  const problems = new Map<string, Set<string>>();
  const cellKey = (task: string, n: number, mode: Mode) => `${task}|${n}|${mode}`;
  let round = 0;
  for (let rep = 0; rep < repeats; rep++) {
    for (const n of sizes) {
      const started = performance.now();
      const jobs: Array<() => Promise<void>> = [];
      for (const mode of modes) {
        for (const task of rotate(tasks, round++)) {
          jobs.push(async () => {
            const k = cellKey(task, n, mode);
            const pk = cellKey(task, n, modes[0]!);
            if (!reports.has(k)) reports.set(k, []);
            if (!problems.has(pk)) problems.set(pk, new Set());
            try {
              const report = await runChild(
                origin,
                task,
                `text-${n}`,
                `text-${warmDeltas}`,
                mode,
                liveSamples,
              );
              reports.get(k)!.push(report);
              if (report.textChars !== report.seenText) {
                problems.get(pk)!.add(`kept ${report.textChars} chars, saw ${report.seenText}`);
              }
            } catch (error) {
              problems
                .get(pk)!
                .add(error instanceof Error ? error.message.slice(0, 300) : String(error));
            }
          });
        }
      }
      await runPool(jobs, concurrency);
      log(
        `  memory ${n} deltas, repeat ${rep + 1}/${repeats}: ${(performance.now() - started).toFixed(0)} ms`,
      );
    }
  }
  return {
    sizes,
    tasks: tasks.map((task) => ({
      task,
      cells: sizes.map((n) => {
        const rs = reports.get(cellKey(task, n, 'rss')) ?? [];
        const ls = reports.get(cellKey(task, n, 'live')) ?? [];
        return {
          deltas: n,
          textChars: rs[0]?.textChars ?? ls[0]?.textChars ?? 0,
          rssGrowth: summarize(rs.map((r) => r.peakRss! - r.baseRss!)),
          heapGrowth: summarize(rs.map((r) => r.peakHeap! - r.baseHeap!)),
          peakRss: summarize(rs.map((r) => r.peakRss!)),
          liveGrowth: summarize(ls.map((r) => r.peakLive! - r.baseLive!)),
          endLiveGrowth: summarize(ls.map((r) => r.endLive! - r.baseLive!)),
          problems: [...(problems.get(cellKey(task, n, modes[0]!)) ?? [])],
        };
      }),
    })),
  };
}
