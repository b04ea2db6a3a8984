import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

// new-api writes float64s; a customised build may quote them, so numeric strings are
// accepted too (anything else reads as "not reported").
const amount = () => z.union([z.number(), z.string()]).nullish();

/**
 * `GET /dashboard/billing/subscription` (new-api: controller/billing.go `GetSubscription`,
 * the OpenAI-compatible shape of one-api issue 79). Lenient: the gateway may drop or add
 * keys; a missing or non-numeric limit is read as "not reported".
 */
export const mixrouterSubscriptionResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      object: z.string().nullish(),
      hard_limit_usd: amount(),
      soft_limit_usd: amount(),
      system_hard_limit_usd: amount(),
      access_until: z.number().nullish(),
    }),
  ),
);

/** `GET /dashboard/billing/usage` (new-api: controller/billing.go `GetUsage`); `total_usage` is in cents. */
export const mixrouterUsageResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      object: z.string().nullish(),
      total_usage: amount(),
    }),
  ),
);
