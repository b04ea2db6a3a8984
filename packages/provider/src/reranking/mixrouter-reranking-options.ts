import { type InferSchema, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/** `providerOptions.mixrouter` for reranking models (new-api: dto/rerank.go `RerankRequest`). */
export const mixrouterRerankingOptionsSchema = lazySchema(() =>
  zodSchema(
    z.strictObject({
      /**
       * Ask the gateway to echo the documents (`return_documents`). Off by default: the AI
       * SDK already holds them, and the echo only costs bandwidth. When on, the echoed
       * documents are in `response.body`.
       */
      returnDocuments: z.boolean().optional(),
      /** `max_chunk_per_doc`: how many chunks a long document is split into (Jina-style upstreams). */
      maxChunkPerDoc: z.number().int().positive().optional(),
      /** `overlap_tokens`: token overlap between those chunks. */
      overlapTokens: z.number().int().nonnegative().optional(),
      /** Extra top-level request fields, merged last (they win). */
      extraBody: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
);

export type MixRouterRerankingOptions = InferSchema<typeof mixrouterRerankingOptionsSchema>;
