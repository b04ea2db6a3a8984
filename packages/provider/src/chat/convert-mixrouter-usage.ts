import type { JSONObject, LanguageModelV4Usage } from '@ai-sdk/provider';
import { asRecord } from './read-mixrouter-message';

/** A token count: a finite number ≥ 0 (anything else a gateway sends counts as unknown). */
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
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
 * - Whether `completion_tokens` includes the reasoning tokens is read from the numbers,
 *   not assumed: OpenAI semantics include them (`prompt + completion = total`), but xAI
 *   relayed unchanged excludes them (`prompt + completion + reasoning = total`, e.g.
 *   12 + 1 + 290 = 303), while new-api's xAI channel
 *   rewrites `completion = total − prompt` (new-api: relay/channel/xai/text.go). So: when
 *   `prompt + completion + reasoning = total`, or the reasoning count exceeds the
 *   completion count, output = completion + reasoning; otherwise output = completion.
 * - Negative or non-finite counts are treated as absent.
 */
export function convertMixRouterUsage(
  usage: unknown,
  { anthropicSemantics = false }: { anthropicSemantics?: boolean } = {},
): LanguageModelV4Usage {
  const u = asRecord(usage);
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
  const promptDetails = asRecord(u.prompt_tokens_details);
  const completionDetails = asRecord(u.completion_tokens_details);
  const outputDetails = asRecord(u.output_tokens_details);

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

  const completion = num(u.completion_tokens) ?? num(u.output_tokens);
  const completionReasoning = num(completionDetails?.reasoning_tokens);
  const reasoning = completionReasoning
    ? completionReasoning
    : (num(outputDetails?.reasoning_tokens) ?? completionReasoning);
  const total = num(u.total_tokens);
  const excludesReasoning =
    completion !== undefined &&
    reasoning !== undefined &&
    reasoning > 0 &&
    ((total !== undefined && prompt !== undefined && prompt + completion + reasoning === total) ||
      reasoning > completion);
  const outputTotal =
    completion === undefined ? undefined : excludesReasoning ? completion + reasoning! : completion;
  const text =
    completion === undefined
      ? undefined
      : excludesReasoning
        ? completion
        : Math.max(0, completion - (reasoning ?? 0));

  return {
    inputTokens: { total: inputTotal, noCache, cacheRead, cacheWrite },
    outputTokens: { total: outputTotal, text, reasoning },
    raw: u as JSONObject,
  };
}
