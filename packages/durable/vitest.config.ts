import { workflow } from '@workflow/vitest';
import { defineConfig } from 'vitest/config';

// Durable runs of the BUILT provider (dist) on Workflow DevKit's local world, against the
// emulator on 127.0.0.1. `workflow()` compiles "use workflow" / "use step" with SWC,
// builds the bundles and runs an in-process local world.
export default defineConfig({
  plugins: [workflow()],
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The provider must go through the workflow transform so its model classes register
    // their serialisers; node_modules are otherwise loaded untransformed.
    // INLINE_PLACEHOLDER
  },
});
