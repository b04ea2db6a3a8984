import { InvalidArgumentError, type LanguageModelV4FilePart } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import { describeMixRouterOptionIssues } from '../mixrouter-config';

export type MixRouterImageDetail = 'auto' | 'low' | 'high';

/** `providerOptions.mixrouter` on a file part of the prompt. */
export type MixRouterFilePartOptions = {
  /** `image_url.detail` for this image (wins over the call-level `imageDetail`). */
  imageDetail?: MixRouterImageDetail;
};

// Built on first use, like the call-level schemas (keeps the package's import fast).
let schema: z.ZodType<MixRouterFilePartOptions> | undefined;
const filePartOptionsSchema = () =>
  (schema ??= z.strictObject({ imageDetail: z.enum(['auto', 'low', 'high']).optional() }));

/**
 * A file part's `providerOptions.mixrouter`, validated as strictly as the call-level
 * options: a misspelt key or a value the gateway does not know (`imageDetail: 'ultra'`)
 * is an `InvalidArgumentError` before anything is sent, not a silent drop.
 */
export function parseMixRouterFilePartOptions(
  part: LanguageModelV4FilePart,
): MixRouterFilePartOptions {
  const value = part.providerOptions?.mixrouter;
  if (value == null) return {};
  const result = filePartOptionsSchema().safeParse(value);
  if (result.success) return result.data;
  throw new InvalidArgumentError({
    argument: 'providerOptions',
    message: `Invalid MixRouter provider options on a ${part.mediaType} file part: ${describeMixRouterOptionIssues(
      result.error.issues,
      'providerOptions.mixrouter',
    )}`,
    cause: result.error,
  });
}
