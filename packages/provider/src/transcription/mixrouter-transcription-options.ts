import { type InferSchema, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/** `providerOptions.mixrouter` for transcription models. */
export const mixrouterTranscriptionOptionsSchema = lazySchema(() =>
  zodSchema(
    z.strictObject({
      /** ISO-639-1 language of the audio (improves accuracy and latency). */
      language: z.string().optional(),
      /** Text to guide the style or continue a previous segment. */
      prompt: z.string().optional(),
      /** Sampling temperature, 0–1. */
      temperature: z.number().min(0).max(1).optional(),
      /**
       * Wire format. Default `verbose_json` (segments, language, duration) for whisper-style
       * models and `json` for gpt-4o(-mini)-transcribe, which only support json/text.
       */
      responseFormat: z.enum(['json', 'verbose_json', 'text', 'srt', 'vtt']).optional(),
      /** Sent as `timestamp_granularities[]`; wins over the call's `timestampGranularities`. */
      timestampGranularities: z.array(z.enum(['word', 'segment'])).optional(),
      /** Extra form fields (non-strings JSON-encoded), added last. */
      extraBody: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
);

export type MixRouterTranscriptionOptions = InferSchema<typeof mixrouterTranscriptionOptionsSchema>;
