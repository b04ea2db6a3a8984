import { createMixRouter, type MixRouterProvider } from '@mixrouter/ai-sdk-provider';
import { type Emulator, startEmulator } from '@mixrouter/emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * The set-up every e2e file shares: the strict emulator on 127.0.0.1 for the file, a
 * provider pointed at it, and the recorded requests cleared before each test (so a test
 * reads only its own). Read `emulator` / `mixrouter` inside tests and hooks.
 */
export function useEmulator(): {
  readonly emulator: Emulator;
  readonly mixrouter: MixRouterProvider;
} {
  let emulator: Emulator | undefined;
  let mixrouter: MixRouterProvider | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
    mixrouter = createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
  });
  afterAll(() => emulator?.close());
  beforeEach(() => {
    if (emulator !== undefined) emulator.requests.length = 0;
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useEmulator(): read it inside a test or hook');
    return value;
  };
  return {
    get emulator() {
      return started(emulator);
    },
    get mixrouter() {
      return started(mixrouter);
    },
  };
}
