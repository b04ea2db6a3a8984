import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/** `POST /audio/transcriptions` JSON body: plain `json` (`{text}`) or `verbose_json`. */
export const mixrouterTranscriptionResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      text: z.string(),
      language: z.string().nullish(),
      duration: z.number().nullish(),
      segments: z
        .array(
          z.looseObject({
            text: z.string(),
            start: z.number(),
            end: z.number(),
          }),
        )
        .nullish(),
      words: z
        .array(
          z.looseObject({
            word: z.string(),
            start: z.number(),
            end: z.number(),
          }),
        )
        .nullish(),
      usage: z.looseObject({}).nullish(),
    }),
  ),
);
