import { createMixRouter, isMixRouterError } from '@mixrouter/ai-sdk-provider';
import { type Emulator, startEmulator } from '@mixrouter/emulator';
import { afterEach, describe, expect, it } from 'vitest';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('provider.getCredits against the emulated billing routes', () => {
  it('reads limit, usage and balance in the display unit', async () => {
    emulator = await startEmulator();
    const mixrouter = createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
    expect(await mixrouter.getCredits()).toEqual({
      limitUsd: 25.5,
      usedUsd: 3.125,
      balanceUsd: 22.375,
    });
    const paths = emulator.requests.map((r) => r.path).sort();
    expect(paths).toEqual(['/v1/dashboard/billing/subscription', '/v1/dashboard/billing/usage']);
    for (const request of emulator.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
      expect(request.headers['user-agent']).toContain('ai-sdk-mixrouter/');
    }
  });

  it('leaves limit and balance undefined for an unlimited token', async () => {
    emulator = await startEmulator({ billing: { unlimited: true } });
    const mixrouter = createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
    expect(await mixrouter.getCredits()).toEqual({
      limitUsd: undefined,
      usedUsd: 3.125,
      balanceUsd: undefined,
    });
  });

  it('fails with a typed authentication error for a wrong key', async () => {
    emulator = await startEmulator();
    const mixrouter = createMixRouter({ apiKey: 'sk-wrong', baseURL: emulator.baseURL });
    const error = await mixrouter.getCredits().catch((e: unknown) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'authentication', statusCode: 401 });
  });
});
