/**
 * new-api's OpenAI-compatible billing routes (controller/billing.go, router/dashboard.go),
 * mounted at `/dashboard/billing/*` and `/v1/dashboard/billing/*`.
 */
import { type Ctx, sendJson } from './context.ts';
import type { EmulatorBilling } from './state.ts';

/** new-api: common.QuotaPerUnit — quota points per display unit (USD). */
export const QUOTA_PER_UNIT = 500_000;

/** Quota points → the operator's display unit (GetQuotaDisplayType). */
function toDisplay(billing: EmulatorBilling, quota: number): number {
  switch (billing.displayType) {
    case 'TOKENS':
      return quota;
    case 'CNY':
      return (quota / QUOTA_PER_UNIT) * billing.usdExchangeRate;
    default:
      return quota / QUOTA_PER_UNIT;
  }
}

export function handleBillingSubscription(ctx: Ctx): void {
  const billing = ctx.state.billing;
  // Unlimited-quota tokens get the fixed amount 100000000 in every limit field.
  const amount = billing.unlimited
    ? 100_000_000
    : toDisplay(billing, billing.remainQuota + billing.usedQuota);
  sendJson(ctx, 200, {
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: amount,
    hard_limit_usd: amount,
    system_hard_limit_usd: amount,
    access_until: billing.accessUntil,
  });
}

export function handleBillingUsage(ctx: Ctx): void {
  const billing = ctx.state.billing;
  // total_usage is in hundredths of the display unit (OpenAI's old cents convention).
  sendJson(ctx, 200, { object: 'list', total_usage: toDisplay(billing, billing.usedQuota) * 100 });
}
