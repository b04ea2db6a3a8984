import { InvalidResponseDataError } from '@ai-sdk/provider';
import { convertBase64ToUint8Array } from '@ai-sdk/provider-utils';

/**
 * Decodes an `encoding_format: "base64"` embedding: the base64 of the vector's
 * little-endian float32 bytes (OpenAI's format, passed through by the gateway).
 * Read through a DataView so the result does not depend on the host's byte order.
 */
export function decodeBase64Embedding(base64: string): number[] {
  let bytes: Uint8Array;
  try {
    bytes = convertBase64ToUint8Array(base64);
  } catch (cause) {
    throw new InvalidResponseDataError({
      data: base64.slice(0, 100),
      message: `MixRouter returned an embedding that is not valid base64: ${String(cause)}`,
    });
  }
  if (bytes.byteLength % 4 !== 0) {
    throw new InvalidResponseDataError({
      data: base64.slice(0, 100),
      message: `MixRouter returned a base64 embedding of ${bytes.byteLength} bytes, not a whole number of float32 values`,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Array<number>(bytes.byteLength / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}
