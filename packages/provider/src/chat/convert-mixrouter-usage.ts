import type { JSONObject, LanguageModelV4Usage } from '@ai-sdk/provider';

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Converts the gateway's usage object (protocol §3.8) to the V4 shape.
 *
 * - Cache reads: `prompt_tokens_details.cached_tokens` (DeepSeek: `prompt_cache_hit_tokens`).
 * - Cache writes: `prompt_tokens_details.cached_creation_tokens`, else the Claude TTL split
 *   `claude_cache_creation_5_m_tokens + claude_cache_creation_1_h_tokens`.
 * - Claude conversions report `prompt_tokens` without cache reads/writes unless the
 *   gateway flags `usage_semantic: "openai"`; V4 wants the total, so they are added.
 * - Reasoning: `completion_tokens_details.reasoning_tokens`, else MixRouter's
 *   `output_tokens_details.reasoning_tokens`.
 */
export function convertMixRouterUsage(
  usage: unknown,
  { anthropicSemantics = false }: { anthropicSemantics?: boolean } = {},
): LanguageModelV4Usage {
  const u = obj(usage);
  if (u === undefined) {
    return {
      inputTokens: {
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const promptDetails = obj(u.prompt_tokens_details);
  const completionDetails = obj(u.completion_tokens_details);
  const outputDetails = obj(u.output_tokens_details);

  const prompt = num(u.prompt_tokens) ?? num(u.input_tokens);
  const cacheRead = num(promptDetails?.cached_tokens) ?? num(u.prompt_cache_hit_tokens);
  const claudeWrites =
    (num(u.claude_cache_creation_5_m_tokens) ?? 0) + (num(u.claude_cache_creation_1_h_tokens) ?? 0);
  const cacheWrite =
    num(promptDetails?.cached_creation_tokens) ?? (claudeWrites > 0 ? claudeWrites : undefined);

  const excludesCache = anthropicSemantics && u.usage_semantic !== 'openai';
  const inputTotal =
    prompt === undefined
      ? undefined
      : excludesCache
        ? prompt + (cacheRead ?? 0) + (cacheWrite ?? 0)
        : prompt;
  const noCache =
    inputTotal === undefined
      ? undefined
      : Math.max(0, inputTotal - (cacheRead ?? 0) - (cacheWrite ?? 0));

  const outputTotal = num(u.completion_tokens) ?? num(u.output_tokens);
  const completionReasoning = num(completionDetails?.reasoning_tokens);
  const reasoning = completionReasoning
    ? completionReasoning
    : (num(outputDetails?.reasoning_tokens) ?? completionReasoning);
  const text = outputTotal === undefined ? undefined : Math.max(0, outputTotal - (reasoning ?? 0));

  return {
    inputTokens: { total: inputTotal, noCache, cacheRead, cacheWrite },
    outputTokens: { total: outputTotal, text, reasoning },
    raw: u as JSONObject,
  };
}
