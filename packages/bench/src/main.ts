/**
 * `pnpm bench` (full) or `pnpm bench --quick` / `BENCH_QUICK=1 pnpm bench` (smoke check,
 * well under a minute). Builds the provider first when its `dist` is missing or older
 * than its sources, then runs every scenario and rewrites BENCHMARKS.md at the root.
 * `pnpm bench --report-only` re-renders BENCHMARKS.md from the last results.json.
 *
 * Nothing here imports the provider statically: it may not be built yet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './harness';

const PROVIDER_DIR = join(BENCH_DIR, '..', 'provider');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (entry !== '__fixtures__' && entry !== 'test-utils')
        newest = Math.max(newest, newestSource(path));
    } else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

function ensureProviderBuilt(): void {
  const dist = join(PROVIDER_DIR, 'dist', 'index.js');
  let reason: string | undefined;
  if (!existsSync(dist)) reason = 'dist is missing';
  else if (newestSource(join(PROVIDER_DIR, 'src')) > statSync(dist).mtimeMs)
    reason = 'dist is older than src';
  if (reason === undefined) return;
  console.log(`bench: building @mixrouter/ai-sdk-provider (${reason})`);
  const pnpm = process.env.npm_execpath;
  const args = ['--filter', '@mixrouter/ai-sdk-provider', 'run', 'build'];
  const result =
    pnpm && /pnpm/.test(pnpm) && /\.c?js$/.test(pnpm)
      ? spawnSync(process.execPath, [pnpm, ...args], { cwd: BENCH_DIR, stdio: 'inherit' })
      : spawnSync('pnpm', args, { cwd: BENCH_DIR, stdio: 'inherit', shell: true });
  if (result.status !== 0) {
    console.error('bench: building the provider failed');
    process.exit(1);
  }
}

const quick =
  process.argv.includes('--quick') || ['1', 'true', 'yes'].includes(process.env.BENCH_QUICK ?? '');
if (process.argv.includes('--report-only')) {
  const { rerenderReport } = await import('./run');
  rerenderReport();
} else {
  ensureProviderBuilt();
  const { runBenchmarks } = await import('./run');
  await runBenchmarks({ quick });
}
