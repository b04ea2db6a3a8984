/** Normalises a `/v1/chat/completions` body into a `Conversation` (protocol §2). */
import { asArray, asNumber, asObject, asString, type JsonObject } from './json-util.ts';
import type { Family } from './model-family.ts';
import {
  type Conversation,
  newConversation,
  type OutputFormat,
  type ToolChoice,
  type ToolResult,
  type ToolSpec,
} from './scripted-model.ts';

const PART_KINDS = ['image_url', 'input_audio', 'audio_url', 'video_url', 'file'];

/** Text of a message `content` (string or array of parts). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((p) => {
      const part = asObject(p);
      return part?.type === 'text' ? (asString(part.text) ?? '') : '';
    })
    .filter(Boolean)
    .join('\n');
}

function countParts(content: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of asArray(content)) {
    const type = asString(asObject(p)?.type);
    if (type && PART_KINDS.includes(type)) counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

function chatTools(body: JsonObject): ToolSpec[] {
  const tools: ToolSpec[] = [];
  for (const t of asArray(body.tools)) {
    const tool = asObject(t);
    const fn = asObject(tool?.function) ?? asObject(tool?.custom);
    const name = asString(fn?.name);
    if (name)
      tools.push({ name, description: asString(fn?.description), parameters: fn?.parameters });
  }
  for (const f of asArray(body.functions)) {
    const fn = asObject(f);
    const name = asString(fn?.name);
    if (name)
      tools.push({ name, description: asString(fn?.description), parameters: fn?.parameters });
  }
  return tools;
}

function chatToolChoice(value: unknown): ToolChoice {
  if (value === 'none' || value === 'required' || value === 'auto') return { type: value };
  const name =
    asString(asObject(asObject(value)?.function)?.name) ?? asString(asObject(value)?.name);
  return name ? { type: 'tool', name } : { type: 'auto' };
}

function chatFormat(body: JsonObject): OutputFormat {
  const rf = asObject(body.response_format);
  if (rf?.type === 'json_schema') {
    return { type: 'json_schema', schema: asObject(rf.json_schema)?.schema ?? { type: 'object' } };
  }
  if (rf?.type === 'json_object') return { type: 'json_object' };
  return { type: 'text' };
}

/** Whether the request asks for reasoning output (see README trigger rules). */
export function wantsChatReasoning(body: JsonObject, model: string, family: Family): boolean {
  const id = model.toLowerCase();
  if (/thinking/.test(id) && !/non-?thinking|nothinking/.test(id)) return true;
  if (/deepseek-reasoner/.test(id)) return true;
  const thinking = asObject(body.thinking);
  const thinkingOn = thinking?.type === 'enabled' || thinking?.type === 'adaptive';
  const effort = asString(body.reasoning_effort);
  const effortOn = effort !== undefined && effort !== 'none';
  switch (family) {
    case 'openai':
      return effortOn;
    case 'anthropic':
      return thinkingOn || effortOn || asObject(body.reasoning) !== undefined;
    case 'google': {
      const tc = asObject(asObject(asObject(body.extra_body)?.google)?.thinking_config);
      if (tc) {
        if (tc.include_thoughts === true) return true;
        return (asNumber(tc.thinking_budget) ?? 0) > 0 && tc.include_thoughts !== false;
      }
      return thinkingOn;
    }
    case 'qwen':
      return body.enable_thinking === true || thinkingOn;
    default:
      return thinkingOn || effortOn;
  }
}

export function conversationFromChat(
  body: JsonObject,
  model: string,
  family: Family,
): Conversation {
  const conv = newConversation(model);
  const messages = asArray(body.messages).map((m) => asObject(m) ?? {});
  const toolNames = new Map<string, string>();
  const systemParts: string[] = [];
  for (const m of messages) {
    if (m.role === 'system' || m.role === 'developer') systemParts.push(contentText(m.content));
    for (const call of asArray(m.tool_calls)) {
      const c = asObject(call);
      const id = asString(c?.id);
      const name = asString(asObject(c?.function)?.name);
      if (id && name) toolNames.set(id, name);
    }
  }
  conv.systemText = systemParts.join('\n');

  const trailing: ToolResult[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== 'tool' && m.role !== 'function') break;
    const callId = asString(m.tool_call_id) ?? '';
    const content = typeof m.content === 'string' ? m.content : contentText(m.content);
    trailing.unshift({ callId, name: toolNames.get(callId) ?? asString(m.name), content });
  }
  conv.toolResults = trailing;

  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  if (lastUser) conv.question = contentText(lastUser.content);
  if (trailing.length === 0 && lastUser) {
    conv.lastUserText = contentText(lastUser.content);
    conv.attachments = countParts(lastUser.content);
  }
  conv.tools = chatTools(body);
  conv.toolChoice = chatToolChoice(body.tool_choice);
  conv.parallelToolCalls = body.parallel_tool_calls !== false;
  // The Claude converter ignores response_format (protocol §4.3); a schema in the prompt still works.
  conv.format = family === 'anthropic' ? { type: 'text' } : chatFormat(body);
  conv.schemaFromPrompt = true;
  conv.reasoning = wantsChatReasoning(body, model, family);
  conv.maxOutputTokens = asNumber(body.max_completion_tokens) ?? asNumber(body.max_tokens);
  return conv;
}
