import { getFromApi } from '@ai-sdk/provider-utils';
import { buildRequestHeaders, type MixRouterConfig } from '../mixrouter-config';
import {
  createMixRouterJsonResponseHandler,
  mixrouterFailedResponseHandler,
} from '../mixrouter-error';
import {
  mixrouterSubscriptionResponseSchema,
  mixrouterUsageResponseSchema,
} from './mixrouter-credits-api';

/**
 * The key's credit, as the gateway's OpenAI-compatible billing routes report it. Each
 * field is `undefined` when the gateway does not report it or reports "unlimited".
 * "Usd" follows the routes' field names: the operator's display setting decides the
 * unit (USD by default; CNY or raw tokens when configured so).
 */
export type MixRouterCredits = {
  /** Total quota: remaining + used (`hard_limit_usd`). */
  limitUsd: number | undefined;
  /** Spent so far (`total_usage` / 100). */
  usedUsd: number | undefined;
  /** `limitUsd - usedUsd`: what is left to spend. */
  balanceUsd: number | undefined;
};

/**
 * new-api reports an unlimited-quota token as `hard_limit_usd: 100000000`
 * (controller/billing.go). No real balance reaches that, so it and anything above it
 * mean "no limit".
 */
export const MIXROUTER_UNLIMITED_QUOTA = 100_000_000;

// Quota is counted in 1/500000 USD (new-api: common.QuotaPerUnit); six decimals keep
// every representable amount and drop float noise from the cents conversion.
const round = (value: number) => Math.round(value * 1e6) / 1e6;

function readAmount(value: number | string | null | undefined): number | undefined {
  const number =
    typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return undefined;
  return number;
}

/** Pure mapping from the two billing bodies to {@link MixRouterCredits}. */
export function mapMixRouterCredits({
  hardLimit,
  totalUsageCents,
}: {
  hardLimit: number | string | null | undefined;
  totalUsageCents: number | string | null | undefined;
}): MixRouterCredits {
  const limit = readAmount(hardLimit);
  const limitUsd =
    limit === undefined || limit >= MIXROUTER_UNLIMITED_QUOTA ? undefined : round(limit);
  const cents = readAmount(totalUsageCents);
  const usedUsd = cents === undefined ? undefined : round(cents / 100);
  // Not clamped: new-api can overdraw a quota slightly (post-consume), and a negative
  // balance is the truth then.
  const balanceUsd =
    limitUsd === undefined || usedUsd === undefined ? undefined : round(limitUsd - usedUsd);
  return { limitUsd, usedUsd, balanceUsd };
}

/**
 * `GET {baseURL}/dashboard/billing/subscription` and `/dashboard/billing/usage`, both
 * with the Bearer key (new-api mounts them at `/dashboard/…` and `/v1/dashboard/…`:
 * router/dashboard.go, so they work under the default `/v1` base URL). Errors are the
 * same typed `MixRouterAPIError`s as on every other route, including the gateway's
 * habit of answering a failed lookup with HTTP 200 and an `{"error":…}` body.
 */
export async function getMixRouterCredits({
  config,
  abortSignal,
  headers,
}: {
  config: MixRouterConfig;
  abortSignal?: AbortSignal;
  headers?: Record<string, string | undefined>;
}): Promise<MixRouterCredits> {
  const get = <T>(
    path: string,
    schema: Parameters<typeof createMixRouterJsonResponseHandler<T>>[0],
  ) =>
    getFromApi({
      url: config.url(path),
      headers: buildRequestHeaders(config, headers),
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler: createMixRouterJsonResponseHandler(schema),
      abortSignal,
      fetch: config.fetch,
    });
  const [subscription, usage] = await Promise.all([
    get('/dashboard/billing/subscription', mixrouterSubscriptionResponseSchema),
    get('/dashboard/billing/usage', mixrouterUsageResponseSchema),
  ]);
  return mapMixRouterCredits({
    hardLimit: subscription.value.hard_limit_usd,
    totalUsageCents: usage.value.total_usage,
  });
}
