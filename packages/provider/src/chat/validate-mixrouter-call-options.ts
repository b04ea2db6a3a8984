import { InvalidArgumentError } from '@ai-sdk/provider';

/** The gateway rejects `max_tokens` ≥ 2^30 (new-api relay/helper/valid_request.go). */
export const MAX_OUTPUT_TOKENS_LIMIT = 2 ** 30;

/** The one `maxOutputTokens` check for every route, made before a request is sent. */
export function assertMixRouterMaxOutputTokens(maxOutputTokens: number | undefined): void {
  if (
    maxOutputTokens !== undefined &&
    (maxOutputTokens >= MAX_OUTPUT_TOKENS_LIMIT ||
      maxOutputTokens < 1 ||
      !Number.isInteger(maxOutputTokens))
  ) {
    throw new InvalidArgumentError({
      argument: 'maxOutputTokens',
      message: `maxOutputTokens must be a positive integer below 2^30 (got ${maxOutputTokens}); the gateway rejects larger values.`,
    });
  }
}
