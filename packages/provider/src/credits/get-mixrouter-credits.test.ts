import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import { createMixRouter } from '../mixrouter-main';
import subscriptionFixture from './__fixtures__/billing-subscription.json';
import unlimitedFixture from './__fixtures__/billing-subscription-unlimited.json';
import usageFixture from './__fixtures__/billing-usage.json';
import { mapMixRouterCredits } from './get-mixrouter-credits';

const BASE = 'https://api.mixrouter.test/v1';
const SUBSCRIPTION = `${BASE}/dashboard/billing/subscription`;
const USAGE = `${BASE}/dashboard/billing/usage`;
const server = createTestServer({ [SUBSCRIPTION]: {}, [USAGE]: {} });
const provider = createMixRouter({ apiKey: 'sk-test', baseURL: BASE });

describe('mapMixRouterCredits', () => {
  it('reads the limit in units and the usage in cents', () => {
    expect(mapMixRouterCredits({ hardLimit: 25.5, totalUsageCents: 312.3456 })).toEqual({
      limitUsd: 25.5,
      usedUsd: 3.123456,
      balanceUsd: 22.376544,
    });
  });

  it('treats the unlimited sentinel and missing values as undefined, never 0 or 1e8', () => {
    expect(mapMixRouterCredits({ hardLimit: 100000000, totalUsageCents: 50 })).toEqual({
      limitUsd: undefined,
      usedUsd: 0.5,
      balanceUsd: undefined,
    });
    expect(mapMixRouterCredits({ hardLimit: undefined, totalUsageCents: null })).toEqual({
      limitUsd: undefined,
      usedUsd: undefined,
      balanceUsd: undefined,
    });
    expect(mapMixRouterCredits({ hardLimit: Number.NaN, totalUsageCents: -1 })).toEqual({
      limitUsd: undefined,
      usedUsd: undefined,
      balanceUsd: undefined,
    });
  });

  it('reads quoted numbers and ignores anything else', () => {
    expect(mapMixRouterCredits({ hardLimit: '25.5', totalUsageCents: ' 250 ' })).toEqual({
      limitUsd: 25.5,
      usedUsd: 2.5,
      balanceUsd: 23,
    });
    expect(mapMixRouterCredits({ hardLimit: 'unlimited', totalUsageCents: '1e3' })).toEqual({
      limitUsd: undefined,
      usedUsd: undefined,
      balanceUsd: undefined,
    });
  });

  it('keeps a real zero and an overdrawn (negative) balance', () => {
    expect(mapMixRouterCredits({ hardLimit: 0, totalUsageCents: 0 })).toEqual({
      limitUsd: 0,
      usedUsd: 0,
      balanceUsd: 0,
    });
    expect(mapMixRouterCredits({ hardLimit: 1, totalUsageCents: 100.4 })).toEqual({
      limitUsd: 1,
      usedUsd: 1.004,
      balanceUsd: -0.004,
    });
  });
});

describe('provider.getCredits', () => {
  it('asks both billing routes with the Bearer key and our user agent', async () => {
    server.urls[SUBSCRIPTION].response = { type: 'json-value', body: subscriptionFixture };
    server.urls[USAGE].response = { type: 'json-value', body: usageFixture };
    const credits = await provider.getCredits();
    expect(credits).toEqual({ limitUsd: 25.5, usedUsd: 3.123456, balanceUsd: 22.376544 });
    expect(server.calls.map((call) => call.requestMethod)).toEqual(['GET', 'GET']);
    expect(server.calls.map((call) => call.requestUrl).sort()).toEqual([SUBSCRIPTION, USAGE]);
    for (const call of server.calls) {
      expect(call.requestHeaders.authorization).toBe('Bearer sk-test');
      expect(call.requestUserAgent).toContain('ai-sdk-mixrouter/');
    }
  });

  it('reports an unlimited token as an undefined limit and balance', async () => {
    server.urls[SUBSCRIPTION].response = { type: 'json-value', body: unlimitedFixture };
    server.urls[USAGE].response = { type: 'json-value', body: usageFixture };
    expect(await provider.getCredits()).toEqual({
      limitUsd: undefined,
      usedUsd: 3.123456,
      balanceUsd: undefined,
    });
  });

  it('raises the typed gateway error for a bad key', async () => {
    const body = {
      error: {
        message: '无效的令牌 (request id: 2026010112000012345678AbCdEfGh)',
        type: 'new_api_error',
        param: '',
        code: '',
      },
    };
    const response = { type: 'error', status: 401, body: JSON.stringify(body) } as const;
    server.urls[SUBSCRIPTION].response = response;
    server.urls[USAGE].response = response;
    const error = await provider.getCredits().catch((e: unknown) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'authentication', statusCode: 401, isRetryable: false });
  });

  it('raises the error new-api sends inside an HTTP 200 when the quota lookup fails', async () => {
    // controller/billing.go answers a failed lookup with c.JSON(200, {"error": …}).
    server.urls[SUBSCRIPTION].response = { type: 'json-value', body: subscriptionFixture };
    server.urls[USAGE].response = {
      type: 'json-value',
      body: { error: { message: 'record not found', type: 'new_api_error' } },
    };
    const error = await provider.getCredits().catch((e: unknown) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect((error as Error).message).toContain('record not found');
  });
});
