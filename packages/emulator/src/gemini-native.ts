/** Gemini native routes under /v1beta/models (protocol §10.2); errors use the OpenAI shape. */
import { type Ctx, sendJson } from './context.ts';
import {
  functionNameProblem,
  functionResponseProblem,
  nativeTurns,
  roleProblem,
  thinkingConfigProblem,
  toolsProblem,
} from './contracts/gemini-contract.ts';
import { contractsEnforced } from './contracts/strict-mode.ts';
import { embedText } from './embeddings.ts';
import { errorBody, requireJsonBody, sendModelNotFound, sendUpstreamError } from './errors.ts';
import { hashBase62, hashHex } from './ids.ts';
import {
  asArray,
  asNumber,
  asObject,
  asString,
  type JsonObject,
  splitText,
  stableStringify,
  tokenCount,
} from './json-util.ts';
import { isKnownModel, KNOWN_MODELS } from './known-models.ts';
import { makeImage } from './media.ts';
import { isGemini3, isGeminiImageModel } from './model-family.ts';
import {
  type Conversation,
  newConversation,
  replyTokens,
  type ScriptedReply,
  scriptReply,
  type ToolResult,
} from './scripted-model.ts';
import { type StreamEvent, writeEventStream } from './sse.ts';

/** Values Google documents as accepted in place of a real thought signature. */
const BYPASS_SIGNATURES = new Set([
  'skip_thought_signature_validator',
  'context_engineering_is_the_way_to_go',
]);

export function functionCallSignature(name: string, args: unknown): string {
  return `sig-${hashHex(`gemini:${name}:${stableStringify(args ?? {})}`, 32)}`;
}

/** Reads `camelCase` or `snake_case` keys. */
function pick(o: JsonObject | undefined, camel: string, snake: string): unknown {
  return o?.[camel] ?? o?.[snake];
}

function partsOf(content: unknown): JsonObject[] {
  return asArray(asObject(content)?.parts).map((p) => asObject(p) ?? {});
}

/** Gemini 3 rejects current-turn function calls without the signature it issued. */
function signatureProblem(contents: JsonObject[]): string | undefined {
  const turnStart = contents.findLastIndex(
    (c) =>
      c.role !== 'model' &&
      partsOf(c).some((p) => !pick(p, 'functionResponse', 'function_response')),
  );
  for (let i = Math.max(0, turnStart); i < contents.length; i++) {
    if (contents[i].role !== 'model') continue;
    const calls = partsOf(contents[i]).filter((p) => pick(p, 'functionCall', 'function_call'));
    if (calls.length === 0) continue;
    const first = calls[0];
    const call = asObject(pick(first, 'functionCall', 'function_call')) ?? {};
    const signature = asString(pick(first, 'thoughtSignature', 'thought_signature'));
    if (
      signature &&
      (BYPASS_SIGNATURES.has(signature) ||
        signature === functionCallSignature(String(call.name), call.args))
    ) {
      continue;
    }
    return signature
      ? 'Thought signature is not valid.'
      : `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${String(call.name)}\` , position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`;
  }
  return undefined;
}

function conversationFromGemini(body: JsonObject, model: string): Conversation {
  const conv = newConversation(model);
  conv.systemText = partsOf(pick(body, 'systemInstruction', 'system_instruction'))
    .map((p) => asString(p.text) ?? '')
    .join('\n');
  const contents = asArray(body.contents).map((c) => asObject(c) ?? {});
  for (const c of contents) {
    // The last user text, also when later user turns carry only function responses.
    const text =
      c.role === 'model'
        ? ''
        : partsOf(c)
            .map((p) => asString(p.text) ?? '')
            .join('\n');
    if (text.trim()) conv.question = text;
  }
  const last = contents[contents.length - 1];
  if (last && last.role !== 'model') {
    const parts = partsOf(last);
    const results: ToolResult[] = parts
      .map((p) => asObject(pick(p, 'functionResponse', 'function_response')))
      .filter((r): r is JsonObject => r !== undefined)
      .map((r) => ({
        callId: String(r.id ?? r.name),
        name: asString(r.name),
        content: JSON.stringify(r.response ?? {}),
      }));
    conv.toolResults = results;
    if (results.length === 0) {
      conv.lastUserText = parts
        .map((p) => asString(p.text) ?? '')
        .filter(Boolean)
        .join('\n');
      for (const p of parts) {
        const media =
          asObject(pick(p, 'inlineData', 'inline_data')) ??
          asObject(pick(p, 'fileData', 'file_data'));
        if (!media) continue;
        const mime = String(pick(media, 'mimeType', 'mime_type') ?? '');
        const kind = mime.startsWith('image/')
          ? 'image_url'
          : mime.startsWith('audio/')
            ? 'audio_url'
            : mime.startsWith('video/')
              ? 'video_url'
              : 'file';
        conv.attachments[kind] = (conv.attachments[kind] ?? 0) + 1;
      }
    }
  }
  for (const t of asArray(body.tools)) {
    for (const d of asArray(pick(asObject(t), 'functionDeclarations', 'function_declarations'))) {
      const decl = asObject(d);
      if (typeof decl?.name === 'string') {
        conv.tools.push({
          name: decl.name,
          description: asString(decl.description),
          parameters:
            decl.parameters ?? pick(decl, 'parametersJsonSchema', 'parameters_json_schema'),
        });
      }
    }
  }
  const fcc = asObject(
    pick(
      asObject(pick(body, 'toolConfig', 'tool_config')),
      'functionCallingConfig',
      'function_calling_config',
    ),
  );
  const allowed = asArray(pick(fcc, 'allowedFunctionNames', 'allowed_function_names'));
  if (fcc?.mode === 'NONE') conv.toolChoice = { type: 'none' };
  else if (fcc?.mode === 'ANY')
    conv.toolChoice =
      allowed.length === 1 ? { type: 'tool', name: String(allowed[0]) } : { type: 'required' };
  const gen = asObject(pick(body, 'generationConfig', 'generation_config'));
  const schema =
    pick(gen, 'responseJsonSchema', 'response_json_schema') ??
    pick(gen, 'responseSchema', 'response_schema');
  if (schema) conv.format = { type: 'json_schema', schema };
  else if (pick(gen, 'responseMimeType', 'response_mime_type') === 'application/json')
    conv.format = { type: 'json_object' };
  const thinking = asObject(pick(gen, 'thinkingConfig', 'thinking_config'));
  conv.reasoning = pick(thinking, 'includeThoughts', 'include_thoughts') === true;
  conv.maxOutputTokens = asNumber(pick(gen, 'maxOutputTokens', 'max_output_tokens'));
  return conv;
}

function responseParts(
  model: string,
  reply: ScriptedReply,
  image: Buffer | undefined,
): JsonObject[] {
  const parts: JsonObject[] = [];
  if (reply.reasoning) parts.push({ text: reply.reasoning, thought: true });
  if (reply.text !== '') parts.push({ text: reply.text });
  if (image) parts.push({ inlineData: { mimeType: 'image/png', data: image.toString('base64') } });
  reply.toolCalls.forEach((call, i) => {
    const part: JsonObject = { functionCall: { name: call.name, args: call.arguments } };
    if (i === 0 && (isGemini3(model) || reply.reasoning))
      part.thoughtSignature = functionCallSignature(call.name, call.arguments);
    parts.push(part);
  });
  return parts;
}

export async function handleGenerateContent(ctx: Ctx): Promise<void> {
  const [model, method] = [ctx.params[0], ctx.params[1]];
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  const body = requireJsonBody(ctx);
  if (!body) return;
  if (method === 'embedContent' || method === 'batchEmbedContents')
    return embedContent(ctx, model, body, method);
  const contents = asArray(body.contents).map((c) => asObject(c) ?? {});
  if (contents.length === 0)
    return sendUpstreamError(
      ctx,
      400,
      '* GenerateContentRequest.contents: contents is not specified',
      'upstream_error',
      400,
    );
  if (contractsEnforced(ctx)) {
    const generation = asObject(pick(body, 'generationConfig', 'generation_config'));
    const thinking = asObject(pick(generation, 'thinkingConfig', 'thinking_config'));
    const id = model.replace(/^emulator-/, '');
    const declarations = asArray(body.tools).flatMap((t) =>
      asArray(pick(asObject(t), 'functionDeclarations', 'function_declarations')),
    );
    const names = declarations.map((d) => String(asObject(d)?.name ?? ''));
    const v =
      roleProblem(contents) ??
      thinkingConfigProblem(thinking, id) ??
      toolsProblem(declarations.length > 0, id) ??
      functionNameProblem(names) ??
      functionResponseProblem(nativeTurns(contents));
    if (v) return sendUpstreamError(ctx, v.status, v.message, v.type, v.code, v.param);
    const problem = isGemini3(model) ? signatureProblem(contents) : undefined;
    if (problem) return sendUpstreamError(ctx, 400, problem, 'upstream_error', 400);
  }
  const conv = conversationFromGemini(body, model);
  const reply = scriptReply(conv);
  const image =
    isGeminiImageModel(model) && reply.toolCalls.length === 0
      ? makeImage({
          prompt: conv.lastUserText,
          aspectRatio: asString(
            asObject(
              pick(
                asObject(pick(body, 'generationConfig', 'generation_config')),
                'imageConfig',
                'image_config',
              ),
            )?.aspectRatio,
          ),
        })
      : undefined;
  if (image) reply.text = 'Here is your image';
  const parts = responseParts(model, reply, image);
  const tokens = replyTokens(reply);
  const prompt = tokenCount(
    JSON.stringify(body.contents) +
      JSON.stringify(body.systemInstruction ?? body.system_instruction ?? ''),
  );
  const candidates = tokens.output - tokens.reasoning + (image ? 1290 : 0);
  const usageMetadata: JsonObject = {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates + tokens.reasoning,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  };
  if (tokens.reasoning > 0) usageMetadata.thoughtsTokenCount = tokens.reasoning;
  const responseId = hashBase62(`gemini:${ctx.state.counters.next('gemini')}`, 22);
  const finishReason = reply.finish === 'length' ? 'MAX_TOKENS' : 'STOP';
  const full = {
    candidates: [{ content: { role: 'model', parts }, finishReason, index: 0 }],
    usageMetadata,
    modelVersion: model,
    responseId,
  };
  // [dec25]/[mar26] stream only when ?alt=sse is given.
  if (ctx.query.alt !== 'sse') return sendJson(ctx, 200, full);

  const events: StreamEvent[] = [];
  const chunk = (chunkParts: JsonObject[], last = false): void => {
    const candidate: JsonObject = { content: { role: 'model', parts: chunkParts }, index: 0 };
    if (last) candidate.finishReason = finishReason;
    const data: JsonObject = { candidates: [candidate], modelVersion: model, responseId };
    data.usageMetadata = last
      ? usageMetadata
      : { promptTokenCount: prompt, totalTokenCount: prompt };
    events.push({ data });
  };
  const streamParts: JsonObject[][] = [];
  for (const part of parts) {
    if (typeof part.text === 'string' && part.text !== '') {
      for (const piece of splitText(part.text)) streamParts.push([{ ...part, text: piece }]);
    } else streamParts.push([part]);
  }
  streamParts.forEach((p, i) => {
    chunk(p, i === streamParts.length - 1);
  });
  if (streamParts.length === 0) chunk([{ text: '' }], true);
  await writeEventStream(
    ctx,
    events,
    {
      data: {
        error: {
          code: 503,
          message: 'The model is overloaded. Please try again later.',
          status: 'UNAVAILABLE',
        },
      },
    },
    errorBody(ctx, { message: 'upstream stream aborted', code: 'bad_response_body' }),
  );
}

function embedContent(ctx: Ctx, model: string, body: JsonObject, method: string): void {
  const values = (req: JsonObject): number[] => {
    const text = partsOf(req.content)
      .map((p) => asString(p.text) ?? '')
      .join('\n');
    const dims = asNumber(pick(req, 'outputDimensionality', 'output_dimensionality')) ?? 3072;
    return embedText(text, model, dims);
  };
  if (method === 'embedContent') {
    sendJson(ctx, 200, { embedding: { values: values(body) } });
    return;
  }
  const requests = asArray(body.requests).map((r) => asObject(r) ?? {});
  sendJson(ctx, 200, { embeddings: requests.map((r) => ({ values: values(r) })) });
}

/** GET /v1beta/models — Gemini-shaped list of the Gemini models. */
export async function handleGeminiModelList(ctx: Ctx): Promise<void> {
  const models = [...KNOWN_MODELS.keys()]
    .filter((id) => id.startsWith('gemini'))
    .map((id) => ({
      name: `models/${id}`,
      version: '001',
      displayName: id,
      supportedGenerationMethods: ['generateContent', 'streamGenerateContent', 'countTokens'],
    }));
  sendJson(ctx, 200, { models });
}
