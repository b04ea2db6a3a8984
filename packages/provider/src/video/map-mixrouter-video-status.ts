export type MixRouterVideoStatus = 'pending' | 'completed' | 'error';

const COMPLETED = new Set(['completed', 'complete', 'succeeded', 'success', 'successful', 'done']);
const FAILED = new Set([
  'failed',
  'failure',
  'fail',
  'error',
  'cancelled',
  'canceled',
  'expired',
  'rejected',
]);

/**
 * Maps every task status spelling the gateway uses (protocol §9.3) to the AI SDK's three:
 * - OpenAI-Video object (`/videos/{id}`): queued, in_progress, completed, failed, unknown
 * - simplified generic (Gemini/Vertex path): queued, processing, succeeded, failed
 * - internal task record (`/video/generations/{id}` envelope): NOT_START, SUBMITTED,
 *   QUEUED, IN_PROGRESS, SUCCESS, FAILURE, UNKNOWN
 * Anything unrecognised (including UNKNOWN and a missing status) counts as still pending:
 * polling continues until a terminal status or the caller's timeout.
 */
export function mapMixRouterVideoStatus(status: unknown): MixRouterVideoStatus {
  if (typeof status !== 'string') return 'pending';
  const normalized = status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (COMPLETED.has(normalized)) return 'completed';
  if (FAILED.has(normalized)) return 'error';
  return 'pending';
}

/** Progress as 0–100 from a number (`30`) or a percentage string (`"30%"`). */
export function parseMixRouterVideoProgress(progress: unknown): number | undefined {
  const value =
    typeof progress === 'number'
      ? progress
      : typeof progress === 'string'
        ? Number.parseFloat(progress.replace('%', ''))
        : Number.NaN;
  if (!Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, value));
}
