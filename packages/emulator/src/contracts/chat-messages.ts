/** Readers over chat `messages` shared by the contracts (pure, linear in the message count). */
import { contentText } from '../chat-request.ts';
import { asArray, asObject, asString, type JsonObject } from '../json-util.ts';

export function chatMessages(body: JsonObject): JsonObject[] {
  return asArray(body.messages).map((m) => asObject(m) ?? {});
}

export function toolCallsOf(message: JsonObject): JsonObject[] {
  return asArray(message.tool_calls).map((c) => asObject(c) ?? {});
}

/** Index of the last `user` message, or -1. */
export function lastUserIndex(messages: readonly JsonObject[]): number {
  return messages.findLastIndex((m) => m.role === 'user');
}

/** Indexes of assistant messages that carry tool calls. */
export function assistantToolCallIndexes(messages: readonly JsonObject[]): number[] {
  const out: number[] = [];
  messages.forEach((m, i) => {
    if (m.role === 'assistant' && toolCallsOf(m).length > 0) out.push(i);
  });
  return out;
}

/** Whether the message carries a `reasoning_content` string (empty counts: DeepSeek accepts ""). */
export function hasReasoningContent(message: JsonObject): boolean {
  return typeof message.reasoning_content === 'string';
}

/** The `tool_call_id`s of a run of tool messages starting at `start`. */
export function toolReplyIds(messages: readonly JsonObject[], start: number): string[] {
  const ids: string[] = [];
  for (let i = start; i < messages.length && messages[i].role === 'tool'; i++) {
    ids.push(asString(messages[i].tool_call_id) ?? '');
  }
  return ids;
}

/** Whether any message text mentions "json" (case-insensitive), as JSON mode requires. */
export function messagesMentionJson(body: JsonObject): boolean {
  return chatMessages(body).some((m) => contentText(m.content).toLowerCase().includes('json'));
}
