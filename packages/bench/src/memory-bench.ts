/** Scenario 4: peak RSS / heap growth while streaming, each measurement in a fresh process. */
import { spawn } from 'node:child_process';
import { BENCH_DIR, childEnv, rotate, type Summary, summarize } from './harness';
import { streamTaskName, streamTasks } from './impls';

type ChildReport = {
  task: string;
  scenario: string;
  wallMs: number;
  textChars: number;
  seenText: number;
  baseRss: number;
  baseHeap: number;
  peakRss: number;
  peakHeap: number;
  maxRss: number;
  baseLive: number;
  peakLive: number;
  endLive: number;
};

export type MemoryCell = {
  deltas: number;
  textChars: number;
  /** Phase 1: peak RSS − RSS at the baseline (after warm-up and GC). */
  rssGrowth: Summary;
  /** Phase 1: peak heapUsed − baseline (garbage included). */
  heapGrowth: Summary;
  peakRss: Summary;
  /** Phase 2: peak heap after forced full GCs − baseline (reachable memory only). */
  liveGrowth: Summary;
  /** Phase 2: reachable heap at the end (before anything is released) − baseline. */
  endLiveGrowth: Summary;
  problems: string[];
};

export type MemoryResult = { sizes: number[]; tasks: Array<{ task: string; cells: MemoryCell[] }> };

function runChild(
  origin: string,
  task: string,
  key: string,
  warmKey: string,
): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'src/memory-child.ts', origin, task, key, warmKey],
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

export async function benchMemory(
  origin: string,
  sizes: number[],
  warmDeltas: number,
  repeats: number,
  log: (line: string) => void,
): Promise<MemoryResult> {
  const tasks = streamTasks().map(streamTaskName);
  const reports = new Map<string, ChildReport[]>();
  const problems = new Map<string, Set<string>>();
  const cellKey = (task: string, n: number) => `${task}|${n}`;
  let round = 0;
  for (let rep = 0; rep < repeats; rep++) {
    for (const n of sizes) {
      const started = performance.now();
      for (const task of rotate(tasks, round++)) {
        const k = cellKey(task, n);
        if (!reports.has(k)) reports.set(k, []);
        if (!problems.has(k)) problems.set(k, new Set());
        try {
          const report = await runChild(origin, task, `text-${n}`, `text-${warmDeltas}`);
          reports.get(k)!.push(report);
          if (report.textChars !== report.seenText) {
            problems.get(k)!.add(`kept ${report.textChars} chars, saw ${report.seenText}`);
          }
        } catch (error) {
          problems
            .get(k)!
            .add(error instanceof Error ? error.message.slice(0, 300) : String(error));
        }
      }
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
        const rs = reports.get(cellKey(task, n)) ?? [];
        return {
          deltas: n,
          textChars: rs[0]?.textChars ?? 0,
          rssGrowth: summarize(rs.map((r) => r.peakRss - r.baseRss)),
          heapGrowth: summarize(rs.map((r) => r.peakHeap - r.baseHeap)),
          peakRss: summarize(rs.map((r) => r.peakRss)),
          liveGrowth: summarize(rs.map((r) => r.peakLive - r.baseLive)),
          endLiveGrowth: summarize(rs.map((r) => r.endLive - r.baseLive)),
          problems: [...(problems.get(cellKey(task, n)) ?? [])],
        };
      }),
    })),
  };
}
