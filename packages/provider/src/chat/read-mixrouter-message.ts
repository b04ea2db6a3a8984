import { asJsonRecord, type JsonRecord } from '../mixrouter-json-guards';
import { findMarkdownDataUriImages } from './scan-markdown-data-uri-images';

/**
 * Readers for the fields of a chat `message` (generate) or `delta` (stream). Both paths
 * share them, so the gateway's odd shapes are handled once. They take `unknown` and use
 * plain type guards — the stream calls them per chunk, where a schema validator would
 * dominate the cost — and never throw on unexpected types: a field of the wrong type
 * is treated as absent.
 */

export type Rec = JsonRecord;

export const asRecord = asJsonRecord;

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string with something other than whitespace in it; undefined otherwise. */
export function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim().length > 0 ? value : undefined;
}

/** A piece of `content`: answer text or a generated file. */
export type MixRouterContentItem =
  | { type: 'text'; text: string }
  | {
      type: 'file';
      mediaType: string;
      data: { type: 'data'; data: string } | { type: 'url'; url: URL };
    };

/** Reasoning text: `reasoning_content` (most upstreams) or `reasoning` (OpenRouter-style, vLLM). */
export function readReasoning(message: Rec): string | undefined {
  const content = message.reasoning_content;
  if (typeof content === 'string' && content.length > 0) return content;
  const reasoning = message.reasoning;
  if (typeof reasoning === 'string' && reasoning.length > 0) return reasoning;
  return undefined;
}

// Anchored, and every quantifier is followed by a literal it cannot match: linear.
const DATA_URL = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s;

const EXTENSION_MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

function guessImageMediaType(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return extension !== undefined && Object.hasOwn(EXTENSION_MEDIA_TYPES, extension)
    ? EXTENSION_MEDIA_TYPES[extension]!
    : 'image/png';
}

/** A URL or data URL from the response as a V4 file item; undefined if unusable. */
export function fileItemFromUrl(
  url: string,
  mediaTypeHint: string | undefined,
): MixRouterContentItem | undefined {
  const dataUrl = DATA_URL.exec(url);
  if (dataUrl) {
    return {
      type: 'file',
      mediaType: mediaTypeHint || dataUrl[1] || 'application/octet-stream',
      data: { type: 'data', data: dataUrl[2]!.replace(/\s+/g, '') },
    };
  }
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return {
      type: 'file',
      mediaType: mediaTypeHint || guessImageMediaType(url),
      data: { type: 'url', url: parsed },
    };
  } catch {
    return undefined;
  }
}

function splitMarkdownDataUriImages(text: string, out: MixRouterContentItem[]): void {
  let last = 0;
  for (const match of findMarkdownDataUriImages(text)) {
    const item = fileItemFromUrl(match.url, undefined);
    if (item === undefined) continue;
    if (match.start > last) out.push({ type: 'text', text: text.slice(last, match.start) });
    out.push(item);
    last = match.end;
  }
  if (last < text.length) out.push({ type: 'text', text: last === 0 ? text : text.slice(last) });
}

function pushText(text: string, markdownImages: boolean, out: MixRouterContentItem[]): void {
  if (markdownImages && text.includes('](')) splitMarkdownDataUriImages(text, out);
  else if (text.length > 0) out.push({ type: 'text', text });
}

/**
 * `content` as a string, null, or (MixRouter's Gemini image models) an array of
 * `{type:"text"}` / `{type:"image_url", image_url:{url, MimeType}}` parts. With
 * `markdownImages` (image-output models), markdown data-URI images in the text
 * (`![image](data:image/png;base64,…)`, stock new-api's Gemini image output, protocol
 * §4.2) become file items; otherwise text stays text, whatever it contains.
 */
export function readContent(
  message: Rec,
  { markdownImages }: { markdownImages: boolean },
): MixRouterContentItem[] {
  const content = message.content;
  const out: MixRouterContentItem[] = [];
  if (typeof content === 'string') {
    pushText(content, markdownImages, out);
  } else if (Array.isArray(content)) {
    for (const part of content) {
      const p = asRecord(part);
      if (p === undefined) continue;
      if (p.type === 'text' || p.type === 'output_text') {
        const text = asString(p.text);
        if (text !== undefined) pushText(text, markdownImages, out);
      } else if (p.type === 'image_url' || p.type === 'image') {
        const image = p.image_url ?? p.image;
        const imageRecord = asRecord(image);
        const url = typeof image === 'string' ? image : asString(imageRecord?.url);
        if (url === undefined || url.length === 0) continue;
        // The gateway serialises a Go field without a json tag: `MimeType`.
        const mediaType =
          asString(imageRecord?.MimeType) ??
          asString(imageRecord?.mime_type) ??
          asString(imageRecord?.mimeType);
        const item = fileItemFromUrl(url, mediaType || undefined);
        if (item !== undefined) out.push(item);
      }
    }
  }
  return out;
}

/** A tool-call fragment as the wire sends it, normalised: what the correlator reads. */
export type MixRouterToolCallDelta = {
  index?: number;
  id?: string;
  type?: string;
  function: { name?: string; arguments?: string };
  extra_content?: Rec;
};

export function readToolCalls(message: Rec): MixRouterToolCallDelta[] {
  const calls = message.tool_calls;
  if (!Array.isArray(calls) || calls.length === 0) return [];
  const out: MixRouterToolCallDelta[] = [];
  for (const call of calls) {
    const c = asRecord(call);
    if (c === undefined) continue;
    const fn = asRecord(c.function);
    const args = fn?.arguments;
    out.push({
      index: typeof c.index === 'number' ? c.index : undefined,
      id: asString(c.id),
      type: asString(c.type),
      function: {
        name: asString(fn?.name),
        // Some upstreams send the arguments as an object rather than a JSON string.
        arguments:
          typeof args === 'string' ? args : asRecord(args) ? JSON.stringify(args) : undefined,
      },
      extra_content: asRecord(c.extra_content),
    });
  }
  return out;
}

/** `message.audio` / `delta.audio` from OpenAI audio models. */
export function readAudio(
  message: Rec,
): { data?: string; transcript?: string; id?: string } | undefined {
  const audio = asRecord(message.audio);
  if (audio === undefined) return undefined;
  return {
    data: asString(audio.data),
    transcript: asString(audio.transcript),
    id: asString(audio.id),
  };
}

export type MixRouterUrlSource = { url: string; title?: string };

/** `annotations: [{type:'url_citation', url_citation:{url,title}}]` passed through from upstreams. */
export function readUrlCitations(message: Rec): MixRouterUrlSource[] {
  const annotations = message.annotations;
  if (!Array.isArray(annotations)) return [];
  const out: MixRouterUrlSource[] = [];
  for (const annotation of annotations) {
    const a = asRecord(annotation);
    if (a?.type !== 'url_citation') continue;
    const citation = asRecord(a.url_citation) ?? a;
    const url = asString(citation.url);
    if (url) out.push({ url, title: asString(citation.title) });
  }
  return out;
}

const AUDIO_MEDIA_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  pcm16: 'audio/pcm',
};

export function audioFormatToMediaType(format: string | undefined): string {
  return (format && AUDIO_MEDIA_TYPES[format]) || 'audio/wav';
}
