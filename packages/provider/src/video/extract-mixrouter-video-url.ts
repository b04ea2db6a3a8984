import { isJsonRecord as isObject } from '../mixrouter-json-guards';
/** True for absolute http(s) URLs only; other schemes are never used as a video URL. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value.trim());
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function httpUrl(value: unknown): string | undefined {
  return isHttpUrl(value) ? value.trim() : undefined;
}

/**
 * The finished video's URL from a task record (protocol §9.4), in this order:
 * 1. `metadata.url` (OpenAI-Video object, e.g. Doubao)
 * 2. `url` (flat Gemini/Vertex shape)
 * 3. `result_url` (envelope, [mar26]+)
 * 4. `fail_reason` when the task succeeded and it holds a URL ([dec25] stored it there)
 * 5. the vendor payload in `data`: `content.video_url` (Doubao), `video_url`, `url`,
 *    `video.url`, `videos[0].url`
 * Returns undefined when none is an http(s) URL (then use `/videos/{id}/content`).
 */
export function extractMixRouterVideoUrl(
  task: Record<string, unknown>,
  { succeeded }: { succeeded: boolean },
): string | undefined {
  const metadata = isObject(task.metadata) ? task.metadata : undefined;
  const vendor = isObject(task.data) ? task.data : undefined;
  const content = vendor !== undefined && isObject(vendor.content) ? vendor.content : undefined;
  const video = vendor !== undefined && isObject(vendor.video) ? vendor.video : undefined;
  const firstVideo =
    vendor !== undefined && Array.isArray(vendor.videos) && isObject(vendor.videos[0])
      ? vendor.videos[0]
      : undefined;

  return (
    httpUrl(metadata?.url) ??
    httpUrl(task.url) ??
    httpUrl(task.result_url) ??
    (succeeded ? httpUrl(task.fail_reason) : undefined) ??
    httpUrl(content?.video_url) ??
    httpUrl(vendor?.video_url) ??
    httpUrl(vendor?.url) ??
    httpUrl(video?.url) ??
    httpUrl(firstVideo?.url)
  );
}
