import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/**
 * `POST /v1/rerank` success body, re-serialised by the gateway from the upstream's answer
 * (new-api: relay/common_handler/rerank.go, dto/rerank.go `RerankResponse`). Lenient:
 * `document` is a string or `{text}` depending on the upstream, and usage carries
 * new-api's extra keys. Index and score are checked by the model, so a bad entry gets a
 * message naming it rather than a schema dump.
 */
export const mixrouterRerankingResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      id: z.string().nullish(),
      model: z.string().nullish(),
      results: z.array(
        z.looseObject({
          index: z.unknown(),
          relevance_score: z.unknown(),
          document: z.unknown().optional(),
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
