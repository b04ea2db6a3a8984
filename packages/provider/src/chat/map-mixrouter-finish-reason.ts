import type { LanguageModelV4FinishReason } from '@ai-sdk/provider';

const UNIFIED: Record<string, LanguageModelV4FinishReason['unified']> = {
  stop: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  tool_use: 'tool-calls',
  content_filter: 'content-filter',
  refusal: 'content-filter',
  insufficient_system_resource: 'error',
};

/**
 * Maps the gateway's `finish_reason` (OpenAI values, plus raw Claude stop reasons the
 * gateway passes through, protocol §3.6). Whenever the answer carries tool calls the
 * result is `tool-calls`, whatever the upstream said (Kimi/xAI answer `stop`, some send
 * null), so agent loops continue. `raw` always keeps the upstream string.
 */
export function mapMixRouterFinishReason(
  raw: string | null | undefined,
  { hasToolCalls }: { hasToolCalls: boolean },
): LanguageModelV4FinishReason {
  const rawValue = raw ?? undefined;
  if (hasToolCalls) return { unified: 'tool-calls', raw: rawValue };
  const unified = rawValue && Object.hasOwn(UNIFIED, rawValue) ? UNIFIED[rawValue] : undefined;
  return { unified: unified ?? 'other', raw: rawValue };
}
