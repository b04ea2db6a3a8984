import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/**
 * `POST /images/generations` and `/images/edits` success body. OpenAI passthrough, or the
 * gateway-built shape whose keys are always present with empty strings (protocol §6.1).
 */
export const mixrouterImageResponseSchema = lazySchema(() =>
  zodSchema(
    z.object({
      created: z.number().nullish(),
      data: z
        .array(
          z.object({
            b64_json: z.string().nullish(),
            url: z.string().nullish(),
            revised_prompt: z.string().nullish(),
          }),
        )
        .nullish(),
      usage: z
        .looseObject({
          input_tokens: z.number().nullish(),
          output_tokens: z.number().nullish(),
          total_tokens: z.number().nullish(),
          prompt_tokens: z.number().nullish(),
          completion_tokens: z.number().nullish(),
        })
        .nullish(),
    }),
  ),
);
