/**
 * `pnpm bench` (full) or `pnpm bench --quick` / `BENCH_QUICK=1 pnpm bench` (smoke check,
 * well under a minute). Builds the provider first when its `dist` is missing or older
 * than its sources, then runs every scenario and rewrites BENCHMARKS.md at the root (a
 * quick run writes packages/bench/output/BENCHMARKS.quick.md instead).
 * `pnpm bench --report-only` re-renders BENCHMARKS.md from the last results.json.
 *
 * Nothing here imports the provider statically: it may not be built yet.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR } from './harness';

/** The shared check: builds the provider only when its dist is missing or stale. */
function ensureProviderBuilt(): void {
  const script = join(BENCH_DIR, '..', '..', 'scripts', 'build-provider-if-stale.mjs');
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
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
