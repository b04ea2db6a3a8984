import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

// Schemas are built on first use, not at import: zod object construction is a
// measurable share of the package's import time.
const jsonObject = () => z.record(z.string(), z.unknown());

/**
 * `providerOptions.mixrouter` for chat models. Strict: a typo or a wrong nesting is an
 * `InvalidArgumentError`, not a silently ignored key. Gateway fields this package does
 * not model go through `extraBody`.
 */
const mixrouterChatOptionsSchema = () =>
  z
    .object({
      /** End-user id forwarded as `user`. */
      user: z.string().optional(),
      /** `parallel_tool_calls` (Claude: `false` → `disable_parallel_tool_use`). */
      parallelToolCalls: z.boolean().optional(),
      /** `json_schema.strict` for structured output (default false). */
      strictJsonSchema: z.boolean().optional(),
      /** Provider-specific reasoning effort; wins over the top-level `reasoning` option. */
      reasoningEffort: z
        .enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'])
        .optional(),
      /** Thinking budget in tokens (Claude, Gemini 2.5); wins over the top-level `reasoning` option. */
      thinkingBudget: z.number().int().min(0).optional(),
      /** Split inline `<think>…</think>` / `<budget:thinking>` out of text into reasoning (default true). */
      extractReasoningTags: z.boolean().optional(),
      /** Audio output for gpt-4o-audio-preview / gpt-audio. */
      audio: z
        .object({
          voice: z.string(),
          format: z.enum(['wav', 'mp3', 'flac', 'opus', 'aac', 'pcm16']),
        })
        .strict()
        .optional(),
      /** Output modalities, e.g. `['text', 'audio']`. */
      modalities: z.array(z.enum(['text', 'audio', 'image'])).optional(),
      /** Default `image_url.detail` for every image in the prompt (a part's own `imageDetail` wins). */
      imageDetail: z.enum(['auto', 'low', 'high']).optional(),
      /** `verbosity` for gpt-5 models. */
      textVerbosity: z.enum(['low', 'medium', 'high']).optional(),
      /** Merged (deeply) into the request body last: the escape hatch for gateway fields. */
      extraBody: jsonObject().optional(),
    })
    .strict();

export type MixRouterChatOptions = z.infer<ReturnType<typeof mixrouterChatOptionsSchema>>;

export const mixrouterChatOptions = lazySchema(() => zodSchema(mixrouterChatOptionsSchema()));
