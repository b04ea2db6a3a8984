import { InvalidResponseDataError } from '@ai-sdk/provider';
import { convertBase64ToUint8Array } from '@ai-sdk/provider-utils';

/**
 * Splits a `data:<type>;base64,<data>` URL. Returns undefined for anything else
 * (including non-base64 data URLs, which no image endpoint produces).
 */
export function decodeImageDataUrl(
  value: string,
): { mediaType: string | undefined; base64: string } | undefined {
  const match = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/is.exec(value.trim());
  if (match === null) return undefined;
  return { mediaType: match[1] || undefined, base64: match[2].replace(/\s/g, '') };
}

/**
 * Base64 from a response body → bytes. Malformed base64 (which `atob` rejects with a
 * DOMException) becomes an `InvalidResponseDataError` naming the model.
 */
export function decodeResponseBase64(base64: string, modelId: string): Uint8Array {
  try {
    return convertBase64ToUint8Array(base64);
  } catch (cause) {
    throw new InvalidResponseDataError({
      data: base64.length > 80 ? `${base64.slice(0, 80)}…` : base64,
      message: `MixRouter returned an image for ${modelId} whose base64 data cannot be decoded: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
  }
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Checks base64 from a response body before it is handed on undecoded. */
export function checkResponseBase64(base64: string, modelId: string): string {
  if (!BASE64.test(base64)) decodeResponseBase64(`${base64}\u0000`, modelId);
  return base64;
}
