#!/usr/bin/env node
/**
 * Second build step: Rollup re-chunks tsup's ESM output (`.tsup/`) into `dist/`.
 *
 * Why: each file an `import` loads costs a module resolution (plus one per bare
 * specifier it imports), a read and a module record — about 0.2–0.3 ms each in a fresh
 * Node process. esbuild (tsup) puts every module shared between an entry and a lazily
 * imported chunk into a chunk of its own, so the main entry loaded ten files. Rollup
 * keeps what the entry already loads inside the entry file and lets the lazy chunks
 * import it from there: the main entry is one file, and the request code of every model
 * type stays in lazy chunks loaded on first call (measured in BENCHMARKS.md §3a).
 *
 * Two passes: the main entry alone, and `/core` + `/media` together (they share their
 * model classes; an app uses either the main entry or `/core`). Source maps are chained
 * back to `src/`. Also restores the whitespace Workflow's builder needs to find the
 * serialisable classes (`static [WORKFLOW_SERIALIZE](`).
 */
import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import MagicString from 'magic-string';
import { rollup } from 'rollup';

const root = join(import.meta.dirname, '..');
const from = join(root, '.tsup');
const dist = join(root, 'dist');

const PASSES = [
  { input: { index: 'index.js' }, chunkFileNames: 'mixrouter-[hash].js' },
  { input: { core: 'core.js', media: 'media.js' }, chunkFileNames: 'mixrouter-slim-[hash].js' },
];

/** Loads each tsup output file with its source map, so Rollup chains maps back to src/. */
const tsupOutput = {
  name: 'tsup-output',
  async load(id) {
    if (!id.startsWith(from)) return null;
    const code = await readFile(id, 'utf8');
    const map = JSON.parse(await readFile(`${id}.map`, 'utf8'));
    return { code, map };
  },
};

/**
 * Workflow DevKit's builder finds serialisable classes in dependencies with a pattern
 * that expects `static [WORKFLOW_SERIALIZE](`; whitespace minification writes
 * `static[…`. (Rollup writes the import statements itself, with the spaces the builder's
 * import patterns need.)
 */
const workflowDiscoverableSerde = {
  name: 'workflow-discoverable-serde',
  renderChunk(code) {
    const edited = new MagicString(code);
    for (const match of code.matchAll(/static\[WORKFLOW_(?:DE)?SERIALIZE\d*\]\(/g))
      edited.appendLeft(match.index + 'static'.length, ' ');
    return { code: edited.toString(), map: edited.generateMap({ hires: 'boundary' }) };
  },
};

const isExternal = (id) => !id.startsWith('.') && !id.startsWith('/');

await rm(dist, { recursive: true, force: true });
for (const pass of PASSES) {
  const bundle = await rollup({
    input: Object.fromEntries(
      Object.entries(pass.input).map(([name, file]) => [name, join(from, file)]),
    ),
    external: isExternal,
    plugins: [tsupOutput, workflowDiscoverableSerde],
    // The entry file may export internal bindings for its lazy chunks: no facade file.
    preserveEntrySignatures: 'allow-extension',
    // The package declares `sideEffects: false`; module order is kept as written.
    treeshake: { moduleSideEffects: true },
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  await bundle.write({
    dir: dist,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: pass.chunkFileNames,
    sourcemap: true,
    generatedCode: 'es2015',
  });
  await bundle.close();
}

// Declarations come from tsup's dts build unchanged.
for (const file of await readdir(from)) {
  if (file.endsWith('.d.ts')) await copyFile(join(from, file), join(dist, file));
}
