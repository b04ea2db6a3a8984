import { type InferSchema, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

/**
 * `providerOptions.mixrouter` for image models. Values are passed to the gateway as
 * given (vendors differ, so most are plain strings): e.g. quality `standard|hd` for
 * dall-e-3, `low|medium|high|auto` for gpt-image.
 */
export const mixrouterImageOptionsSchema = lazySchema(() =>
  zodSchema(
    z.strictObject({
      quality: z.string().optional(),
      /** dall-e-3: `vivid` or `natural`. */
      style: z.string().optional(),
      /** gpt-image: `transparent`, `opaque` or `auto`. */
      background: z.string().optional(),
      /** gpt-image: `png`, `jpeg` or `webp`. */
      outputFormat: z.string().optional(),
      /** gpt-image with jpeg/webp output: 0–100. */
      outputCompression: z.number().int().min(0).max(100).optional(),
      /** gpt-image: `auto` or `low`. */
      moderation: z.string().optional(),
      /** `url` or `b64_json`. Defaults to `b64_json` for dall-e (gpt-image always answers base64). */
      responseFormat: z.enum(['url', 'b64_json']).optional(),
      /** gpt-image edits: how closely to follow the input image. */
      inputFidelity: z.enum(['low', 'high']).optional(),
      user: z.string().optional(),
      /** Seedream/Qwen-style vendors: add a watermark. */
      watermark: z.boolean().optional(),
      /**
       * How edits (`files`) are sent to `/images/edits`: `multipart` uploads the files
       * (default for gpt-image, dall-e, flux and unknown families), `json` sends
       * `image`/`images` as URLs or data URIs (default for seedream and qwen-image, whose
       * upstream APIs take URLs).
       */
      editFormat: z.enum(['multipart', 'json']).optional(),
      /**
       * Extra top-level request fields, merged last (they win). For multipart edits each
       * value is sent as a form field (non-strings JSON-encoded). For Gemini image models
       * they are merged into the chat completion request.
       */
      extraBody: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
);

export type MixRouterImageOptions = InferSchema<typeof mixrouterImageOptionsSchema>;
