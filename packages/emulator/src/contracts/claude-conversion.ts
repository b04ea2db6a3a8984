/**
 * The Claude request the gateway builds from a chat completions body (new-api:
 * relay/channel/claude/relay-claude.go `RequestOpenAI2ClaudeMessage`), reduced to what the
 * Anthropic contract checks: sampling fields, thinking, tool_choice and the message/block layout.
 * - thinking: MixRouter's top-level `thinking` (sister-docs:thinking相关说明), then stock
 *   new-api's `reasoning_effort` low/medium/high → budget 1280/2048/4096, then
 *   `reasoning.max_tokens` → budget (later ones win, as in the converter);
 * - `max_tokens` defaults to 8192 (the Claude setting's default) and is never raised;
 * - system messages leave `messages`; consecutive same-role string messages merge; `tool`
 *   messages become `tool_result` blocks appended to the preceding user turn; assistant
 *   `tool_calls` whose arguments are not a JSON object are dropped; empty content becomes "...".
 */
import { asArray, asNumber, asObject, asString, type JsonObject } from '../json-util.ts';
import { chatMessages, toolCallsOf } from './chat-messages.ts';

const EFFORT_BUDGET: Record<string, number> = { low: 1280, medium: 2048, high: 4096 };
export const CLAUDE_DEFAULT_MAX_TOKENS = 8192;

function claudeThinking(body: JsonObject): JsonObject | undefined {
  let thinking = asObject(body.thinking);
  const effort = asString(body.reasoning_effort);
  if (effort && EFFORT_BUDGET[effort]) {
    thinking = { type: 'enabled', budget_tokens: EFFORT_BUDGET[effort] };
  }
  const budget = asNumber(asObject(body.reasoning)?.max_tokens);
  if (budget !== undefined && budget > 0) thinking = { type: 'enabled', budget_tokens: budget };
  return thinking;
}

function claudeToolChoice(value: unknown): JsonObject | undefined {
  if (value === 'auto') return { type: 'auto' };
  if (value === 'required') return { type: 'any' };
  if (value === 'none') return { type: 'none' };
  const name = asString(asObject(asObject(value)?.function)?.name);
  return name ? { type: 'tool', name } : undefined;
}

function isObjectJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

function textBlocks(content: unknown): JsonObject[] {
  if (typeof content === 'string')
    return [{ type: 'text', text: content === '' ? '...' : content }];
  if (content === null || content === undefined) return [{ type: 'text', text: '...' }];
  return asArray(content)
    .map((p) => asObject(p) ?? {})
    .filter((p) => p.type !== 'text' || (typeof p.text === 'string' && p.text !== ''))
    .map((p) => (p.type === 'text' ? { type: 'text', text: p.text } : { type: 'image' }));
}

/** Converted Claude messages: `{role, content: blocks[]}`. */
export function claudeMessagesFromChat(body: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  for (const m of chatMessages(body)) {
    const role = asString(m.role) ?? 'user';
    if (role === 'system' || role === 'developer') continue;
    const last = out[out.length - 1];
    if (role === 'tool') {
      const block = { type: 'tool_result', tool_use_id: asString(m.tool_call_id) ?? '' };
      if (last?.role === 'user') (last.content as JsonObject[]).push(block);
      else out.push({ role: 'user', content: [block] });
      continue;
    }
    const blocks = textBlocks(m.content);
    if (role === 'assistant') {
      for (const call of toolCallsOf(m)) {
        const fn = asObject(call.function) ?? {};
        if (!isObjectJson(fn.arguments)) continue;
        blocks.push({ type: 'tool_use', id: asString(call.id) ?? '', name: fn.name });
      }
    }
    const claudeRole = role === 'assistant' ? 'assistant' : 'user';
    if (out.length === 0 && claudeRole !== 'user') {
      out.push({ role: 'user', content: [{ type: 'text', text: '...' }] });
    }
    const mergeable =
      last?.role === claudeRole &&
      typeof m.content === 'string' &&
      toolCallsOf(m).length === 0 &&
      (last.content as JsonObject[]).every((b) => b.type === 'text');
    if (mergeable) (last.content as JsonObject[]).push(...blocks);
    else out.push({ role: claudeRole, content: blocks });
  }
  return out;
}

/** The Claude request for a chat body (only the fields the contract reads). */
export function claudeRequestFromChat(body: JsonObject): JsonObject {
  const maxTokens = asNumber(body.max_completion_tokens) || asNumber(body.max_tokens);
  const request: JsonObject = {
    max_tokens: maxTokens && maxTokens > 0 ? maxTokens : CLAUDE_DEFAULT_MAX_TOKENS,
    messages: claudeMessagesFromChat(body),
  };
  if (body.temperature !== undefined && body.temperature !== null)
    request.temperature = body.temperature;
  if (body.top_p !== undefined && body.top_p !== null && body.top_p !== 0)
    request.top_p = body.top_p;
  if (body.top_k !== undefined && body.top_k !== null && body.top_k !== 0)
    request.top_k = body.top_k;
  const thinking = claudeThinking(body);
  if (thinking) request.thinking = thinking;
  const toolChoice = claudeToolChoice(body.tool_choice);
  if (toolChoice) request.tool_choice = toolChoice;
  // Function tools whose parameters are an object become Claude custom tools.
  request.tools = asArray(body.tools)
    .map((t) => asObject(asObject(t)?.function))
    .filter((fn): fn is JsonObject => asObject(fn?.parameters) !== undefined)
    .map((fn) => ({ name: fn.name }));
  return request;
}
