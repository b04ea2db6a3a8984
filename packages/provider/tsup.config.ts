import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // `core` is the main entry without the bundled native providers (see src/core.ts).
  // scripts/rechunk-dist.mjs then builds the main entry apart from `/core` + `/media`
  // (one file to import); errors are recognised across both by their marker.
  entry: { index: 'src/index.ts', core: 'src/core.ts', media: 'src/media.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  // Re-chunked into dist/ by scripts/rechunk-dist.mjs (the main entry loads one file).
  outDir: '.tsup',
  target: 'node22',
  // provider-utils and provider stay real dependencies: never bundle them.
  external: ['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod'],
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  // Whitespace and syntax minification (about half the size, faster to parse on import);
  // identifiers are kept so stack traces stay readable, and source maps ship alongside.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
    options.chunkNames = 'mixrouter-[hash]';
  },
});
