import { type Emulator, startEmulator } from '@mixrouter/emulator';
import { afterAll, beforeAll, vi } from 'vitest';

/**
 * For a test file's durable runs: the emulator, accepting only `apiKey`, and the key in
 * this process's environment — which is the steps' environment on the in-process local
 * world, the only place a rebuilt model finds its key. Both are undone after the file.
 */
export function useEmulatorWithKey(apiKey: string): { readonly emulator: Emulator } {
  const state = {} as { emulator: Emulator };
  beforeAll(async () => {
    state.emulator = await startEmulator({ apiKey });
    vi.stubEnv('MIXROUTER_API_KEY', apiKey);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await state.emulator.close();
  });
  return state;
}
