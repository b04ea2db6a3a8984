/** POST /v1/chat/completions — JSON replies (protocol §2–§4); streaming is in chat-stream.ts. */
import { contentText, conversationFromChat } from './chat-request.ts';
import { streamChatCompletion } from './chat-stream.ts';
import { type Ctx, header, sendJson } from './context.ts';
import { chatContractViolation } from './contracts/chat-contract.ts';
import { contractsEnforced } from './contracts/strict-mode.ts';
import {
  requireJsonBody,
  sendError,
  sendInvalidRequest,
  sendMissingModel,
  sendModelNotFound,
  sendUpstreamError,
} from './errors.ts';
import { hashBase62, hashHex, hashUuid, unixSeconds, utcStamp } from './ids.ts';
import { asArray, asNumber, asObject, asString, type JsonObject, tokenCount } from './json-util.ts';
import { isKnownModel, modelKind } from './known-models.ts';
import { makeImage, makeSpeech } from './media.ts';
import {
  type Family,
  isAudioChatModel,
  isConvertedFamily,
  isGeminiImageModel,
  modelFamily,
} from './model-family.ts';
import { replyTokens, type ScriptedReply, scriptReply } from './scripted-model.ts';
import { storeFile } from './state.ts';
import { newApiUsage } from './usage.ts';

export interface ChatPlan {
  id: string;
  created: number;
  model: string;
  family: Family;
  reply: ScriptedReply;
  toolCallIds: string[];
  usage: JsonObject;
  reasoningKey: 'reasoning_content' | 'reasoning';
  thinkTags: boolean;
  includeUsage: boolean;
  image?: { url: string; b64: string };
  audio?: { id: string; data: string; transcript: string; expiresAt: number };
}

export function completionId(ctx: Ctx, family: Family): string {
  const n = ctx.state.counters.next('completion');
  switch (family) {
    case 'anthropic':
      return `msg_01${hashBase62(`msg:${n}`, 22)}`;
    case 'google':
      return `chatcmpl-toio${ctx.requestId}`;
    case 'deepseek':
      return hashUuid(`ds:${n}`);
    case 'qwen':
      return `chatcmpl-${hashUuid(`qwen:${n}`)}`;
    case 'doubao':
      return `021${Date.now()}${hashHex(`doubao:${n}`, 32)}`;
    case 'glm':
      return `${utcStamp()}${hashHex(`glm:${n}`, 16)}`;
    default:
      return `chatcmpl-${hashBase62(`chat:${n}`, 29)}`;
  }
}

/**
 * A tool call id in the upstream's own format: Claude `toolu_01…`, the Gemini converter's
 * `call_<uuid>` (41 characters), Kimi's `functions.<name>:<index>` (Kimi K2 tool-call format,
 * platform.kimi.ai docs; also vLLM's kimi_k2 parser), else OpenAI-style `call_<n>`.
 */
export function toolCallId(ctx: Ctx, family: Family, name = 'tool'): string {
  const n = ctx.state.counters.next('tool-call');
  if (family === 'anthropic') return `toolu_01${hashBase62(`toolu:${n}`, 22)}`;
  if (family === 'google') return `call_${hashUuid(`gcall:${n}`)}`;
  if (family === 'moonshot') return `functions.${name}:${n - 1}`;
  return `call_${n}`;
}

function promptTokens(body: JsonObject): number {
  let tokens = tokenCount(JSON.stringify(body.tools ?? ''));
  for (const m of asArray(body.messages)) {
    const content = asObject(m)?.content;
    tokens += tokenCount(contentText(content)) + 4;
    tokens += asArray(content).filter((p) => asObject(p)?.type !== 'text').length * 85;
  }
  return tokens;
}

/** Request checks the gateway or upstream would fail; returns true when an error was sent. */
function rejectInvalid(ctx: Ctx, body: JsonObject, model: string, family: Family): boolean {
  // new-api valid_request.go: an absent or empty `messages` is the same 500.
  const noMessages = !Array.isArray(body.messages) || body.messages.length === 0;
  if (noMessages && body.prefix === undefined) {
    sendInvalidRequest(ctx, 'field messages is required');
    return true;
  }
  const maxTokens = asNumber(body.max_tokens);
  if (maxTokens !== undefined && (maxTokens >= 2 ** 30 || maxTokens < 0)) {
    sendInvalidRequest(ctx, `max_tokens is invalid`);
    return true;
  }
  const size = asObject(body.web_search_options)?.search_context_size;
  if (size !== undefined && !['low', 'medium', 'high'].includes(String(size))) {
    sendInvalidRequest(ctx, `invalid search_context_size: ${String(size)}`);
    return true;
  }
  const kind = modelKind(model);
  if (kind === 'realtime' || kind === 'rerank') {
    // OpenAI's answer for a model that is not a chat model (realtime models live on
    // /v1/realtime); rerank upstreams have no chat endpoint either.
    sendUpstreamError(
      ctx,
      404,
      'This is not a chat model and thus not supported in the v1/chat/completions endpoint. Did you mean to use v1/completions?',
      'invalid_request_error',
      '',
      'model',
    );
    return true;
  }
  if (kind === 'responses-only') {
    sendUpstreamError(
      ctx,
      404,
      'This model is only supported in v1/responses and not in v1/chat/completions.',
      'invalid_request_error',
      '',
      'model',
    );
    return true;
  }
  if (family === 'google') {
    const google = asObject(asObject(body.extra_body)?.google);
    const tc = asObject(google?.thinking_config);
    if (
      google &&
      ('thinkingConfig' in google || (tc && ('thinkingBudget' in tc || 'includeThoughts' in tc)))
    ) {
      sendError(ctx, 500, {
        message:
          'extra_body.google.thinking_config must use snake_case keys (thinking_budget, include_thoughts)',
        code: 'convert_request_failed',
      });
      return true;
    }
  }
  if (contractsEnforced(ctx)) {
    const violation = chatContractViolation(body, model, family);
    if (violation?.body) {
      sendJson(ctx, violation.status, violation.body);
      return true;
    }
    if (violation) {
      const { status, message, type, code, param } = violation;
      sendUpstreamError(ctx, status, message, type, code, param);
      return true;
    }
  }
  return false;
}

export async function handleChatCompletions(ctx: Ctx): Promise<void> {
  const body = requireJsonBody(ctx);
  if (!body) return;
  const model = asString(body.model);
  if (!model) return sendMissingModel(ctx);
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  const family = modelFamily(model);
  if (rejectInvalid(ctx, body, model, family)) return;

  const conv = conversationFromChat(body, model, family);
  const reply = scriptReply(conv);
  const plan = buildPlan(ctx, body, model, family, reply, conv.lastUserText);
  if (body.stream === true) return streamChatCompletion(ctx, plan);
  sendJson(ctx, 200, chatCompletionJson(plan));
}

function buildPlan(
  ctx: Ctx,
  body: JsonObject,
  model: string,
  family: Family,
  reply: ScriptedReply,
  promptText: string,
): ChatPlan {
  const created = unixSeconds();
  const tokens = replyTokens(reply);
  let completion = tokens.output;
  let audioTokens = 0;
  const plainAnswer = reply.toolCalls.length === 0;
  let image: ChatPlan['image'];
  let audio: ChatPlan['audio'];
  if (plainAnswer && isGeminiImageModel(model)) {
    const n = ctx.state.counters.next('image');
    // Gemini image models take the aspect ratio in extra_body.google.image_config (protocol §6).
    const imageConfig = asObject(asObject(asObject(body.extra_body)?.google)?.image_config);
    const png = makeImage({ prompt: promptText, aspectRatio: asString(imageConfig?.aspect_ratio) });
    image = {
      url: storeFile(ctx.state, `/files/images/${n}.png`, 'image/png', png),
      b64: png.toString('base64'),
    };
    reply.text = 'Here is your image';
    completion = tokenCount(reply.text) + tokens.reasoning + 1290;
  }
  const modalities = asArray(body.modalities);
  if (plainAnswer && isAudioChatModel(model) && modalities.includes('audio')) {
    const format = asString(asObject(body.audio)?.format) ?? 'wav';
    const { bytes } = makeSpeech(reply.text, {
      format,
      voice: asString(asObject(body.audio)?.voice),
    });
    const n = ctx.state.counters.next('audio-out');
    audio = {
      id: `audio_${hashHex(`audio:${n}`, 24)}`,
      data: bytes.toString('base64'),
      transcript: reply.text,
      expiresAt: created + 3600,
    };
    audioTokens = 40;
    completion += audioTokens;
  }
  const streamOptions = asObject(body.stream_options);
  const cached = Number(header(ctx, 'x-emulator-cached-tokens') ?? 0) || 0;
  const prompt = promptTokens(body);
  return {
    id: completionId(ctx, family),
    created,
    model,
    family,
    reply,
    toolCallIds: reply.toolCalls.map((call) => toolCallId(ctx, family, call.name)),
    usage: xaiRawUsage(
      ctx,
      family,
      newApiUsage({
        prompt,
        completion,
        // The Claude converter leaves reasoning_tokens at 0 (protocol §3.8).
        reasoning: family === 'anthropic' ? 0 : tokens.reasoning,
        cached: Math.min(cached, prompt),
        audio: audioTokens,
      }),
    ),
    reasoningKey:
      header(ctx, 'x-emulator-reasoning-field') === 'reasoning' ? 'reasoning' : 'reasoning_content',
    thinkTags: header(ctx, 'x-emulator-think-tags') !== undefined,
    includeUsage: streamOptions === undefined ? true : streamOptions.include_usage === true,
    image,
    audio,
  };
}

function messageContent(plan: ChatPlan): unknown {
  const { reply } = plan;
  if (plan.audio) return null;
  if (plan.image) {
    return [
      { type: 'text', text: reply.text },
      { type: 'image_url', image_url: { url: plan.image.url, detail: '', MimeType: 'image/png' } },
    ];
  }
  if (plan.thinkTags && reply.reasoning)
    return `<think>\n${reply.reasoning}\n</think>\n${reply.text}`;
  if (reply.toolCalls.length > 0 && reply.text === '') {
    return isConvertedFamily(plan.family) ? '' : null;
  }
  return reply.text;
}

export function chatCompletionJson(plan: ChatPlan): JsonObject {
  const { reply } = plan;
  const message: JsonObject = { role: 'assistant', content: messageContent(plan) };
  if (reply.reasoning && !plan.thinkTags) message[plan.reasoningKey] = reply.reasoning;
  if (reply.toolCalls.length > 0) {
    message.tool_calls = reply.toolCalls.map((call, i) => ({
      id: plan.toolCallIds[i],
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }));
  }
  if (plan.family === 'openai') {
    message.refusal = null;
    message.annotations = [];
  }
  if (plan.audio) {
    const { id, data, transcript, expiresAt } = plan.audio;
    message.audio = { id, data, expires_at: expiresAt, transcript };
  }
  const result: JsonObject = {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: reply.finish }],
    usage: plan.usage,
  };
  if (plan.family === 'openai') {
    result.service_tier = 'default';
    result.system_fingerprint = 'fp_emulator';
  }
  return result;
}

/**
 * `xai-raw-usage`: a Grok answer that thought (xAI reasoning models always do, and report
 * `reasoning_tokens` even when no reasoning text is returned), relayed unchanged: xAI's
 * `completion_tokens` leaves the reasoning tokens out, so total = prompt + completion +
 * reasoning (xAI chat completions; 12 + 1 + 290 = 303 in a real grok-3-mini recording).
 * Without the fault the emulator answers like new-api's own xAI channel, which rewrites
 * completion as total − prompt (relay/channel/xai/text.go).
 */
const XAI_HIDDEN_REASONING_TOKENS = 290;

function xaiRawUsage(ctx: Ctx, family: Family, usage: JsonObject): JsonObject {
  if (family !== 'xai' || !ctx.faults.has('xai-raw-usage')) return usage;
  const details = usage.completion_tokens_details as JsonObject;
  const reasoning = Number(details.reasoning_tokens ?? 0) || XAI_HIDDEN_REASONING_TOKENS;
  const visible = Number(usage.completion_tokens) - Number(details.reasoning_tokens ?? 0);
  const withReasoning = { ...details, reasoning_tokens: reasoning };
  return {
    ...usage,
    completion_tokens: visible,
    total_tokens: Number(usage.prompt_tokens) + visible + reasoning,
    completion_tokens_details: withReasoning,
    output_tokens_details: withReasoning,
  };
}
