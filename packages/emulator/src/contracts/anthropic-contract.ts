/**
 * Anthropic Messages contract, checked on a Claude-format request: the native `/v1/messages`
 * body as sent, or the request the gateway converts a chat completions body into
 * (claude-conversion.ts). Sources:
 * - https://docs.claude.com/en/docs/build-with-claude/extended-thinking (budget_tokens ≥ 1024 and
 *   < max_tokens; "Thinking isn't compatible with temperature or top_k modifications as well as
 *   forced tool use"; top_p may be set between 0.95 and 1; the last assistant turn of a tool loop
 *   must start with its thinking block)
 * - https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use (each tool_use
 *   needs a tool_result in the next user message, each tool_result a tool_use before it)
 * - https://docs.claude.com/en/docs/about-claude/models/overview (max output tokens per model)
 * - recorded 400 texts, e.g. "Thinking may not be enabled when tool_choice forces tool use."
 *   (seen verbatim in many public clients), "`top_k` is not supported with thinking." and the
 *   `temperature` / `max_tokens` texts below. The `top_p` text follows the same wording; the
 *   docs' 0.95 floor replaced an older blanket refusal, no recording of the new text was found.
 */
import { asArray, asNumber, asObject, asString, type JsonObject } from '../json-util.ts';
import { type ContractViolation, invalidRequest } from './contract-types.ts';

const DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

/** Largest `max_tokens` per model (models overview, "Max output"). */
export const CLAUDE_MAX_OUTPUT: Readonly<Record<string, number>> = {
  'claude-opus-4-20250514': 32_000,
  'claude-sonnet-4-20250514': 64_000,
  'claude-sonnet-4-5-20250929': 64_000,
  'claude-opus-4-5-20251101': 64_000,
};

/**
 * Models that take `thinking.type: "adaptive"` (extended-thinking page: adaptive thinking
 * arrived with Claude Opus 4.6); older models know only `enabled` and `disabled`.
 */
const ADAPTIVE_PATTERN = /^claude-(opus|sonnet)-4-([6-9]|\d{2})/;

export function thinkingTypeError(body: JsonObject, model: string): string | undefined {
  const type = asObject(body.thinking)?.type;
  if (type !== 'adaptive' || ADAPTIVE_PATTERN.test(model)) return undefined;
  return "thinking: Input tag 'adaptive' found using 'type' does not match any of the expected tags: 'disabled', 'enabled'";
}

function claudeError(message: string): ContractViolation {
  return invalidRequest(message);
}

/**
 * Anthropic's 400 text for an invalid extended-thinking config, or undefined.
 * `budgetOptional`: MixRouter's chat route documents `budget_tokens` as optional.
 */
export function thinkingConfigError(body: JsonObject, budgetOptional = false): string | undefined {
  const thinking = asObject(body.thinking);
  if (thinking?.type !== 'enabled' && thinking?.type !== 'adaptive') return undefined;
  if (thinking.type === 'enabled') {
    const budget = asNumber(thinking.budget_tokens);
    if (budget === undefined && !budgetOptional) {
      return 'thinking.enabled.budget_tokens: Field required';
    }
    if (budget !== undefined && budget < 1024) {
      return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
    }
    const maxTokens = asNumber(body.max_tokens) ?? 8192;
    if (budget !== undefined && maxTokens <= budget) {
      return `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${DOCS}#max-tokens-and-context-window-size`;
    }
  }
  const temperature = asNumber(body.temperature);
  if (temperature !== undefined && temperature !== 1) {
    return `\`temperature\` may only be set to 1 when thinking is enabled or in interleaved-thinking mode. Please consult our documentation at ${DOCS}#feature-compatibility`;
  }
  const topP = asNumber(body.top_p);
  if (topP !== undefined && topP < 0.95) {
    return `\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. Please consult our documentation at ${DOCS}#feature-compatibility`;
  }
  if (body.top_k !== undefined && body.top_k !== null) {
    return '`top_k` is not supported with thinking.';
  }
  const choice = asString(asObject(body.tool_choice)?.type);
  if (choice === 'any' || choice === 'tool') {
    return 'Thinking may not be enabled when tool_choice forces tool use.';
  }
  return undefined;
}

export function maxTokensError(body: JsonObject, model: string): string | undefined {
  const max = CLAUDE_MAX_OUTPUT[model];
  const maxTokens = asNumber(body.max_tokens);
  if (max === undefined || maxTokens === undefined || maxTokens <= max) return undefined;
  return `max_tokens: ${maxTokens} > ${max}, which is the maximum allowed number of output tokens for ${model}`;
}

function blocksOf(message: JsonObject | undefined): JsonObject[] {
  const content = message?.content;
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return asArray(content).map((b) => asObject(b) ?? {});
}

/** tool_use blocks must be answered in the next message, tool_result blocks must answer one. */
export function toolPairingError(messages: readonly JsonObject[]): string | undefined {
  for (let i = 0; i < messages.length; i++) {
    const blocks = blocksOf(messages[i]);
    const previousIds = new Set(
      blocksOf(messages[i - 1])
        .filter((b) => b.type === 'tool_use')
        .map((b) => String(b.id)),
    );
    for (let j = 0; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.type === 'tool_result' && !previousIds.has(String(b.tool_use_id))) {
        return `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(b.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
      }
    }
    const uses = blocks.filter((b) => b.type === 'tool_use').map((b) => String(b.id));
    if (uses.length === 0) continue;
    const answered = new Set(
      blocksOf(messages[i + 1])
        .filter((b) => b.type === 'tool_result')
        .map((b) => String(b.tool_use_id)),
    );
    const missing = uses.filter((id) => !answered.has(id));
    if (missing.length > 0 && i + 1 < messages.length) {
      return `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
  }
  return undefined;
}

const ID_PATTERN = /^[a-zA-Z0-9_-]+$/;
const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,128}$/;

/**
 * Block ids and tool names follow Anthropic's patterns (a Kimi id such as
 * `functions.get_weather:0` replayed to Claude is refused).
 */
export function idPatternError(request: JsonObject): string | undefined {
  const tools = asArray(request.tools).map((t) => asObject(t) ?? {});
  for (let i = 0; i < tools.length; i++) {
    const name = asString(tools[i].name);
    if (name !== undefined && tools[i].type === undefined && !NAME_PATTERN.test(name)) {
      return `tools.${i}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
    }
  }
  const messages = asArray(request.messages).map((m) => asObject(m) ?? {});
  for (let i = 0; i < messages.length; i++) {
    const blocks = blocksOf(messages[i]);
    for (let j = 0; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.type === 'tool_use' && !ID_PATTERN.test(String(b.id))) {
        return `messages.${i}.content.${j}.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'`;
      }
      if (b.type === 'tool_result' && !ID_PATTERN.test(String(b.tool_use_id))) {
        return `messages.${i}.content.${j}.tool_result.tool_use_id: String should match pattern '^[a-zA-Z0-9_-]+$'`;
      }
    }
  }
  return undefined;
}

/** With thinking on, the last assistant turn that used tools must start with a thinking block. */
export function missingThinkingBlockError(
  messages: readonly JsonObject[],
  verifySignature?: (block: JsonObject) => boolean,
): string | undefined {
  const index = messages.findLastIndex((m) => m.role === 'assistant');
  if (index < 0) return undefined;
  const blocks = blocksOf(messages[index]);
  if (!blocks.some((b) => b.type === 'tool_use')) return undefined;
  const first = blocks[0];
  if (first.type === 'redacted_thinking') return undefined;
  if (first.type !== 'thinking') {
    return `messages.${index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(first.type)}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at ${DOCS}`;
  }
  if (verifySignature && !verifySignature(first)) {
    return `messages.${index}.content.0: Invalid \`signature\` in \`thinking\` block`;
  }
  return undefined;
}

/** Pydantic-style field errors Anthropic returns for out-of-schema values. */
export function fieldError(request: JsonObject): string | undefined {
  const temperature = asNumber(request.temperature);
  if (temperature !== undefined && temperature > 1) {
    return 'temperature: Input should be less than or equal to 1';
  }
  const messages = asArray(request.messages).map((m) => asObject(m) ?? {});
  const index = messages.findIndex((m) => m.role !== 'user' && m.role !== 'assistant');
  return index >= 0 ? `messages.${index}.role: Input should be 'user' or 'assistant'` : undefined;
}

export interface ClaudeCheckOptions {
  budgetOptional?: boolean;
  verifySignature?: (block: JsonObject) => boolean;
}

/** Every Anthropic check on a Claude-format request, in the order the API reports them. */
export function claudeRequestViolation(
  request: JsonObject,
  model: string,
  options: ClaudeCheckOptions = {},
): ContractViolation | undefined {
  const messages = asArray(request.messages).map((m) => asObject(m) ?? {});
  const thinkingOn = ['enabled', 'adaptive'].includes(String(asObject(request.thinking)?.type));
  const problem =
    fieldError(request) ??
    thinkingTypeError(request, model) ??
    maxTokensError(request, model) ??
    idPatternError(request) ??
    thinkingConfigError(request, options.budgetOptional) ??
    toolPairingError(messages) ??
    (thinkingOn ? missingThinkingBlockError(messages, options.verifySignature) : undefined);
  return problem ? claudeError(problem) : undefined;
}
