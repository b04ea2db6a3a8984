/** POST /v1/images/generations and /v1/images/edits (protocol §6). */
import { type Ctx, sendJson } from './context.ts';
import {
  requireJsonBody,
  sendError,
  sendInvalidBody,
  sendInvalidRequest,
  sendMissingModel,
  sendModelNotFound,
  sendUpstreamError,
} from './errors.ts';
import { unixSeconds } from './ids.ts';
import { asArray, asNumber, asString, type JsonObject, tokenCount } from './json-util.ts';
import { isKnownModel } from './known-models.ts';
import { makeImage } from './media.ts';
import { isGeminiImageModel } from './model-family.ts';
import { fieldValue } from './multipart.ts';
import { storeFile } from './state.ts';

const DALL_E_3_SIZES = ['1024x1024', '1024x1792', '1792x1024'];

function isGptImage(model: string): boolean {
  return /^(emulator-)?gpt-image/.test(model);
}

function isDallE(model: string): boolean {
  return /^(emulator-)?dall-e/.test(model);
}

/** The next image of a request: drawn from its prompt at its size (the i-th of n differs). */
function nextPng(
  ctx: Ctx,
  prompt: string,
  size: string | undefined,
  i: number,
): { n: number; png: Buffer } {
  const n = ctx.state.counters.next('image');
  return { n, png: makeImage({ prompt, size, variant: i }) };
}

function gptImageUsage(prompt: string, count: number, inputImages = 0): JsonObject {
  const text = tokenCount(prompt);
  const image = inputImages * 323;
  const output = 1056 * count;
  return {
    total_tokens: text + image + output,
    input_tokens: text + image,
    output_tokens: output,
    input_tokens_details: { text_tokens: text, image_tokens: image },
  };
}

/** Shared answer for generations and edits once the request has been validated. */
function answer(
  ctx: Ctx,
  model: string,
  prompt: string,
  count: number,
  responseFormat: string | undefined,
  inputImages: number,
  size: string | undefined,
): void {
  const created = unixSeconds();
  if (isGptImage(model)) {
    const data = Array.from({ length: count }, (_, i) => ({
      b64_json: nextPng(ctx, prompt, size, i).png.toString('base64'),
    }));
    sendJson(ctx, 200, { created, data, usage: gptImageUsage(prompt, count, inputImages) });
    return;
  }
  if (isDallE(model)) {
    const data = Array.from({ length: count }, (_, i) => {
      const { n, png } = nextPng(ctx, prompt, size, i);
      const revised_prompt = `An emulated rendering of: ${prompt}`;
      return responseFormat === 'b64_json'
        ? { b64_json: png.toString('base64'), revised_prompt }
        : { url: storeFile(ctx.state, `/files/images/${n}.png`, 'image/png', png), revised_prompt };
    });
    sendJson(ctx, 200, { created, data });
    return;
  }
  // Gateway-built shape (Ali, Imagen, Flux…): every key present, empty strings.
  const data = Array.from({ length: count }, (_, i) => ({
    url: '',
    b64_json: nextPng(ctx, prompt, size, i).png.toString('base64'),
    revised_prompt: '',
  }));
  sendJson(ctx, 200, { data, created });
}

/** Model checks shared by both image routes; returns the model, or undefined after an error. */
function acceptModel(ctx: Ctx, model: string | undefined): string | undefined {
  if (!model) {
    sendMissingModel(ctx);
    return undefined;
  }
  if (!isKnownModel(model)) {
    sendModelNotFound(ctx, model);
    return undefined;
  }
  if (isGeminiImageModel(model)) {
    sendError(ctx, 400, {
      message: `not supported model for image generation: ${model} (only imagen models; use /v1/chat/completions or /v1beta/models/${model}:generateContent)`,
      code: 'convert_request_failed',
    });
    return undefined;
  }
  return model;
}

export async function handleImageGenerations(ctx: Ctx): Promise<void> {
  const body = requireJsonBody(ctx);
  if (!body) return;
  const model = acceptModel(ctx, asString(body.model));
  if (!model) return;
  const prompt = asString(body.prompt);
  if (!prompt) return sendInvalidRequest(ctx, 'prompt is required');
  const n = asNumber(body.n) ?? 1;
  const size = asString(body.size);
  if (size?.includes('×')) return sendInvalidRequest(ctx, 'size must use "x", not "×"');
  if (/dall-e-3/.test(model)) {
    if (n !== 1) {
      return sendUpstreamError(
        ctx,
        400,
        'You must provide n=1 for this model.',
        'invalid_request_error',
        '',
        'n',
      );
    }
    if (size && !DALL_E_3_SIZES.includes(size)) {
      return sendInvalidRequest(ctx, `size ${size} is not supported by dall-e-3`);
    }
  }
  if (n < 1 || n > 10) {
    return sendUpstreamError(
      ctx,
      400,
      `Invalid 'n': ${n}. Expected a value between 1 and 10.`,
      'invalid_request_error',
      '',
      'n',
    );
  }
  answer(
    ctx,
    model,
    prompt,
    n,
    asString(body.response_format) ?? (isDallE(model) ? 'url' : 'b64_json'),
    0,
    size,
  );
}

const IMAGE_FIELD = /^(image|image\[\d*\])$/;

export async function handleImageEdits(ctx: Ctx): Promise<void> {
  const mp = ctx.multipart;
  if (!mp) {
    // JSON edits (Ali/Doubao style: image URLs).
    const body = requireJsonBody(ctx);
    if (!body) return;
    const model = acceptModel(ctx, asString(body.model));
    if (!model) return;
    const images = [
      ...asArray(body.images),
      ...(body.image === undefined
        ? []
        : asArray(body.image).length > 0
          ? asArray(body.image)
          : [body.image]),
    ];
    if (images.length === 0) return sendInvalidRequest(ctx, 'image is required');
    const prompt = asString(body.prompt) ?? '';
    return answer(
      ctx,
      model,
      prompt,
      asNumber(body.n) ?? 1,
      asString(body.response_format),
      images.length,
      asString(body.size),
    );
  }
  if (ctx.jsonError) return sendInvalidBody(ctx, ctx.jsonError);
  const model = acceptModel(ctx, fieldValue(mp, 'model'));
  if (!model) return;
  const images = mp.files.filter((f) => IMAGE_FIELD.test(f.field));
  if (images.length === 0) {
    return sendUpstreamError(
      ctx,
      400,
      "Missing required parameter: 'image'.",
      'invalid_request_error',
      'missing_required_parameter',
      'image',
    );
  }
  for (const f of mp.files) {
    if (!/\.[A-Za-z0-9]+$/.test(f.filename)) {
      return sendUpstreamError(
        ctx,
        400,
        `Invalid file '${f.field}': unsupported mimetype ('application/octet-stream'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.`,
        'invalid_request_error',
        'unsupported_file_mimetype',
        f.field,
      );
    }
  }
  const prompt = fieldValue(mp, 'prompt');
  if (!prompt) return sendInvalidRequest(ctx, 'prompt is required');
  answer(
    ctx,
    model,
    prompt,
    Number(fieldValue(mp, 'n') ?? 1) || 1,
    fieldValue(mp, 'response_format') ?? 'b64_json',
    images.length,
    fieldValue(mp, 'size'),
  );
}
