import type { ImageModelV4File } from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  DownloadError,
  detectMediaType,
  type FetchFunction,
  isAbortError,
  isFullMediaType,
  mediaTypeToExtension,
  readResponseWithSizeLimit,
} from '@ai-sdk/provider-utils';
import { decodeImageDataUrl } from './decode-image-data-url';

export type LoadedImageFile = { data: Uint8Array; mediaType: string };

/** A real image media type for the bytes: the declared one when specific, else sniffed, else PNG. */
function resolveImageMediaType(declared: string | undefined, data: Uint8Array): string {
  const normalized = declared?.split(';')[0]?.trim().toLowerCase();
  if (normalized !== undefined && isFullMediaType(normalized) && normalized.startsWith('image/')) {
    return normalized;
  }
  return detectMediaType({ data, topLevelType: 'image' }) ?? 'image/png';
}

/**
 * Bytes and media type of an edit input. URL inputs come from the caller (not from a
 * response body), so they are fetched plainly, without credentials, honouring the signal.
 */
export async function loadImageModelFile(
  file: ImageModelV4File,
  { fetch, abortSignal }: { fetch?: FetchFunction; abortSignal?: AbortSignal },
): Promise<LoadedImageFile> {
  if (file.type === 'file') {
    const data = typeof file.data === 'string' ? convertBase64ToUint8Array(file.data) : file.data;
    return { data, mediaType: resolveImageMediaType(file.mediaType, data) };
  }

  const inline = decodeImageDataUrl(file.url);
  if (inline !== undefined) {
    const data = convertBase64ToUint8Array(inline.base64);
    return { data, mediaType: resolveImageMediaType(inline.mediaType, data) };
  }

  let response: Response;
  try {
    response = await (fetch ?? globalThis.fetch)(file.url, { signal: abortSignal });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new DownloadError({ url: file.url, cause: error });
  }
  if (!response.ok) {
    throw new DownloadError({
      url: file.url,
      statusCode: response.status,
      statusText: response.statusText,
    });
  }
  const data = await readResponseWithSizeLimit({ response, url: file.url });
  return {
    data,
    mediaType: resolveImageMediaType(response.headers.get('content-type') ?? undefined, data),
  };
}

/** A Blob of the loaded bytes (copied only when they sit on a non-ArrayBuffer buffer). */
export function loadedImageToBlob({ data, mediaType }: LoadedImageFile): Blob {
  const bytes =
    data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
  return new Blob([bytes], { type: mediaType });
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'image/heic': 'heic',
  'image/avif': 'avif',
};

/**
 * A filename with a real extension: the gateway rebuilds the multipart form and guesses
 * each file's MIME type from its extension (`.jpg/.jpeg` → jpeg, `.webp`, else png).
 */
export function imageFilename(stem: string, mediaType: string): string {
  const extension = EXTENSIONS[mediaType] ?? (mediaTypeToExtension(mediaType) || 'png');
  return `${stem}.${extension}`;
}
