#!/usr/bin/env node
/**
 * Builds @mixrouter/ai-sdk-provider only when its dist is missing or older than what it
 * is built from (src/ without tests, package.json, tsup and tsc config). The build is
 * quiet: one transient status line on a terminal, its whole log only if it fails.
 *
 * Used by the examples, the benchmark and the e2e/typecheck scripts, which import the
 * built package. `node scripts/build-provider-if-stale.mjs [--force]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const PROVIDER = join(ROOT, 'packages', 'provider');
const OUTPUTS = ['dist/index.js', 'dist/core.js', 'dist/index.d.ts', 'dist/core.d.ts'];
const CONFIG = ['package.json', 'tsup.config.ts', 'tsconfig.json', 'scripts/rechunk-dist.mjs'];
const SKIPPED_DIRS = new Set(['__fixtures__', 'test-utils']);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Why the provider needs a build, or undefined when dist is up to date. */
export function staleReason() {
  const outputs = OUTPUTS.map((file) => join(PROVIDER, file));
  const missing = outputs.find((file) => !existsSync(file));
  if (missing) return `${missing.slice(PROVIDER.length + 1)} is missing`;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const inputs = Math.max(
    newestSource(join(PROVIDER, 'src')),
    ...CONFIG.map((file) => statSync(join(PROVIDER, file)).mtimeMs),
  );
  return inputs > built ? 'sources changed since the last build' : undefined;
}

export function buildProviderIfStale({ force = false } = {}) {
  const reason = force ? 'forced' : staleReason();
  if (reason === undefined) return;
  const status = process.stderr.isTTY;
  if (status) process.stderr.write(`building @mixrouter/ai-sdk-provider (${reason})…`);
  const result = spawnSync('pnpm', ['--filter', '@mixrouter/ai-sdk-provider', 'run', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (status) process.stderr.write('\r\x1b[K');
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    const why = result.error ? `: ${result.error.message}` : '';
    process.stderr.write(`\nBuilding @mixrouter/ai-sdk-provider failed${why} (log above).\n`);
    process.exit(result.status || 1);
  }
}

if (process.argv[1] === import.meta.filename) {
  buildProviderIfStale({ force: process.argv.includes('--force') });
}
