import { defineConfig } from 'vitest/config';

// Opt-in live suite against api.mixrouter.com; every test skips without MIXROUTER_API_KEY.
export default defineConfig({
  test: {
    include: ['live/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
