import { type InferSchema, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/** `providerOptions.mixrouter` for video models. */
export const mixrouterVideoOptionsSchema = lazySchema(() =>
  zodSchema(
    z.strictObject({
      /**
       * Submit route: `video/generations` (default, generic; polled at
       * `GET /video/generations/{id}`) or `videos` (OpenAI-Videos style, used by MixRouter's
       * Doubao example; polled at `GET /videos/{id}`).
       */
      endpoint: z.enum(['video/generations', 'videos']).optional(),
      /**
       * Vendor fields merged into the upstream payload by the gateway (e.g. Doubao
       * `camera_fixed`, `watermark`; Veo `negativePrompt`; Wan `prompt_extend`). They win
       * over the fields this provider derives from the call options.
       */
      metadata: z.record(z.string(), z.unknown()).optional(),
      /** Vendor `mode` (e.g. Kling `std`/`pro`). */
      mode: z.string().optional(),
      /** Extra top-level request fields, merged last (they win). */
      extraBody: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
);

export type MixRouterVideoOptions = InferSchema<typeof mixrouterVideoOptionsSchema>;
