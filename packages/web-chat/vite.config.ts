import { defineConfig } from 'vite';

// No React plugin: Vite compiles TSX with the automatic JSX runtime from tsconfig, and
// the page is built once, so Fast Refresh is not needed. `npm run web` serves dist/.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      onwarn(warning, warn) {
        // swr (used by @ai-sdk/react) marks itself 'use client'; meaningless in a static page.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
