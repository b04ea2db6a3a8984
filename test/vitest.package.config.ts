import { defineConfig } from 'vitest/config';

// The packaging check: packs the provider from a clean checkout of HEAD (builds it) and
// inspects the tarball. Slow (a full build), so it runs on its own: `npm run test:package`.
export default defineConfig({
  test: {
    include: ['package/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
