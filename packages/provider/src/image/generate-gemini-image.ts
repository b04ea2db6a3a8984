import {
  type ImageModelV4CallOptions,
  type ImageModelV4Result,
  type JSONObject,
  type LanguageModelV4,
  type LanguageModelV4FilePart,
  type LanguageModelV4TextPart,
  NoContentGeneratedError,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { downloadResponseUrl } from '../download-response-url';
import type { MixRouterConfig } from '../mixrouter-config';
import { isJsonRecord as isPlainObject } from '../mixrouter-json-guards';
import {
  checkResponseBase64,
  decodeImageDataUrl,
  decodeResponseBase64,
} from './decode-image-data-url';
import { mapGeminiImageConfig } from './map-gemini-image-config';
import type { MixRouterImageOptions } from './mixrouter-image-options';

function isImageMediaType(mediaType: string): boolean {
  const normalized = mediaType.toLowerCase();
  return normalized === 'image' || normalized.startsWith('image/');
}

/**
 * `extraBody` for the chat request: the caller's `extraBody`, with
 * `extra_body.google.image_config` merged in (the caller's other `extra_body` keys kept).
 */
function buildChatExtraBody(
  userExtraBody: Record<string, unknown> | undefined,
  imageConfig: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (Object.keys(imageConfig).length === 0) return userExtraBody;
  const extraBody = { ...userExtraBody };
  const innerExtraBody = isPlainObject(extraBody.extra_body) ? extraBody.extra_body : {};
  const google = isPlainObject(innerExtraBody.google) ? innerExtraBody.google : {};
  const userImageConfig = isPlainObject(google.image_config) ? google.image_config : {};
  extraBody.extra_body = {
    ...innerExtraBody,
    google: { ...google, image_config: { ...imageConfig, ...userImageConfig } },
  };
  return extraBody;
}

/**
 * Gemini image models ("nano banana") are served through chat completions, so this
 * sends the prompt and the input images to the chat model and collects the image files
 * of its answer. Aspect ratio and size travel in `extra_body.google.image_config`.
 */
export async function generateGeminiImage({
  modelId,
  createChatModel,
  config,
  callOptions,
  providerOptions,
  warnings,
  currentDate,
}: {
  modelId: string;
  createChatModel: (modelId: string) => LanguageModelV4;
  config: Pick<MixRouterConfig, 'baseURL' | 'headers' | 'fetch'>;
  callOptions: ImageModelV4CallOptions;
  providerOptions: MixRouterImageOptions | undefined;
  warnings: SharedV4Warning[];
  currentDate: () => Date;
}): Promise<ImageModelV4Result> {
  const { prompt, files, mask, size, aspectRatio, seed, abortSignal, headers } = callOptions;

  if (mask !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'mask',
      details: `${modelId} does not take a mask; describe the edit in the prompt instead.`,
    });
  }
  if (callOptions.n > 1) {
    warnings.push({
      type: 'unsupported',
      feature: 'n',
      details: `${modelId} returns one image per request.`,
    });
  }
  for (const [option, value] of Object.entries({
    quality: providerOptions?.quality,
    style: providerOptions?.style,
    background: providerOptions?.background,
    outputFormat: providerOptions?.outputFormat,
    responseFormat: providerOptions?.responseFormat,
  })) {
    if (value !== undefined) {
      warnings.push({
        type: 'unsupported',
        feature: `providerOptions.mixrouter.${option}`,
        details: `${modelId} is served through chat completions and ignores ${option}.`,
      });
    }
  }

  const imageConfig = mapGeminiImageConfig({ modelId, size, aspectRatio, warnings });

  const content: Array<LanguageModelV4TextPart | LanguageModelV4FilePart> = [];
  if (prompt !== undefined && prompt.length > 0) content.push({ type: 'text', text: prompt });
  for (const file of files ?? []) {
    content.push(
      file.type === 'file'
        ? { type: 'file', mediaType: file.mediaType, data: { type: 'data', data: file.data } }
        : { type: 'file', mediaType: 'image', data: { type: 'url', url: new URL(file.url) } },
    );
  }

  const extraBody = buildChatExtraBody(
    providerOptions?.user !== undefined
      ? { user: providerOptions.user, ...providerOptions.extraBody }
      : providerOptions?.extraBody,
    imageConfig,
  );
  const mixrouterOptions: JSONObject = {};
  if (extraBody !== undefined) mixrouterOptions.extraBody = extraBody as JSONObject;

  const timestamp = currentDate();
  const result = await createChatModel(modelId).doGenerate({
    prompt: [{ role: 'user', content }],
    seed,
    providerOptions: { mixrouter: mixrouterOptions },
    abortSignal,
    headers,
  });

  warnings.push(...result.warnings);

  const text = result.content
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join('')
    .trim();

  const collected: Array<string | Uint8Array> = [];
  for (const part of result.content) {
    if (part.type !== 'file' || !isImageMediaType(part.mediaType)) continue;
    if (part.data.type === 'data') {
      const { data } = part.data;
      collected.push(typeof data === 'string' ? (decodeImageDataUrl(data)?.base64 ?? data) : data);
      continue;
    }
    const url = part.data.url.toString();
    const inline = decodeImageDataUrl(url);
    if (inline !== undefined) {
      collected.push(inline.base64);
      continue;
    }
    const { data } = await downloadResponseUrl({ url, config, headers, abortSignal });
    collected.push(data);
  }

  if (collected.length === 0) {
    const quoted =
      text.length > 0
        ? ` It answered: "${text.length > 500 ? `${text.slice(0, 500)}…` : text}"`
        : ' It returned no text either.';
    throw new NoContentGeneratedError({
      message: `Gemini image model ${modelId} returned no image.${quoted}`,
    });
  }

  // Base64 strings and bytes must not be mixed in one result.
  const images: string[] | Uint8Array[] = collected.every((image) => typeof image === 'string')
    ? (collected as string[]).map((image) => checkResponseBase64(image, modelId))
    : collected.map((image) =>
        typeof image === 'string' ? decodeResponseBase64(image, modelId) : image,
      );

  const inputTokens = result.usage.inputTokens.total;
  const outputTokens = result.usage.outputTokens.total;
  const metadata: { images: JSONObject[] } & JSONObject = { images: images.map(() => ({})) };
  if (text.length > 0) metadata.text = text;

  return {
    images,
    warnings,
    providerMetadata: { mixrouter: metadata },
    response: {
      timestamp: result.response?.timestamp ?? timestamp,
      modelId: result.response?.modelId ?? modelId,
      headers: result.response?.headers,
    },
    usage: {
      inputTokens,
      outputTokens,
      totalTokens:
        inputTokens !== undefined || outputTokens !== undefined
          ? (inputTokens ?? 0) + (outputTokens ?? 0)
          : undefined,
    },
  };
}
