/**
 * Scenario 3: import time in fresh Node processes, and the size of each package's
 * published `dist` (raw, gzip, and minified with esbuild when esbuild is installed).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BENCH_DIR, childEnv, rotate, type Summary, summarize } from './harness';

const require = createRequire(join(BENCH_DIR, 'package.json'));

export type ImportTarget = {
  name: string;
  pkg: string;
  /** Reference rows (not a provider) are shown for orientation only. */
  reference: boolean;
  /**
   * JS run after the import (with the module as `m`; `BASE` is a local server's base URL)
   * for the "import + first model" column; it evaluates to a V4 chat model, whose first
   * `doGenerate` gives the "+ first call" column (code a package loads on first use shows
   * there).
   */
  create?: string;
};

export const IMPORT_TARGETS: ImportTarget[] = [
  {
    name: 'mixrouter',
    pkg: '@mixrouter/ai-sdk-provider',
    reference: false,
    create: `m.createMixRouter({ apiKey: 'k', baseURL: BASE })('gpt-4o')`,
  },
  {
    name: 'openai-compatible',
    pkg: '@ai-sdk/openai-compatible',
    reference: false,
    create: `m.createOpenAICompatible({ name: 'mixrouter', apiKey: 'k', baseURL: BASE, includeUsage: true })('gpt-4o')`,
  },
  {
    name: 'openrouter',
    pkg: '@openrouter/ai-sdk-provider',
    reference: false,
    create: `m.createOpenRouter({ apiKey: 'k', baseURL: BASE })('gpt-4o')`,
  },
  { name: 'provider-utils', pkg: '@ai-sdk/provider-utils', reference: true },
  { name: 'ai', pkg: 'ai', reference: true },
];

export type ImportResult = {
  name: string;
  pkg: string;
  reference: boolean;
  importMs: Summary;
  createMs: Summary;
  callMs: Summary;
  /** Per measured round, in round order (for paired ratios). */
  importSamples: number[];
};

type ImportSample = { importMs: number; createMs: number; callMs: number };

// A canned chat completion, served from the child process itself (started before the clock).
const CANNED_COMPLETION = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

function importOnce(target: ImportTarget): Promise<ImportSample> {
  const script = [
    "const { createServer } = await import('node:http');",
    `const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(${JSON.stringify(CANNED_COMPLETION)}); }); });`,
    "await new Promise((r) => server.listen(0, '127.0.0.1', r));",
    "const BASE = 'http://127.0.0.1:' + server.address().port + '/v1';",
    'const t0 = performance.now();',
    `const m = await import(${JSON.stringify(target.pkg)});`,
    'const t1 = performance.now();',
    target.create ? `const model = ${target.create};` : '',
    'const t2 = performance.now();',
    target.create
      ? "await model.doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });"
      : '',
    'const t3 = performance.now();',
    'server.close();',
    'process.stdout.write(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t0, callMs: t3 - t0 }));',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: BENCH_DIR,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`import of ${target.pkg} failed: ${err}`));
      else resolve(JSON.parse(out));
    });
  });
}

export async function benchImports(
  rounds: { warmup: number; measured: number },
  log: (line: string) => void,
): Promise<ImportResult[]> {
  const samples = new Map<ImportTarget, ImportSample[]>(IMPORT_TARGETS.map((t) => [t, []]));
  const total = rounds.warmup + rounds.measured;
  for (let r = 0; r < total; r++) {
    for (const target of rotate(IMPORT_TARGETS, r)) {
      const sample = await importOnce(target);
      if (r >= rounds.warmup) samples.get(target)!.push(sample);
    }
  }
  log(`  imports: ${total} rounds × ${IMPORT_TARGETS.length} packages`);
  return IMPORT_TARGETS.map((t) => ({
    name: t.name,
    pkg: t.pkg,
    reference: t.reference,
    importMs: summarize(samples.get(t)!.map((s) => s.importMs)),
    importSamples: samples.get(t)!.map((s) => s.importMs),
    createMs: summarize(samples.get(t)!.map((s) => s.createMs)),
    callMs: summarize(samples.get(t)!.map((s) => s.callMs)),
  }));
}

// ---------------------------------------------------------------------------------------
// Dist sizes

type Esbuild = {
  version: string;
  transform: (code: string, options: Record<string, unknown>) => Promise<{ code: string }>;
};

/**
 * esbuild if it is already installed: as a dependency of this package, else through
 * tsx (which depends on it). Nothing is installed for this.
 */
export async function loadEsbuild(): Promise<{ esbuild: Esbuild; from: string } | undefined> {
  const candidates: Array<[string, () => string]> = [
    ['@mixrouter/bench', () => require.resolve('esbuild')],
    ['tsx', () => createRequire(require.resolve('tsx/package.json')).resolve('esbuild')],
  ];
  for (const [from, resolve] of candidates) {
    try {
      const path = resolve();
      const mod = (await import(pathToFileURL(path).href)) as Esbuild & { default?: Esbuild };
      const esbuild = typeof mod.transform === 'function' ? mod : mod.default;
      if (esbuild && typeof esbuild.transform === 'function') return { esbuild, from };
    } catch {
      // try the next place
    }
  }
  return undefined;
}

export type SizeRow = { raw: number; gzip: number; min?: number; minGzip?: number };

export type SizeResult = {
  name: string;
  pkg: string;
  version: string;
  files: string[];
  all: SizeRow;
  /** Only the file the package's `import` entry point resolves to. */
  main: SizeRow;
  bundlesProviderUtils: boolean;
  dependencies: string[];
  /** Runtime dependencies other than the shared `@ai-sdk/provider(-utils)`: raw `dist` .js bytes each. */
  extraDependencies: Array<{ pkg: string; version: string; raw: number }>;
};

const SHARED = new Set(['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod']);

function listJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listJs(path));
    else if (/\.(m|c)?js$/.test(entry)) out.push(path);
  }
  return out.sort();
}

async function sizeOf(files: string[], esbuild: Esbuild | undefined): Promise<SizeRow> {
  const row: SizeRow = { raw: 0, gzip: 0, ...(esbuild ? { min: 0, minGzip: 0 } : {}) };
  for (const file of files) {
    const code = readFileSync(file);
    row.raw += code.length;
    row.gzip += gzipSync(code, { level: 9 }).length;
    if (esbuild) {
      const min = Buffer.from(
        (
          await esbuild.transform(code.toString('utf8'), {
            minify: true,
            format: 'esm',
            loader: 'js',
          })
        ).code,
      );
      row.min! += min.length;
      row.minGzip! += gzipSync(min, { level: 9 }).length;
    }
  }
  return row;
}

// A provider-utils function that a package only defines itself if it bundled the library.
const BUNDLED_PROVIDER_UTILS = /\b(?:var|let|const|function)\s+createEventSourceResponseHandler\b/;

export async function benchSizes(esbuild: Esbuild | undefined): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const target of IMPORT_TARGETS.filter((t) => !t.reference)) {
    const pkgJsonPath = require.resolve(`${target.pkg}/package.json`);
    const root = dirname(pkgJsonPath);
    const pkgJson = JSON.parse(readFileSync(pkgJsonPath, 'utf8')) as {
      version: string;
      dependencies?: Record<string, string>;
    };
    const files = listJs(join(root, 'dist'));
    const mainFile = require.resolve(target.pkg);
    const all = await sizeOf(files, esbuild);
    const main = await sizeOf([mainFile], esbuild);
    const pkgRequire = createRequire(pkgJsonPath);
    const extraDependencies = Object.keys(pkgJson.dependencies ?? {})
      .filter((dep) => !SHARED.has(dep))
      .map((dep) => {
        const depJsonPath = pkgRequire.resolve(`${dep}/package.json`);
        const depJson = JSON.parse(readFileSync(depJsonPath, 'utf8')) as { version: string };
        const depDist = join(dirname(depJsonPath), 'dist');
        const raw = listJs(depDist).reduce((n, f) => n + statSync(f).size, 0);
        return { pkg: dep, version: depJson.version, raw };
      });
    results.push({
      name: target.name,
      pkg: target.pkg,
      version: pkgJson.version,
      files: files.map((f) => relative(root, f)),
      all,
      main,
      bundlesProviderUtils: files.some((f) => BUNDLED_PROVIDER_UTILS.test(readFileSync(f, 'utf8'))),
      dependencies: Object.keys(pkgJson.dependencies ?? {}),
      extraDependencies,
    });
  }
  return results;
}
