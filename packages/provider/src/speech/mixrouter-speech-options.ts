import { type InferSchema, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/** `providerOptions.mixrouter` for speech models. */
export const mixrouterSpeechOptionsSchema = lazySchema(() =>
  zodSchema(
    z.strictObject({
      /**
       * Raw `response_format`, sent as given (no validation). Use it for vendor formats
       * outside mp3|wav|pcm|opus|aac|flac; otherwise prefer the `outputFormat` call option.
       */
      responseFormat: z.string().optional(),
      /** Extra top-level request fields, merged last (they win). */
      extraBody: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
);

export type MixRouterSpeechOptions = InferSchema<typeof mixrouterSpeechOptionsSchema>;
