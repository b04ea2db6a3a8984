/** POST /v1/messages — Anthropic Messages API, JSON and native SSE (protocol §10.1). */
import { completionId, toolCallId } from './chat-completions.ts';
import { type Ctx, header, sendJson } from './context.ts';
import { claudeRequestViolation } from './contracts/anthropic-contract.ts';
import { contractsEnforced } from './contracts/strict-mode.ts';
import {
  errorBody,
  requireJsonBody,
  sendInvalidRequest,
  sendMissingModel,
  sendModelNotFound,
  sendUpstreamError,
} from './errors.ts';
import { hashHex } from './ids.ts';
import {
  asArray,
  asNumber,
  asObject,
  asString,
  type JsonObject,
  splitEven,
  splitText,
  tokenCount,
} from './json-util.ts';
import { isKnownModel } from './known-models.ts';
import {
  type Conversation,
  newConversation,
  replyTokens,
  scriptReply,
  type ToolResult,
} from './scripted-model.ts';
import { type StreamEvent, writeEventStream } from './sse.ts';

/** The signature issued for a thinking text (checked when it comes back). */
export function thinkingSignature(thinking: string): string {
  return `sig-${hashHex(`thinking:${thinking}`, 32)}`;
}

function blocks(content: unknown): JsonObject[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return asArray(content).map((b) => asObject(b) ?? {});
}

function blocksText(content: unknown): string {
  return blocks(content)
    .filter((b) => b.type === 'text')
    .map((b) => String(b.text ?? ''))
    .join('\n');
}

function conversationFromMessages(body: JsonObject, model: string): Conversation {
  const conv = newConversation(model);
  conv.systemText = typeof body.system === 'string' ? body.system : blocksText(body.system);
  const messages = asArray(body.messages).map((m) => asObject(m) ?? {});
  const names = new Map<string, string>();
  for (const m of messages) {
    for (const b of blocks(m.content))
      if (b.type === 'tool_use') names.set(String(b.id), String(b.name));
    // The last user text, also when later user turns carry only tool results.
    if (m.role === 'user' && blocksText(m.content)) conv.question = blocksText(m.content);
  }
  const last = messages[messages.length - 1];
  if (last?.role === 'user') {
    const content = blocks(last.content);
    const results: ToolResult[] = content
      .filter((b) => b.type === 'tool_result')
      .map((b) => {
        const callId = String(b.tool_use_id ?? '');
        const text = typeof b.content === 'string' ? b.content : blocksText(b.content);
        return { callId, name: names.get(callId), content: text };
      });
    conv.toolResults = results;
    if (results.length === 0) {
      conv.lastUserText = blocksText(last.content);
      for (const b of content) {
        const kind = b.type === 'image' ? 'image_url' : b.type === 'document' ? 'file' : undefined;
        if (kind) conv.attachments[kind] = (conv.attachments[kind] ?? 0) + 1;
      }
    }
  }
  for (const t of asArray(body.tools)) {
    const tool = asObject(t);
    const isCustom = tool?.type === undefined || tool.type === 'custom';
    if (isCustom && typeof tool?.name === 'string') {
      conv.tools.push({
        name: tool.name,
        description: asString(tool.description),
        parameters: tool.input_schema,
      });
    }
  }
  const choice = asObject(body.tool_choice);
  if (choice?.type === 'none') conv.toolChoice = { type: 'none' };
  else if (choice?.type === 'any') conv.toolChoice = { type: 'required' };
  else if (choice?.type === 'tool' && typeof choice.name === 'string')
    conv.toolChoice = { type: 'tool', name: choice.name };
  conv.parallelToolCalls = choice?.disable_parallel_tool_use !== true;
  const outputFormat =
    asObject(body.output_format) ?? asObject(asObject(body.output_config)?.format);
  if (outputFormat?.type === 'json_schema')
    conv.format = { type: 'json_schema', schema: outputFormat.schema };
  conv.schemaFromPrompt = true;
  const thinking = asObject(body.thinking);
  conv.reasoning = thinking?.type === 'enabled' || thinking?.type === 'adaptive';
  conv.maxOutputTokens = asNumber(body.max_tokens);
  return conv;
}

export async function handleMessages(ctx: Ctx): Promise<void> {
  const body = requireJsonBody(ctx);
  if (!body) return;
  const model = asString(body.model);
  if (!model) return sendMissingModel(ctx);
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  if (!Array.isArray(body.messages)) return sendInvalidRequest(ctx, 'field messages is required');
  if (contractsEnforced(ctx)) {
    const violation = claudeRequestViolation(body, model.replace(/^emulator-/, ''), {
      verifySignature: (block) =>
        block.signature === thinkingSignature(String(block.thinking ?? '')),
    });
    if (violation) {
      return sendUpstreamError(
        ctx,
        violation.status,
        violation.message,
        violation.type,
        violation.type,
      );
    }
  }

  const conv = conversationFromMessages(body, model);
  const reply = scriptReply(conv);
  const content: JsonObject[] = [];
  if (reply.reasoning) {
    content.push({
      type: 'thinking',
      thinking: reply.reasoning,
      signature: thinkingSignature(reply.reasoning),
    });
  }
  if (reply.text !== '') content.push({ type: 'text', text: reply.text });
  for (const call of reply.toolCalls) {
    content.push({
      type: 'tool_use',
      id: toolCallId(ctx, 'anthropic'),
      name: call.name,
      input: call.arguments,
    });
  }
  const input = tokenCount(
    JSON.stringify(body.messages) +
      JSON.stringify(body.system ?? '') +
      JSON.stringify(body.tools ?? ''),
  );
  const cached = Math.min(input, Number(header(ctx, 'x-emulator-cached-tokens') ?? 0) || 0);
  const output = replyTokens(reply).output;
  const usage = {
    input_tokens: input - cached,
    output_tokens: output,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
    claude_cache_creation_5_m_tokens: 0,
    claude_cache_creation_1_h_tokens: 0,
  };
  const stopReason =
    reply.finish === 'tool_calls'
      ? 'tool_use'
      : reply.finish === 'length'
        ? 'max_tokens'
        : 'end_turn';
  const message = {
    id: completionId(ctx, 'anthropic'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage,
  };
  if (body.stream !== true) return sendJson(ctx, 200, message);

  const events: StreamEvent[] = [];
  const push = (type: string, data: JsonObject = {}): void => {
    events.push({ event: type, data: { type, ...data } });
  };
  push('message_start', {
    message: {
      ...message,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  push('ping');
  content.forEach((block, index) => {
    if (block.type === 'thinking') {
      push('content_block_start', {
        index,
        content_block: { type: 'thinking', thinking: '', signature: '' },
      });
      for (const thinking of splitText(String(block.thinking))) {
        push('content_block_delta', { index, delta: { type: 'thinking_delta', thinking } });
      }
      push('content_block_delta', {
        index,
        delta: { type: 'signature_delta', signature: block.signature },
      });
    } else if (block.type === 'text') {
      push('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (const text of splitText(String(block.text))) {
        push('content_block_delta', { index, delta: { type: 'text_delta', text } });
      }
    } else {
      push('content_block_start', {
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      push('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
      for (const partial_json of splitEven(JSON.stringify(block.input), 3)) {
        push('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } });
      }
    }
    push('content_block_stop', { index });
  });
  push('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage });
  push('message_stop');
  await writeEventStream(
    ctx,
    events,
    {
      event: 'error',
      data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    },
    errorBody(ctx, { message: 'upstream stream aborted', code: 'bad_response_body' }),
  );
}
