/** Runs every scenario with the chosen sizes, then writes BENCHMARKS.md and output/results.json. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative } from 'node:path';
import { benchBundles } from './bundle-bench';
import { type RequestScenario, type StreamScenario, scenarioKey } from './fixtures';
import { BENCH_DIR, hasGc, startServer } from './harness';
import { benchHostile } from './hostile-bench';
import { benchMemory, memoryScenarioKeys } from './memory-bench';
import { type BenchConfig, type Machine, type Results, renderReport } from './report';
import { benchRequest, benchStream } from './runtime-bench';
import { benchImports, benchSizes, loadEsbuild } from './static-bench';

const ROOT = join(BENCH_DIR, '..', '..');

type Plan = {
  config: BenchConfig;
  streams: StreamScenario[];
  request: RequestScenario;
};

function plan(quick: boolean): Plan {
  const memory = quick
    ? {
        sizes: [1_000, 4_000],
        warmDeltas: 100,
        repeats: 1,
        concurrency: 2,
        modes: ['live' as const],
        liveSamples: 10,
      }
    : {
        sizes: [20_000, 80_000],
        warmDeltas: 500,
        repeats: 3,
        concurrency: 1,
        modes: ['rss' as const, 'live' as const],
        liveSamples: 40,
      };
  return {
    config: {
      quick,
      command: quick ? 'pnpm bench --quick' : 'pnpm bench',
      streamRounds: quick ? { warmup: 1, measured: 3 } : { warmup: 3, measured: 9 },
      requestRounds: quick ? { warmup: 2, measured: 5 } : { warmup: 5, measured: 25 },
      // 40 rounds: a fresh process varies by ±10 ms while the packages differ by a few ms.
      importRounds: quick ? { warmup: 1, measured: 3 } : { warmup: 3, measured: 40 },
      hostileRounds: quick ? { warmup: 1, measured: 2 } : { warmup: 1, measured: 5 },
      memory,
      gc: hasGc,
    },
    streams: quick
      ? [
          { kind: 'text', deltas: 2_000 },
          { kind: 'mixed', reasoningDeltas: 200, toolCalls: 8, fragmentsPerCall: 50 },
        ]
      : [
          { kind: 'text', deltas: 20_000 },
          { kind: 'mixed', reasoningDeltas: 2_000, toolCalls: 8, fragmentsPerCall: 500 },
        ],
    request: quick
      ? { messages: 200, tools: 10, images: 4, imageBytes: 100_000 }
      : { messages: 200, tools: 10, images: 4, imageBytes: 100_000 },
  };
}

function machine(): Machine {
  const require = createRequire(join(BENCH_DIR, 'package.json'));
  const version = (pkg: string) =>
    (
      JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as {
        version: string;
      }
    ).version;
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    versions: Object.fromEntries(
      [
        '@mixrouter/ai-sdk-provider',
        '@ai-sdk/openai-compatible',
        '@openrouter/ai-sdk-provider',
        'ai',
        '@ai-sdk/provider-utils',
      ].map((p) => [p, version(p)]),
    ),
  };
}

/** Re-renders BENCHMARKS.md from the last run's output/results.json (no measuring). */
export function rerenderReport(): void {
  const results = JSON.parse(
    readFileSync(join(BENCH_DIR, 'output', 'results.json'), 'utf8'),
  ) as Results;
  const reportPath = join(ROOT, 'BENCHMARKS.md');
  writeFileSync(reportPath, renderReport(results, reportPath));
  console.log('bench: re-rendered BENCHMARKS.md from packages/bench/output/results.json');
}

export async function runBenchmarks({ quick }: { quick: boolean }): Promise<void> {
  const started = performance.now();
  const { config, streams, request } = plan(quick);
  const log = (line: string) => console.log(line);
  log(
    `bench: ${quick ? 'quick' : 'full'} mode${hasGc ? '' : ' (no --expose-gc: runs are not preceded by a GC)'}`,
  );

  const server = await startServer([
    ...streams.map(scenarioKey),
    ...memoryScenarioKeys(config.memory.sizes, config.memory.warmDeltas),
  ]);
  let results: Results;
  try {
    log('1. streaming throughput');
    const streamResults = [];
    for (const s of streams)
      streamResults.push(await benchStream(s, server.origin, config.streamRounds, log));
    log('2. request building');
    const requestResult = await benchRequest(request, server.origin, config.requestRounds, log);
    log('3. cold start, dist size and app bundle size');
    const imports = await benchImports(config.importRounds, log);
    const esbuild = await loadEsbuild();
    const sizes = await benchSizes(esbuild?.esbuild);
    log('   app bundles (esbuild, single file and split)');
    const bundles = await benchBundles();
    log('4. memory');
    const memory = await benchMemory(
      server.origin,
      config.memory.sizes,
      config.memory.warmDeltas,
      config.memory.repeats,
      config.memory.concurrency,
      config.memory.modes,
      config.memory.liveSamples,
      log,
    );
    log('5. worst-case inputs (1 MB each)');
    const hostile = await benchHostile(
      server.origin,
      config.hostileRounds ?? { warmup: 1, measured: 5 },
      log,
    );
    results = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      durationS: (performance.now() - started) / 1000,
      machine: machine(),
      config,
      streams: streamResults,
      request: requestResult,
      imports,
      sizes,
      bundles,
      esbuild: esbuild ? `${esbuild.esbuild.version} (resolved via ${esbuild.from})` : undefined,
      memory,
      hostile,
    };
  } finally {
    server.stop();
  }

  // A quick run is a smoke check: it never replaces the tracked report (whose
  // hand-written section it still carries over) nor the full run's results.
  const trackedReport = join(ROOT, 'BENCHMARKS.md');
  const outDir = join(BENCH_DIR, 'output');
  const reportPath = quick ? join(outDir, 'BENCHMARKS.quick.md') : trackedReport;
  const resultsPath = join(outDir, quick ? 'results.quick.json' : 'results.json');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(reportPath, renderReport(results, trackedReport));
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  log(
    `bench: wrote ${relative(ROOT, reportPath)} and ${relative(ROOT, resultsPath)} in ${results.durationS.toFixed(1)} s`,
  );
}
