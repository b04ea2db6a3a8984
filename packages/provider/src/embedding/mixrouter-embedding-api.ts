import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/** `POST /v1/embeddings` success body (OpenAI passthrough; tolerant of missing keys). */
export const mixrouterEmbeddingResponseSchema = lazySchema(() =>
  zodSchema(
    z.object({
      model: z.string().nullish(),
      data: z.array(
        z.object({
          index: z.number().int().nonnegative().nullish(),
          // number[] for `encoding_format: float`, a base64 string of little-endian float32 for `base64`.
          embedding: z.union([z.array(z.number()), z.string()]),
        }),
      ),
      usage: z
        .looseObject({
          prompt_tokens: z.number().nullish(),
          total_tokens: z.number().nullish(),
        })
        .nullish(),
    }),
  ),
);
