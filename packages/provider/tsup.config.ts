import { readFileSync } from 'node:fs';
import MagicString from 'magic-string';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * Workflow DevKit's builder finds serialisable classes in dependencies with patterns
 * that expect whitespace: `static [WORKFLOW_SERIALIZE](` for the class, `from "./chunk"`
 * to follow an import into a chunk. Whitespace minification writes `static[…` and
 * `}from"./…"`, which they miss, and the step bundle then never loads the model classes
 * (`Class "…" not found`). Put those spaces back; the source map follows the edits.
 */
const workflowDiscoverableSerde: NonNullable<Options['plugins']>[number] = {
  name: 'workflow-discoverable-serde',
  renderChunk(code, chunk) {
    const edited = new MagicString(code);
    for (const match of code.matchAll(/static\[WORKFLOW_(?:DE)?SERIALIZE\d*\]\(/g))
      edited.appendLeft(match.index + 'static'.length, ' ');
    for (const match of code.matchAll(/\}from"\.\//g))
      edited.appendLeft(match.index + '}from'.length, ' ');
    return {
      code: edited.toString(),
      map: edited.generateMap({ hires: 'boundary', source: chunk.path }),
    };
  },
};

export default defineConfig({
  // `core` is the main entry without the bundled native providers (see src/core.ts); the
  // shared code lands in one chunk so classes such as MixRouterAPIError are one class.
  entry: { index: 'src/index.ts', core: 'src/core.ts', media: 'src/media.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node22',
  // provider-utils and provider stay real dependencies: never bundle them.
  external: ['@ai-sdk/provider', '@ai-sdk/provider-utils', 'zod'],
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  plugins: [workflowDiscoverableSerde],
  // Whitespace and syntax minification (about half the size, faster to parse on import);
  // identifiers are kept so stack traces stay readable, and source maps ship alongside.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
    options.chunkNames = 'mixrouter-[hash]';
  },
});
