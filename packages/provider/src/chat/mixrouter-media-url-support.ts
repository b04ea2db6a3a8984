import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';

/** Families whose gateway conversion (or upstream) fetches media URLs itself (protocol §2.3). */
export const FETCHES_AUDIO_URLS = new Set(['google', 'qwen']);
export const FETCHES_VIDEO_URLS = new Set(['google', 'qwen', 'zhipu', 'doubao', 'moonshot']);
export const FETCHES_PDF_URLS = new Set(['anthropic', 'google']);
/**
 * Which URLs the gateway fetches itself, per model: `ai` passes matching URLs through
 * and downloads the rest, so nothing is base64-inlined needlessly.
 */
export function getMixRouterSupportedUrls(info: MixRouterModelInfo): Record<string, RegExp[]> {
  const http = [/^https?:\/\/.+$/i];
  const urls: Record<string, RegExp[]> = {};
  if (info.input.includes('image')) urls['image/*'] = http;
  if (info.input.includes('audio') && FETCHES_AUDIO_URLS.has(info.family)) urls['audio/*'] = http;
  if (info.input.includes('video') && FETCHES_VIDEO_URLS.has(info.family)) urls['video/*'] = http;
  if (info.input.includes('pdf') && FETCHES_PDF_URLS.has(info.family))
    urls['application/pdf'] = http;
  return urls;
}
