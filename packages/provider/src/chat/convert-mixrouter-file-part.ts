import {
  type LanguageModelV4FilePart,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  convertToBase64,
  getTopLevelMediaType,
  isFullMediaType,
  resolveFullMediaType,
  resolveProviderReference,
} from '@ai-sdk/provider-utils';
import type { MixRouterInputModality, MixRouterModelInfo } from '../mixrouter-model-catalogue';
import { parseMixRouterFilePartOptions } from './mixrouter-file-part-options';
import { FETCHES_AUDIO_URLS, FETCHES_PDF_URLS } from './mixrouter-media-url-support';
import { markVerbatimJsonString } from './serialize-mixrouter-json-body';

/** A content part of a MixRouter chat request. */
export type MixRouterChatContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } }
  | { type: 'input_audio'; input_audio: { data: string; format: string } }
  | { type: 'audio_url'; audio_url: { url: string } }
  | { type: 'video_url'; video_url: { url: string } }
  | { type: 'file'; file: { filename?: string; file_data?: string; file_id?: string } };

/** Families that accept base64 video as a data URL (MixRouter's docs advise URLs). */
const ACCEPTS_VIDEO_BYTES = new Set(['google', 'qwen']);

// Formats accepted by `input_audio`: OpenAI takes wav/mp3; the stock Gemini converter
// whitelists audio/mpeg, audio/mp3 and audio/wav (protocol §2.3).
const AUDIO_FORMATS: Record<string, string> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
  'audio/webm': 'webm',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/amr': 'amr',
};
const STRICT_AUDIO_FORMATS = new Set(['wav', 'mp3']);

function modalityOf(
  topLevel: string,
  mediaType: string,
): MixRouterInputModality | 'text-file' | 'other' {
  if (topLevel === 'image') return 'image';
  if (topLevel === 'audio') return 'audio';
  if (topLevel === 'video') return 'video';
  if (mediaType === 'application/pdf') return 'pdf';
  if (topLevel === 'text') return 'text-file';
  return 'other';
}

function unsupported(info: MixRouterModelInfo, what: string): UnsupportedFunctionalityError {
  return new UnsupportedFunctionalityError({
    functionality: `${what} (model ${info.id}, family ${info.family})`,
    message: `MixRouter model "${info.id}" cannot take ${what}.`,
  });
}

function dataUrl(mediaType: string, data: string | Uint8Array): string {
  return `data:${mediaType};base64,${convertToBase64(data)}`;
}

/**
 * Marks `object[key]` for the body serializer when the package encoded its base64 from
 * bytes (a caller's base64 string is quoted as usual).
 */
function markEncoded<T extends object>(
  object: T,
  key: keyof T & string,
  data: string | Uint8Array,
  prefix: string,
): T {
  return typeof data === 'string' ? object : markVerbatimJsonString(object, key, prefix);
}

/**
 * Converts one V4 `file` part to MixRouter content parts for a model. Throws a clear
 * `UnsupportedFunctionalityError` before any request is made when the model or family
 * cannot take the file; for models the catalogue only inferred (not listed), a
 * modality it did not expect is sent anyway with a `compatibility` warning.
 */
export function convertMixRouterFilePart({
  part,
  info,
  imageDetail,
  warnings,
}: {
  part: LanguageModelV4FilePart;
  info: MixRouterModelInfo;
  imageDetail?: 'auto' | 'low' | 'high';
  warnings: SharedV4Warning[];
}): MixRouterChatContentPart {
  parseMixRouterFilePartOptions(part);
  const data = part.data;
  const topLevel = getTopLevelMediaType(part.mediaType);

  if (data.type === 'reference') {
    // Only OpenAI-type upstreams understand file ids; the gateway has no files API of its own.
    if (info.family !== 'openai') throw unsupported(info, 'provider file references');
    return {
      type: 'file',
      file: {
        file_id: resolveProviderReference({ reference: data.reference, provider: 'mixrouter' }),
      },
    };
  }

  if (data.type === 'text') {
    if (topLevel === 'text' || part.mediaType === 'text') return { type: 'text', text: data.text };
    throw unsupported(info, `inline text for media type ${part.mediaType}`);
  }

  const mediaType = isFullMediaType(part.mediaType)
    ? part.mediaType
    : data.type === 'data'
      ? resolveFullMediaType({ part })
      : part.mediaType;
  const modality = modalityOf(topLevel, mediaType);

  if (modality === 'text-file') {
    if (data.type === 'url') throw unsupported(info, `text files by URL (${mediaType})`);
    const bytes = typeof data.data === 'string' ? convertBase64ToUint8Array(data.data) : data.data;
    return { type: 'text', text: new TextDecoder().decode(bytes) };
  }
  if (modality === 'other') throw unsupported(info, `files of media type ${mediaType}`);

  if (!info.input.includes(modality)) {
    if (info.listed) throw unsupported(info, `${modality} input (${mediaType})`);
    warnings.push({
      type: 'compatibility',
      feature: `${modality} input`,
      details: `The catalogue does not know whether ${info.id} accepts ${modality}; it was sent anyway.`,
    });
  }

  const url = data.type === 'url' ? data.url.toString() : undefined;

  switch (modality) {
    case 'image': {
      const bytes = url === undefined ? (data as { data: string | Uint8Array }).data : '';
      const image_url = {
        url: url ?? dataUrl(mediaType, bytes),
        ...(imageDetail !== undefined ? { detail: imageDetail } : {}),
      };
      return {
        type: 'image_url',
        image_url: markEncoded(image_url, 'url', bytes, `data:${mediaType};base64,`),
      };
    }

    case 'audio': {
      if (url !== undefined) {
        if (!FETCHES_AUDIO_URLS.has(info.family) && info.listed)
          throw unsupported(info, 'audio by URL');
        return { type: 'audio_url', audio_url: { url } };
      }
      const bytes = (data as { data: string | Uint8Array }).data;
      const format = AUDIO_FORMATS[mediaType];
      if (format === undefined) throw unsupported(info, `audio of media type ${mediaType}`);
      if (info.family === 'qwen') {
        // DashScope takes `input_audio.data` as a data URL.
        const input_audio = { data: dataUrl(mediaType, bytes), format };
        return {
          type: 'input_audio',
          input_audio: markEncoded(input_audio, 'data', bytes, `data:${mediaType};base64,`),
        };
      }
      if (!STRICT_AUDIO_FORMATS.has(format))
        throw unsupported(info, `audio of media type ${mediaType} (wav or mp3 only)`);
      const input_audio = { data: convertToBase64(bytes), format };
      return { type: 'input_audio', input_audio: markEncoded(input_audio, 'data', bytes, '') };
    }

    case 'video': {
      if (url !== undefined) return { type: 'video_url', video_url: { url } };
      if (!ACCEPTS_VIDEO_BYTES.has(info.family)) {
        throw unsupported(info, 'video as bytes (send a public video URL instead)');
      }
      warnings.push({
        type: 'compatibility',
        feature: 'video input as bytes',
        details:
          'MixRouter advises sending videos by URL; the bytes were sent as a base64 data URL.',
      });
      const bytes = (data as { data: string | Uint8Array }).data;
      const video_url = { url: dataUrl(mediaType, bytes) };
      return {
        type: 'video_url',
        video_url: markEncoded(video_url, 'url', bytes, `data:${mediaType};base64,`),
      };
    }

    case 'pdf': {
      const filename = part.filename ?? 'document.pdf';
      if (url !== undefined) {
        if (!FETCHES_PDF_URLS.has(info.family)) throw unsupported(info, 'PDF by URL');
        return { type: 'file', file: { filename, file_data: url } };
      }
      const bytes = (data as { data: string | Uint8Array }).data;
      const file = { filename, file_data: dataUrl(mediaType, bytes) };
      return {
        type: 'file',
        file: markEncoded(file, 'file_data', bytes, `data:${mediaType};base64,`),
      };
    }
  }
  throw unsupported(info, `files of media type ${mediaType}`);
}
