/** new-api usage objects (protocol §3.8) with MixRouter's extra `output_tokens_details`. */
import type { JsonObject } from './json-util.ts';

export interface UsageCounts {
  prompt: number;
  completion: number;
  reasoning?: number;
  cached?: number;
  audio?: number;
  image?: number;
}

export function newApiUsage(u: UsageCounts): JsonObject {
  const details = {
    text_tokens: 0,
    audio_tokens: u.audio ?? 0,
    reasoning_tokens: u.reasoning ?? 0,
  };
  return {
    prompt_tokens: u.prompt,
    completion_tokens: u.completion,
    total_tokens: u.prompt + u.completion,
    prompt_tokens_details: {
      cached_tokens: u.cached ?? 0,
      text_tokens: u.prompt,
      audio_tokens: 0,
      image_tokens: 0,
    },
    completion_tokens_details: { ...details },
    output_tokens_details: { ...details },
    input_tokens: 0,
    output_tokens: 0,
    input_tokens_details: null,
    claude_cache_creation_5_m_tokens: 0,
    claude_cache_creation_1_h_tokens: 0,
  };
}
