import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/**
 * The non-stream chat response. Deliberately minimal and lenient: the gateway relays
 * upstream bodies byte-for-byte, so only the structure we walk is checked here; the
 * fields themselves are read with type guards (see read-mixrouter-message.ts) and a
 * field of an unexpected type is treated as absent. `total_tokens` may be missing,
 * `content` may be a string, null or an array of parts.
 */
export const mixrouterChatResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      id: z.unknown().optional(),
      created: z.unknown().optional(),
      model: z.unknown().optional(),
      choices: z
        .array(
          z.looseObject({
            message: z.unknown().optional(),
            finish_reason: z.unknown().optional(),
          }),
        )
        .nullish(),
      usage: z.unknown().optional(),
    }),
  ),
);
