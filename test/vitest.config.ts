import { defineConfig } from 'vitest/config';

// End-to-end: the BUILT package (dist), driven only through `ai@7` public functions,
// against the local emulator on 127.0.0.1. `npm run test:e2e` builds it first when needed.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    setupFiles: ['e2e/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
