/** POST /v1/responses — OpenAI Responses API, JSON and SSE (protocol §11). */
import { toolCallId } from './chat-completions.ts';
import { type Ctx, header, sendJson } from './context.ts';
import { responsesContractViolation } from './contracts/responses-contract.ts';
import { contractsEnforced } from './contracts/strict-mode.ts';
import {
  errorBody,
  requireJsonBody,
  sendInvalidRequest,
  sendMissingModel,
  sendModelNotFound,
  sendUpstreamError,
} from './errors.ts';
import { hashHex, unixSeconds } from './ids.ts';
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
import { isOpenAIReasoningModel } from './model-family.ts';
import {
  type Conversation,
  newConversation,
  replyTokens,
  type ScriptedReply,
  scriptReply,
  type ToolResult,
} from './scripted-model.ts';
import { type StreamEvent, writeEventStream } from './sse.ts';

const ATTACHMENT_KIND: Record<string, string> = {
  input_image: 'image_url',
  input_file: 'file',
  input_audio: 'input_audio',
};

function partsText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((p) => asString(asObject(p)?.text) ?? '')
    .filter(Boolean)
    .join('\n');
}

function conversationFromResponses(body: JsonObject, model: string): Conversation {
  const conv = newConversation(model);
  const system: string[] = [];
  if (typeof body.instructions === 'string') system.push(body.instructions);
  const items =
    typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : asArray(body.input);
  const names = new Map<string, string>();
  for (const raw of items) {
    const item = asObject(raw) ?? {};
    if (item.type === 'function_call') names.set(String(item.call_id), String(item.name));
    if (item.role === 'system' || item.role === 'developer') system.push(partsText(item.content));
  }
  conv.systemText = system.join('\n');
  const results: ToolResult[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = asObject(items[i]) ?? {};
    if (item.type !== 'function_call_output') break;
    const callId = String(item.call_id ?? '');
    const output = typeof item.output === 'string' ? item.output : JSON.stringify(item.output);
    results.unshift({ callId, name: names.get(callId), content: output });
  }
  conv.toolResults = results;
  const lastUser = [...items]
    .reverse()
    .map(asObject)
    .find((item) => item?.role === 'user');
  if (lastUser) conv.question = partsText(lastUser.content);
  if (results.length === 0 && lastUser) {
    conv.lastUserText = partsText(lastUser.content);
    for (const p of asArray(lastUser.content)) {
      const kind = ATTACHMENT_KIND[String(asObject(p)?.type)];
      if (kind) conv.attachments[kind] = (conv.attachments[kind] ?? 0) + 1;
    }
  }
  for (const t of asArray(body.tools)) {
    const tool = asObject(t);
    if (tool?.type === 'function' && typeof tool.name === 'string') {
      conv.tools.push({
        name: tool.name,
        description: asString(tool.description),
        parameters: tool.parameters,
      });
    }
  }
  const choice = body.tool_choice;
  if (choice === 'none' || choice === 'required' || choice === 'auto')
    conv.toolChoice = { type: choice };
  else if (typeof asObject(choice)?.name === 'string')
    conv.toolChoice = { type: 'tool', name: String(asObject(choice)?.name) };
  conv.parallelToolCalls = body.parallel_tool_calls !== false;
  const format = asObject(asObject(body.text)?.format);
  if (format?.type === 'json_schema')
    conv.format = { type: 'json_schema', schema: format.schema ?? { type: 'object' } };
  else if (format?.type === 'json_object') conv.format = { type: 'json_object' };
  const reasoning = asObject(body.reasoning);
  conv.reasoning =
    reasoning?.effort !== 'none' && (reasoning !== undefined || isOpenAIReasoningModel(model));
  conv.maxOutputTokens = asNumber(body.max_output_tokens);
  return conv;
}

interface Built {
  response: JsonObject;
  items: JsonObject[];
}

function buildResponse(
  ctx: Ctx,
  body: JsonObject,
  model: string,
  reply: ScriptedReply,
  conv: Conversation,
): Built {
  const n = ctx.state.counters.next('response');
  const seed = `resp:${n}`;
  const reasoningCfg = asObject(body.reasoning);
  const items: JsonObject[] = [];
  if (reply.reasoning) {
    const item: JsonObject = {
      id: `rs_${hashHex(`${seed}:rs`, 48)}`,
      type: 'reasoning',
      summary: reasoningCfg?.summary ? [{ type: 'summary_text', text: reply.reasoning }] : [],
    };
    if (asArray(body.include).includes('reasoning.encrypted_content')) {
      item.encrypted_content = `enc-${hashHex(reply.reasoning, 32)}`;
    }
    items.push(item);
  }
  if (reply.text !== '' || reply.toolCalls.length === 0) {
    items.push({
      id: `msg_${hashHex(`${seed}:msg`, 48)}`,
      type: 'message',
      status: reply.finish === 'length' ? 'incomplete' : 'completed',
      content: [{ type: 'output_text', annotations: [], logprobs: [], text: reply.text }],
      role: 'assistant',
    });
  }
  reply.toolCalls.forEach((call, i) => {
    items.push({
      id: `fc_${hashHex(`${seed}:fc:${i}`, 48)}`,
      type: 'function_call',
      status: 'completed',
      arguments: JSON.stringify(call.arguments),
      call_id: toolCallId(ctx, 'openai'),
      name: call.name,
    });
  });
  const tokens = replyTokens(reply);
  const input =
    tokenCount(JSON.stringify(body.input ?? '') + String(body.instructions ?? '')) +
    tokenCount(JSON.stringify(body.tools ?? ''));
  const cached = Math.min(input, Number(header(ctx, 'x-emulator-cached-tokens') ?? 0) || 0);
  const incomplete = reply.finish === 'length';
  const response: JsonObject = {
    id: `resp_${hashHex(seed, 48)}`,
    object: 'response',
    created_at: unixSeconds(),
    status: incomplete ? 'incomplete' : 'completed',
    background: false,
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output: items,
    parallel_tool_calls: conv.parallelToolCalls,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: {
      effort: reasoningCfg?.effort ?? (conv.reasoning ? 'medium' : null),
      summary: reasoningCfg?.summary ?? null,
    },
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: {
      input_tokens: input,
      input_tokens_details: { cached_tokens: cached },
      output_tokens: tokens.output,
      output_tokens_details: { reasoning_tokens: tokens.reasoning },
      total_tokens: input + tokens.output,
    },
    user: null,
    metadata: body.metadata ?? {},
  };
  return { response, items };
}

function streamEvents(built: Built): StreamEvent[] {
  const events: StreamEvent[] = [];
  const push = (type: string, data: JsonObject): void => {
    events.push({ event: type, data: { type, sequence_number: events.length, ...data } });
  };
  const pending = {
    ...built.response,
    status: 'in_progress',
    output: [],
    usage: null,
    incomplete_details: null,
  };
  push('response.created', { response: pending });
  push('response.in_progress', { response: pending });
  built.items.forEach((item, output_index) => {
    const item_id = item.id;
    if (item.type === 'reasoning') {
      push('response.output_item.added', { output_index, item: { ...item, summary: [] } });
      for (const [summary_index, part] of asArray(item.summary).entries()) {
        const text = String(asObject(part)?.text ?? '');
        push('response.reasoning_summary_part.added', {
          item_id,
          output_index,
          summary_index,
          part: { type: 'summary_text', text: '' },
        });
        for (const delta of splitText(text)) {
          push('response.reasoning_summary_text.delta', {
            item_id,
            output_index,
            summary_index,
            delta,
          });
        }
        push('response.reasoning_summary_text.done', {
          item_id,
          output_index,
          summary_index,
          text,
        });
        push('response.reasoning_summary_part.done', {
          item_id,
          output_index,
          summary_index,
          part: { type: 'summary_text', text },
        });
      }
    } else if (item.type === 'message') {
      const part = asObject(asArray(item.content)[0]) ?? {};
      const text = String(part.text ?? '');
      push('response.output_item.added', {
        output_index,
        item: { ...item, status: 'in_progress', content: [] },
      });
      push('response.content_part.added', {
        item_id,
        output_index,
        content_index: 0,
        part: { type: 'output_text', annotations: [], logprobs: [], text: '' },
      });
      for (const delta of splitText(text)) {
        push('response.output_text.delta', {
          item_id,
          output_index,
          content_index: 0,
          delta,
          logprobs: [],
        });
      }
      push('response.output_text.done', {
        item_id,
        output_index,
        content_index: 0,
        text,
        logprobs: [],
      });
      push('response.content_part.done', { item_id, output_index, content_index: 0, part });
    } else {
      const args = String(item.arguments);
      push('response.output_item.added', {
        output_index,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      for (const delta of splitEven(args, 3)) {
        push('response.function_call_arguments.delta', { item_id, output_index, delta });
      }
      push('response.function_call_arguments.done', { item_id, output_index, arguments: args });
    }
    push('response.output_item.done', { output_index, item });
  });
  push(built.response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', {
    response: built.response,
  });
  return events;
}

export async function handleResponses(ctx: Ctx): Promise<void> {
  const body = requireJsonBody(ctx);
  if (!body) return;
  const model = asString(body.model);
  if (!model) return sendMissingModel(ctx);
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  if (body.input === undefined) return sendInvalidRequest(ctx, 'input is required');
  if (contractsEnforced(ctx)) {
    const v = responsesContractViolation(body, model.replace(/^emulator-/, ''), {
      has: (id) => ctx.state.storedResponseItems.has(id),
    });
    if (v) return sendUpstreamError(ctx, v.status, v.message, v.type, v.code, v.param);
  }
  const conv = conversationFromResponses(body, model);
  const built = buildResponse(ctx, body, model, scriptReply(conv), conv);
  if (body.store !== false) {
    // What the upstream account keeps: the response and its output items, resolvable later.
    for (const id of [built.response.id, ...built.items.map((i) => i.id)]) {
      ctx.state.storedResponseItems.add(String(id));
    }
  }
  if (body.stream !== true) return sendJson(ctx, 200, built.response);
  const events = streamEvents(built);
  await writeEventStream(
    ctx,
    events,
    {
      event: 'error',
      data: {
        type: 'error',
        code: 'overloaded',
        message: 'upstream overloaded',
        param: null,
        sequence_number: events.length,
      },
    },
    errorBody(ctx, { message: 'upstream stream aborted', code: 'bad_response_body' }),
  );
}
