import { type InferSchema, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/** `providerOptions.mixrouter` for embedding models. */
export const mixrouterEmbeddingOptionsSchema = lazySchema(() =>
  zodSchema(
    z.strictObject({
      /** Output dimensions (text-embedding-3-*, some Gemini models). Wins over the call's `dimensions`. */
      dimensions: z.number().int().positive().optional(),
      /** Wire encoding. `base64` is smaller on the wire; it is decoded to numbers either way. */
      encodingFormat: z.enum(['float', 'base64']).optional(),
      /** End-user id, forwarded as `user`. */
      user: z.string().optional(),
    }),
  ),
);

export type MixRouterEmbeddingOptions = InferSchema<typeof mixrouterEmbeddingOptionsSchema>;
