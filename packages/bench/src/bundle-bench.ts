/**
 * Scenario 4: the size of a chat-only app once an app bundler has packed it, as edge
 * functions and workers deploy it. The same small app (one `streamText` call on a chat
 * model) is written for each provider and bundled by esbuild for the browser platform,
 * minified, twice: as ONE file (no code splitting — dynamic `import()`s are inlined) and
 * with code splitting (lazy imports become chunks that load only when used).
 *
 * `pnpm --filter @mixrouter/bench run bundle` prints the table on its own (a few seconds).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, version as esbuildVersion, type Metafile } from 'esbuild';
import { BENCH_DIR } from './harness';

export type BundleApp = {
  name: string;
  label: string;
  /** Counts for the target (ours vs openai-compatible) or is shown for orientation. */
  role: 'ours' | 'peer' | 'variant';
  source: string;
};

const STREAM = `const result = streamText({ model, prompt: 'Say hi' });
for await (const delta of result.textStream) console.log(delta);`;

export const BUNDLE_APPS: BundleApp[] = [
  {
    name: 'mixrouter/core',
    label: '**@mixrouter/ai-sdk-provider/core** `.chat()`',
    role: 'ours',
    source: `import { createMixRouter } from '@mixrouter/ai-sdk-provider/core';
import { streamText } from 'ai';
const model = createMixRouter({ apiKey: 'k' }).chat('gpt-4o');
${STREAM}`,
  },
  {
    name: 'mixrouter/core+openai',
    label: '@mixrouter/ai-sdk-provider/core `.chat()`, with `native: { openai: createOpenAI }`',
    role: 'variant',
    source: `import { createOpenAI } from '@ai-sdk/openai';
import { createMixRouter } from '@mixrouter/ai-sdk-provider/core';
import { streamText } from 'ai';
const model = createMixRouter({ apiKey: 'k', native: { openai: createOpenAI } }).chat('gpt-4o');
${STREAM}`,
  },
  {
    name: 'mixrouter/core+media',
    label: '@mixrouter/ai-sdk-provider/core `.chat()`, with `media: mixrouterMediaModels`',
    role: 'variant',
    source: `import { createMixRouter } from '@mixrouter/ai-sdk-provider/core';\nimport { mixrouterMediaModels } from '@mixrouter/ai-sdk-provider/media';
import { streamText } from 'ai';
const model = createMixRouter({ apiKey: 'k', media: mixrouterMediaModels }).chat('gpt-4o');
${STREAM}`,
  },
  {
    name: 'mixrouter',
    label: '@mixrouter/ai-sdk-provider (main entry) `.chat()`',
    role: 'variant',
    source: `import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { streamText } from 'ai';
const model = createMixRouter({ apiKey: 'k' }).chat('gpt-4o');
${STREAM}`,
  },
  {
    name: 'openai-compatible',
    label: '@ai-sdk/openai-compatible `.chatModel()`',
    role: 'peer',
    source: `import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText } from 'ai';
const model = createOpenAICompatible({ name: 'mixrouter', apiKey: 'k', baseURL: 'https://api.mixrouter.com/v1', includeUsage: true }).chatModel('gpt-4o');
${STREAM}`,
  },
  {
    name: 'openrouter',
    label: '@openrouter/ai-sdk-provider `.chat()`',
    role: 'peer',
    source: `import { createOpenRouter } from '@openrouter/ai-sdk-provider';
import { streamText } from 'ai';
const model = createOpenRouter({ apiKey: 'k' }).chat('gpt-4o');
${STREAM}`,
  },
];

export type BundleSize = { bytes: number; gzip: number };

export type BundleResult = {
  name: string;
  label: string;
  role: BundleApp['role'];
  /** One output file, dynamic imports inlined. */
  single: BundleSize;
  /** Code splitting: what loads up front (entry + chunks it imports statically) … */
  splitInitial: BundleSize;
  /** … and every file written, lazy chunks included. */
  splitAll: BundleSize;
  splitFiles: number;
  /** Bytes in the single-file bundle per package (from esbuild's metafile), largest first. */
  packages: Array<{ pkg: string; bytes: number }>;
};

const sizeOf = (code: Buffer): BundleSize => ({
  bytes: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
});

const add = (a: BundleSize, b: BundleSize): BundleSize => ({
  bytes: a.bytes + b.bytes,
  gzip: a.gzip + b.gzip,
});

/** `…/node_modules/.pnpm/x/node_modules/@scope/name/dist/…` → `@scope/name`; own sources as is. */
function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  // The workspace's own package resolves through its link, outside node_modules.
  if (at < 0) return input.startsWith('../provider/') ? '@mixrouter/ai-sdk-provider' : 'app';
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
}

function packageBreakdown(metafile: Metafile): Array<{ pkg: string; bytes: number }> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = packageOf(input);
      totals.set(pkg, (totals.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  return [...totals.entries()]
    .map(([pkg, bytes]) => ({ pkg, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
}

const COMMON = {
  bundle: true,
  platform: 'browser',
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'silent',
  // The download transport imports Node's http/https/dns/zlib/stream lazily and only
  // where they exist (it degrades to fetch on edge runtimes); the built dist names them
  // without the `node:` prefix. An edge/browser app bundler leaves them out: so do we.
  external: ['node:*', 'http', 'https', 'dns', 'zlib', 'stream'] as string[],
  // The app is resolved like an app inside this workspace package would be.
  absWorkingDir: BENCH_DIR,
} as const;

/** The app's source as an in-memory entry point, resolved from this package. */
function appEntry(app: BundleApp) {
  return {
    entryPoints: { app: 'virtual-app' },
    plugins: [
      {
        name: 'virtual-app',
        setup(b: import('esbuild').PluginBuild) {
          b.onResolve({ filter: /^virtual-app$/ }, () => ({ path: 'app.js', namespace: 'app' }));
          b.onLoad({ filter: /.*/, namespace: 'app' }, () => ({
            contents: app.source,
            resolveDir: BENCH_DIR,
            loader: 'js' as const,
          }));
        },
      },
    ],
  };
}

async function bundleApp(app: BundleApp, workDir: string): Promise<BundleResult> {
  const outdir = join(workDir, app.name.replace(/[^a-z0-9]+/gi, '-'));
  const single = await build({ ...COMMON, ...appEntry(app), outdir: join(outdir, 'single') });
  const singleFile = single.outputFiles.find((f) => f.path.endsWith('.js'))!;
  const split = await build({
    ...COMMON,
    ...appEntry(app),
    splitting: true,
    outdir: join(outdir, 'split'),
  });
  const files = new Map(
    split.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f]),
  );
  const outputs = split.metafile.outputs;
  const key = (path: string) => Object.keys(outputs).find((k) => path.endsWith(k))!;
  // Up front = the entry plus what it imports statically, transitively.
  const initial = new Set<string>();
  const visit = (path: string) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imp of outputs[key(path)]!.imports) {
      if (imp.kind !== 'import-statement') continue;
      const target = [...files.keys()].find((p) => p.endsWith(imp.path.replace(/^\.\//, '')));
      if (target) visit(target);
    }
  };
  visit([...files.keys()].find((p) => p.endsWith('/app.js'))!);
  const zero: BundleSize = { bytes: 0, gzip: 0 };
  let splitInitial = zero;
  let splitAll = zero;
  for (const [path, file] of files) {
    const size = sizeOf(Buffer.from(file.contents));
    splitAll = add(splitAll, size);
    if (initial.has(path)) splitInitial = add(splitInitial, size);
  }
  return {
    name: app.name,
    label: app.label,
    role: app.role,
    single: sizeOf(Buffer.from(singleFile.contents)),
    splitInitial,
    splitAll,
    splitFiles: files.size,
    packages: packageBreakdown(single.metafile),
  };
}

export async function benchBundles(): Promise<{ esbuild: string; results: BundleResult[] }> {
  // output/ is git-ignored: a fresh clone does not have it yet.
  mkdirSync(join(BENCH_DIR, 'output'), { recursive: true });
  const workDir = mkdtempSync(join(BENCH_DIR, 'output', '.bundles-'));
  try {
    const results: BundleResult[] = [];
    for (const app of BUNDLE_APPS) results.push(await bundleApp(app, workDir));
    return { esbuild: esbuildVersion, results };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

export const BUNDLE_LIMIT = 1.1;

/** Ours (`/core`) ÷ openai-compatible, single-file, minified bytes. */
export function bundleRatio(results: BundleResult[]): number {
  const ours = results.find((r) => r.role === 'ours')!;
  const peer = results.find((r) => r.name === 'openai-compatible')!;
  return ours.single.bytes / peer.single.bytes;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The markdown table (shared by the report and the stand-alone script). */
export function renderBundleTable(results: BundleResult[]): string[] {
  const peer = results.find((r) => r.name === 'openai-compatible')!;
  const lines = [
    '| App (chat only, `streamText`) | single file | gzip | ÷ openai-compatible | split: loaded up front | gzip | split: all files | files |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${kib(r.single.bytes)} | ${kib(r.single.gzip)} | ${(r.single.bytes / peer.single.bytes).toFixed(2)}× | ${kib(r.splitInitial.bytes)} | ${kib(r.splitInitial.gzip)} | ${kib(r.splitAll.bytes)} | ${r.splitFiles} |`,
    );
  }
  return lines;
}

if (process.argv[1]?.endsWith('bundle-bench.ts')) {
  mkdirSync(join(BENCH_DIR, 'output'), { recursive: true });
  const { esbuild, results } = await benchBundles();
  console.log(`esbuild ${esbuild}, platform browser, minified\n`);
  console.log(renderBundleTable(results).join('\n'));
  const ratio = bundleRatio(results);
  console.log(
    `\nours (/core) ÷ openai-compatible, single file: ${ratio.toFixed(3)}× (limit ≤ ${BUNDLE_LIMIT}×: ${ratio <= BUNDLE_LIMIT ? 'met' : 'NOT met'})`,
  );
  for (const r of results.filter((x) => x.role !== 'variant')) {
    console.log(
      `  ${r.name}: ${r.packages
        .slice(0, 6)
        .map((p) => `${p.pkg} ${kib(p.bytes)}`)
        .join(', ')}`,
    );
  }
  writeFileSync(join(BENCH_DIR, 'output', 'bundles.json'), `${JSON.stringify(results, null, 2)}\n`);
}
