import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

describe('billing routes (new-api controller/billing.go)', () => {
  it('serves subscription and usage at /dashboard and /v1/dashboard', async () => {
    for (const prefix of ['', '/v1']) {
      const subscription = await api.get(`${prefix}/dashboard/billing/subscription`);
      expect(subscription.status).toBe(200);
      expect(await subscription.json()).toEqual({
        object: 'billing_subscription',
        has_payment_method: true,
        soft_limit_usd: 25.5,
        hard_limit_usd: 25.5,
        system_hard_limit_usd: 25.5,
        access_until: 0,
      });
      const usage = await api.get(`${prefix}/dashboard/billing/usage`);
      expect(await usage.json()).toEqual({ object: 'list', total_usage: 312.5 });
    }
  });

  it('needs the key', async () => {
    const response = await fetch(`${emu.origin}/v1/dashboard/billing/usage`);
    expect(response.status).toBe(401);
  });

  it('reports an unlimited token with the 100000000 sentinel and tokens in TOKENS display', async () => {
    const unlimited = await startEmulator({ billing: { unlimited: true, displayType: 'TOKENS' } });
    try {
      const tokens = client(unlimited);
      const subscription = await (await tokens.get('/v1/dashboard/billing/subscription')).json();
      expect(subscription.hard_limit_usd).toBe(100000000);
      const usage = await (await tokens.get('/v1/dashboard/billing/usage')).json();
      expect(usage.total_usage).toBe(1_562_500 * 100);
    } finally {
      await unlimited.close();
    }
  });
});
