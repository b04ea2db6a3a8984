import type { ChatErrorPayload } from './web-chat-types';

const TITLES: Record<string, string> = {
  'insufficient-quota': 'Quota exhausted',
  'rate-limit': 'Rate limited',
  authentication: 'Authentication failed',
  permission: 'Not allowed',
  'model-not-found': 'Model not available',
  'invalid-request': 'Request rejected',
  timeout: 'Timed out',
  upstream: 'Upstream error',
};

/** The server sends a JSON payload as the stream's error text; anything else is shown as is. */
export function parseChatError(error: Error): ChatErrorPayload & { title: string } {
  let payload: ChatErrorPayload = { kind: 'error', message: error.message };
  try {
    const parsed: unknown = JSON.parse(error.message);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
      payload = parsed as ChatErrorPayload;
    }
  } catch {
    // Not JSON: a network failure or a plain-text error from the transport.
  }
  return { ...payload, title: TITLES[payload.kind] ?? 'Error' };
}
