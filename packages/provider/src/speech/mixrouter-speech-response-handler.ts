import { APICallError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type ResponseHandler,
  secureJsonParse,
} from '@ai-sdk/provider-utils';
import { createMixRouterAPIError, extractMixRouterErrorFields } from '../mixrouter-error';
import { isJsonRecord as isObject } from '../mixrouter-json-guards';

/** What `/audio/speech` answered: audio bytes, or JSON pointing at an audio file. */
export type MixRouterSpeechWireResult =
  | { type: 'audio'; data: Uint8Array; mediaType: string | undefined }
  | { type: 'url'; url: string; body: unknown };

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function findAudioUrl(body: Record<string, unknown>): string | undefined {
  const data = isObject(body.data) ? body.data : {};
  return (
    nonEmptyString(data.audio_url) ??
    nonEmptyString(data.url) ??
    nonEmptyString(body.audio_url) ??
    nonEmptyString(body.url)
  );
}

function summarise(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/**
 * Branches on the response `content-type` (protocol §8.1): JSON is MixRouter's
 * `{success, message, data:{audio_url}}` (qwen3-tts-flash) or an error payload
 * (`success:false`, `{"error":…}`); anything else is the audio itself.
 */
export const mixrouterSpeechResponseHandler: ResponseHandler<MixRouterSpeechWireResult> = async ({
  response,
  url,
  requestBodyValues,
}) => {
  const responseHeaders = extractResponseHeaders(response);
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  const mediaType = contentType.split(';')[0]?.trim() || undefined;
  const base = { url, requestBodyValues, responseHeaders, statusCode: response.status };

  if (contentType.includes('json')) {
    const responseBody = await response.text();
    let body: unknown;
    try {
      body = secureJsonParse(responseBody);
    } catch (cause) {
      throw new APICallError({
        ...base,
        message: `MixRouter speech returned invalid JSON: "${summarise(responseBody)}"`,
        responseBody,
        cause,
        isRetryable: false,
      });
    }
    const errorFields = extractMixRouterErrorFields(body);
    if (errorFields !== undefined) {
      throw createMixRouterAPIError({ ...base, fields: errorFields, responseBody });
    }
    if (isObject(body) && body.success === false) {
      throw createMixRouterAPIError({
        ...base,
        responseBody,
        fields: {
          message:
            nonEmptyString(body.message) ?? 'MixRouter speech request failed (success: false)',
          code:
            nonEmptyString(body.code) ??
            (typeof body.code === 'number' ? String(body.code) : undefined),
        },
      });
    }
    const audioUrl = isObject(body) ? findAudioUrl(body) : undefined;
    if (audioUrl === undefined) {
      throw new APICallError({
        ...base,
        message: `MixRouter speech answered JSON without an audio URL: "${summarise(responseBody)}"`,
        responseBody,
        isRetryable: false,
      });
    }
    return { value: { type: 'url', url: audioUrl, body }, rawValue: body, responseHeaders };
  }

  if (contentType.startsWith('text/')) {
    const responseBody = await response.text();
    throw new APICallError({
      ...base,
      message: `MixRouter speech returned ${mediaType} instead of audio: "${summarise(responseBody)}"`,
      responseBody,
      isRetryable: false,
    });
  }

  const data = new Uint8Array(await response.arrayBuffer());
  if (data.byteLength === 0) {
    throw new APICallError({
      ...base,
      message: 'MixRouter speech returned an empty audio body',
      isRetryable: true,
    });
  }
  return { value: { type: 'audio', data, mediaType }, responseHeaders };
};
