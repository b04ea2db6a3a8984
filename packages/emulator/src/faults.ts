/**
 * Fault injection, chosen per request with `x-emulator-fault: a,b,…`.
 * `x-emulator-fail-times: N` + `x-emulator-fault-key: k` limit the faults to the first N
 * requests carrying key k (so retries can succeed).
 */
import { type Ctx, header, sendBytes, sendJson } from './context.ts';
import { errorBody, sendError } from './errors.ts';

export const FAULTS = [
  '429',
  '429-empty',
  '403-quota',
  '500',
  '500-invalid',
  'html-502',
  '200-error',
  'stream-error',
  'stream-raw-error',
  'stream-truncate',
  'stream-drop',
  'slow-first-byte',
  'ping',
  // Deterministic: the operator's content filter (new-api types/error.go, protocol §5.2).
  '500-sensitive',
  // A proxy or captive page answering with HTML and status 200.
  'html-200',
  // Stream shapes (chat completions):
  'stream-length-mid-tool', // max_tokens reached in the middle of a tool call's arguments
  'stream-same-index', // older gateway builds: Claude's parallel calls all at index 0
  'stream-azure-first-chunk', // Azure OpenAI: an empty first chunk (prompt filter results)
  'sse-cr', // CR-only line endings
  'sse-crlf', // CRLF line endings
  'sse-multiline-data', // each JSON chunk spread over several `data:` lines
  'xai-raw-usage', // xAI relayed unchanged: completion_tokens without the reasoning tokens
] as const;

export type Fault = (typeof FAULTS)[number];

export function resolveFaults(ctx: Ctx): Set<string> {
  const raw = header(ctx, 'x-emulator-fault');
  if (!raw) return new Set();
  const faults = new Set(
    raw
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
  );
  const failTimes = header(ctx, 'x-emulator-fail-times');
  if (failTimes !== undefined) {
    const key = header(ctx, 'x-emulator-fault-key') ?? '';
    const seen = (ctx.state.faultCounts.get(key) ?? 0) + 1;
    ctx.state.faultCounts.set(key, seen);
    if (seen > Number(failTimes)) return new Set();
  }
  return faults;
}

/** Milliseconds to wait before the first byte (slow-first-byte / x-emulator-delay-ms). */
export function firstByteDelay(ctx: Ctx): number {
  const explicit = Number(header(ctx, 'x-emulator-delay-ms'));
  if (Number.isFinite(explicit) && explicit > 0) return explicit;
  return ctx.faults.has('slow-first-byte') ? 300 : 0;
}

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const HTML_200 =
  '<!DOCTYPE html>\n<html><head><title>Just a moment...</title><style>body{font:14px sans-serif}</style></head>\n<body><h1>Checking your browser before accessing the site.</h1><script>setTimeout(function(){location.reload()},5000)</script></body></html>\n';

/** Applies a response-replacing fault; returns true when a response was sent. */
export function applyResponseFault(ctx: Ctx): boolean {
  const f = ctx.faults;
  if (f.has('429-empty')) {
    ctx.res.writeHead(429, { 'Content-Length': '0' });
    ctx.res.end();
    return true;
  }
  if (f.has('429')) {
    const message =
      ctx.style === 'task'
        ? '当前分组上游负载已饱和，请稍后再试'
        : '您已达到请求数限制：1分钟内最多请求1次';
    sendError(ctx, 429, {
      message,
      code: ctx.style === 'task' ? 'rate_limit' : '',
      headers: { 'Retry-After': '0' },
    });
    return true;
  }
  if (f.has('403-quota')) {
    // new-api's pre-consume check when the user's balance cannot cover the request (§5.2).
    sendError(ctx, 403, {
      message: '用户额度不足, 剩余额度: ＄0.000000',
      code: 'insufficient_user_quota',
    });
    return true;
  }
  if (f.has('500')) {
    sendError(ctx, 500, {
      message: 'do request failed: Post "https://upstream.example/v1": dial tcp: i/o timeout',
      code: 'do_request_failed',
    });
    return true;
  }
  if (f.has('500-invalid')) {
    sendError(ctx, 500, { message: 'invalid request', code: 'invalid_request' });
    return true;
  }
  if (f.has('500-sensitive')) {
    sendError(ctx, 500, { message: '敏感词检测失败', code: 'sensitive_words_detected' });
    return true;
  }
  if (f.has('html-200')) {
    sendBytes(ctx, 200, 'text/html', HTML_200);
    return true;
  }
  if (f.has('html-502')) {
    sendBytes(ctx, 502, 'text/html', HTML_502);
    return true;
  }
  if (f.has('200-error')) {
    sendJson(
      ctx,
      200,
      errorBody(ctx, {
        message: 'upstream returned an error inside a 200 response',
        type: 'upstream_error',
        code: 'bad_response',
      }),
    );
    return true;
  }
  return false;
}
