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

/** Reasons that mean the answer was cut off: they win over `tool-calls`. */
const CUT_OFF = new Set<LanguageModelV4FinishReason['unified']>([
  'length',
  'content-filter',
  'error',
]);

/**
 * Maps the gateway's `finish_reason` (OpenAI values, plus raw Claude stop reasons the
 * gateway passes through, protocol §3.6). When the answer carries tool calls the result
 * is `tool-calls` whatever the upstream said (Kimi/xAI answer `stop`, some send null),
 * so agent loops continue — except when the answer was cut off (`length`, a content
 * filter, an upstream failure): that is reported as such, and a call whose arguments
 * were cut off is not emitted at all (see the part builder). `raw` always keeps the
 * upstream string.
 */
export function mapMixRouterFinishReason(
  raw: string | null | undefined,
  { hasToolCalls }: { hasToolCalls: boolean },
): LanguageModelV4FinishReason {
  const rawValue = raw ?? undefined;
  const unified =
    (rawValue && Object.hasOwn(UNIFIED, rawValue) ? UNIFIED[rawValue] : undefined) ?? 'other';
  if (hasToolCalls && !CUT_OFF.has(unified)) return { unified: 'tool-calls', raw: rawValue };
  return { unified, raw: rawValue };
}
