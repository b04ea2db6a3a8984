/** Timing, statistics, run-order rotation and the server child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

export type Sample = { wallMs: number; cpuMs: number };

export type Summary = { median: number; min: number; max: number; n: number };

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]!, n };
}

const gc = (globalThis as { gc?: () => void }).gc;

export const hasGc = gc !== undefined;

/** Runs `fn` once and measures wall time and process CPU time (user + system, all threads). */
export async function measure<T>(fn: () => Promise<T>): Promise<{ sample: Sample; value: T }> {
  gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { sample: { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }, value };
}

/** Round `r`'s order: the task list rotated by `r`, so each task runs first, second, … in turn. */
export function rotate<T>(items: readonly T[], r: number): T[] {
  const k = r % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export type ServerHandle = { origin: string; stop: () => void; stats: () => Promise<unknown> };

/** Starts `src/server.ts` in its own process and waits until it listens. */
export async function startServer(scenarioKeys: string[]): Promise<ServerHandle> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server.ts', JSON.stringify(scenarioKeys)],
    { cwd: BENCH_DIR, stdio: ['pipe', 'pipe', 'inherit'], env: childEnv() },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (data: Buffer) => {
      out += data.toString();
      const match = /READY (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    stop: () => {
      child.stdin!.end();
      child.kill();
    },
    stats: async () => (await fetch(`${origin}/stats`)).json(),
  };
}

/** The environment for child processes: no inherited Node options (loaders, inspectors). */
export function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}
