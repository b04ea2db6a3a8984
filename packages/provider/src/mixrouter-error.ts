import { APICallError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type FlexibleSchema,
  type ResponseHandler,
  safeValidateTypes,
  secureJsonParse,
} from '@ai-sdk/provider-utils';
import { isJsonRecord, type JsonRecord } from './mixrouter-json-guards';
import { unlistedModelHint, unlistedModelNotFound } from './mixrouter-model-not-found';

/** What went wrong, in terms an app can branch on. */
export type MixRouterErrorKind =
  | 'authentication'
  | 'permission'
  | 'insufficient-quota'
  | 'model-not-found'
  | 'rate-limit'
  | 'invalid-request'
  | 'timeout'
  | 'upstream'
  | 'unknown';

const MARKER = Symbol.for('mixrouter.ai-sdk-provider.error');

/**
 * An `APICallError` carrying the gateway's error fields. It is an `APICallError` for
 * every purpose of the AI SDK (retries, `APICallError.isInstance`), plus `kind`, `code`,
 * `type` and `requestId` (the `X-Oneapi-Request-Id` the gateway's support asks for).
 */
export class MixRouterAPIError extends APICallError {
  readonly [MARKER] = true;
  readonly kind: MixRouterErrorKind;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly requestId: string | undefined;

  constructor(
    options: ConstructorParameters<typeof APICallError>[0] & {
      kind: MixRouterErrorKind;
      code?: string;
      type?: string;
      requestId?: string;
    },
  ) {
    super(options);
    this.kind = options.kind;
    this.code = options.code;
    this.type = options.type;
    this.requestId = options.requestId;
  }

  // The main entry and `/core` are separate builds with a copy of this class each:
  // `instanceof` checks the marker, so an error from either is recognised by both.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return MixRouterAPIError.isMixRouterError(value);
  }

  static isMixRouterError(error: unknown): error is MixRouterAPIError {
    return typeof error === 'object' && error !== null && MARKER in error;
  }
}

export const isMixRouterError = MixRouterAPIError.isMixRouterError;

/** The fields we could read from any of the gateway's error body shapes. */
export type MixRouterErrorFields = {
  message?: string;
  code?: string;
  type?: string;
  param?: string;
};

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * MiniMax error codes that say more than "failed" (https://platform.minimax.io/docs/api-reference/errorcode):
 * 1002 / 1039 are the RPM / TPM rate limits, 2013 is "invalid params".
 */
const MINIMAX_CODES: Readonly<Record<number, string>> = {
  1002: 'rate_limit_exceeded',
  1039: 'rate_limit_exceeded',
  2013: 'invalid_request',
};

/**
 * new-api's MiniMax channel calls MiniMax's native `chatcompletion_v2`, which reports request
 * errors inside an HTTP 200: `choices` null and `base_resp: {status_code, status_msg}`
 * (status 0 is success; https://platform.minimax.io/docs/api-reference/text-post). The
 * gateway finds no `error` object and relays the body as is, so it would read as an empty
 * answer.
 */
function miniMaxErrorFields(body: JsonRecord): MixRouterErrorFields | undefined {
  const baseResp = body.base_resp;
  if (!isJsonRecord(baseResp)) return undefined;
  const status = baseResp.status_code;
  if (typeof status !== 'number' || status === 0) return undefined;
  if (Array.isArray(body.choices) && body.choices.length > 0) return undefined;
  return {
    message: `MiniMax error ${status}: ${asString(baseResp.status_msg) ?? 'no message'}`,
    code: MINIMAX_CODES[status] ?? `minimax_${status}`,
  };
}

/**
 * Reads the gateway's error shapes: `{error:{message,type,param,code}}` (OpenAI routes),
 * `{type:"error",error:{type,message}}` (/v1/messages), `{code,message,data}` (task
 * routes), and a bare string `error`. Returns undefined when the value is none of them.
 */
export function extractMixRouterErrorFields(value: unknown): MixRouterErrorFields | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const body = value as JsonRecord;
  const error = body.error;
  if (isJsonRecord(error)) {
    const e = error;
    const message = asString(e.message) ?? asString(e.msg);
    if (message === undefined && e.code === undefined && e.type === undefined) return undefined;
    const type = asString(e.type);
    // /v1/messages: {"type":"error","error":{"type":"<code or type>","message":…}} — the
    // gateway puts its error code in `error.type` there (protocol §5.1).
    const code = asString(e.code) ?? (body.type === 'error' ? type : undefined);
    return { message, code, type, param: asString(e.param) };
  }
  if (typeof error === 'string' && error.length > 0) return { message: error };
  const miniMax = miniMaxErrorFields(body);
  if (miniMax !== undefined) return miniMax;
  // Task routes: {"code":"task_not_exist","message":"…","data":null}; success envelopes use code "success".
  if (typeof body.message === 'string' && body.code !== undefined && body.code !== 'success') {
    if ('choices' in body || 'object' in body) return undefined;
    return { message: asString(body.message), code: asString(body.code) };
  }
  return undefined;
}

const QUOTA_CODES = new Set([
  'insufficient_user_quota',
  'pre_consume_token_quota_failed',
  'entitlement_daily_limit_exceeded',
  'entitlement_total_limit_exceeded',
]);

const PERMISSION_CODES = new Set(['access_denied', 'entitlement_required', 'entitlement_inactive']);

/**
 * Gateway error codes whose cause is the request itself, the account or the gateway's
 * configuration — sending the same request again cannot succeed, whatever the status
 * (new-api sends several of them as 500 because no status was set). From new-api
 * types/error.go and protocol §5.2. Not in the list, so retryable on 5xx: transport and
 * upstream failures (`do_request_failed`, `bad_response*`, `empty_response`,
 * `read_response_body_failed`, `channel:response_time_exceeded`, `channel:invalid_key`
 * and `channel:no_available_key` — another attempt may get another channel — and
 * database errors), and the concurrency limits, which are rate limits.
 */
const DETERMINISTIC_CODES = new Set([
  'invalid_request',
  'sensitive_words_detected',
  'prompt_blocked',
  'violation_fee.grok.csam',
  'count_token_failed',
  'model_price_error',
  'invalid_api_type',
  'json_marshal_failed',
  'convert_request_failed',
  'read_request_body_failed',
  'bad_request_body',
  'channel:param_override_invalid',
  'channel:header_override_invalid',
  'channel:model_mapped_error',
  ...QUOTA_CODES,
  ...PERMISSION_CODES,
]);

const RATE_LIMIT_CODES = new Set([
  'token_concurrency_limit_reached',
  'token_concurrency_unavailable',
]);

function isRateLimitCode(code: string): boolean {
  return RATE_LIMIT_CODES.has(code) || /rate.?limit|too.?many.?requests/i.test(code);
}

export function classifyMixRouterError(
  statusCode: number | undefined,
  code: string | undefined,
): MixRouterErrorKind {
  if (code === 'model_not_found') return 'model-not-found';
  if (code !== undefined && QUOTA_CODES.has(code)) return 'insufficient-quota';
  if (code !== undefined && PERMISSION_CODES.has(code)) return 'permission';
  // A deterministic code reported with a 5xx (or inside a 200) is still the request's fault.
  if (code !== undefined && DETERMINISTIC_CODES.has(code)) return 'invalid-request';
  // An error inside an HTTP 200 (or a stream) has no useful status: read the code.
  if (code !== undefined && isRateLimitCode(code)) return 'rate-limit';
  switch (statusCode) {
    case 401:
      return 'authentication';
    case 402:
      return 'insufficient-quota';
    case 403:
      return 'permission';
    case 408:
    case 504:
    case 524:
      return 'timeout';
    case 429:
      return 'rate-limit';
    case 400:
    case 404:
    case 413:
    case 422:
      return 'invalid-request';
  }
  if (statusCode !== undefined && statusCode >= 500) return 'upstream';
  return 'unknown';
}

/**
 * 408, 409, 429 and 5xx are worth retrying — except a deterministic gateway code (see
 * `DETERMINISTIC_CODES`: e.g. a 500 `invalid_request` is a validation error with the
 * wrong status, a 500 `sensitive_words_detected` the operator's content filter), where
 * sending the same body again cannot succeed. A rate-limit code is retryable whatever
 * the status.
 */
export function isMixRouterErrorRetryable(
  statusCode: number | undefined,
  code: string | undefined,
): boolean {
  if (code !== undefined && DETERMINISTIC_CODES.has(code)) return false;
  if (code !== undefined && isRateLimitCode(code)) return true;
  if (statusCode === undefined) return false;
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

const HINTS: Partial<Record<MixRouterErrorKind, string>> = {
  authentication: 'authentication failed: check the MixRouter API key (MIXROUTER_API_KEY)',
  permission: 'this key is not allowed to do that (user disabled, IP or model not allowed)',
  'insufficient-quota': 'the MixRouter account balance or key quota is exhausted',
  'model-not-found': 'no channel serves this model for your key group: check the model id',
  'rate-limit': 'rate limited by MixRouter: slow down and retry later',
  'invalid-request': 'the gateway rejected the request body',
};

const CJK = /[\u3400-\u9fff]/;

/**
 * The gateway's own message, kept verbatim (it carries the request id), with the
 * request id added when missing and an English hint when the message is Chinese.
 */
export function formatMixRouterErrorMessage({
  message,
  statusCode,
  kind,
  requestId,
}: {
  message: string;
  statusCode: number | undefined;
  kind: MixRouterErrorKind;
  requestId: string | undefined;
}): string {
  let text = message;
  if (requestId !== undefined && !text.includes(requestId)) text += ` (request id: ${requestId})`;
  const hint = HINTS[kind];
  if (hint !== undefined && CJK.test(message)) text += ` [${hint}]`;
  if (statusCode !== undefined && statusCode !== 200 && !/\bHTTP \d{3}\b/.test(text)) {
    text = `MixRouter HTTP ${statusCode}: ${text}`;
  }
  return text;
}

/** How much of a non-JSON body the summariser reads: hostile bodies can be huge. */
const SUMMARY_PREFIX_CHARS = 16 * 1024;
const SUMMARY_CHARS = 200;

/**
 * A short plain-text summary of an HTML or other non-JSON body: tags, `<script>` and
 * `<style>` contents dropped, whitespace collapsed, at most 200 characters. One linear
 * pass over a bounded prefix (no backtracking regex: a crafted 100 KB page used to take
 * seconds).
 */
export function summariseNonJsonBody(body: string): string {
  const text = body.length > SUMMARY_PREFIX_CHARS ? body.slice(0, SUMMARY_PREFIX_CHARS) : body;
  let out = '';
  let pendingSpace = false;
  /** Once no `>` is left, every later `<` is a plain character (no rescan per `<`). */
  let closeLeft = true;
  let i = 0;
  const n = text.length;
  while (i < n && out.length <= SUMMARY_CHARS) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */ && closeLeft) {
      const close = text.indexOf('>', i + 1);
      if (close !== -1) {
        i = rawTextEnd(text, i, close);
        pendingSpace = out.length > 0;
        continue;
      }
      closeLeft = false;
    }
    if (c === 32 || (c >= 9 && c <= 13)) {
      pendingSpace = out.length > 0;
      i++;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += text[i];
    i++;
  }
  return out.length > SUMMARY_CHARS ? `${out.slice(0, SUMMARY_CHARS)}…` : out;
}

/**
 * Where scanning resumes after the tag `text[open..close]`: past the tag, or for
 * `<script>`/`<style>` past the matching end tag (their content is not text).
 */
function rawTextEnd(text: string, open: number, close: number): number {
  for (const name of ['script', 'style']) {
    if (
      text.length >= open + 1 + name.length &&
      text.slice(open + 1, open + 1 + name.length).toLowerCase() === name
    ) {
      const after = text.charCodeAt(open + 1 + name.length);
      if (after !== 62 /* > */ && after !== 32 && !(after >= 9 && after <= 13) && after !== 47)
        continue;
      const end = indexOfIgnoreCase(text, `</${name}`, close + 1);
      if (end === -1) return text.length;
      const endClose = text.indexOf('>', end);
      return endClose === -1 ? text.length : endClose + 1;
    }
  }
  return close + 1;
}

/** `indexOf` ignoring ASCII case, for a lowercase `needle` (linear in `text`). */
function indexOfIgnoreCase(text: string, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (
    let i = text.indexOf(String.fromCharCode(first), from);
    i !== -1;
    i = text.indexOf(String.fromCharCode(first), i + 1)
  ) {
    if (text.slice(i, i + needle.length).toLowerCase() === needle) return i;
  }
  return -1;
}

export function getRequestId(headers: Record<string, string> | undefined): string | undefined {
  return headers?.['x-oneapi-request-id'] ?? headers?.['x-request-id'];
}

/** Builds the error for a parsed gateway error payload (HTTP error or an error inside a 200). */
export function createMixRouterAPIError({
  fields,
  statusCode,
  url,
  requestBodyValues,
  responseHeaders,
  responseBody,
  cause,
}: {
  fields: MixRouterErrorFields;
  statusCode: number | undefined;
  url: string;
  requestBodyValues: unknown;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  cause?: unknown;
}): MixRouterAPIError {
  const requestId = getRequestId(responseHeaders);
  const kind = classifyMixRouterError(statusCode, fields.code);
  // A typo'd model id: not worth retrying, and the message says what to do.
  const unlisted = unlistedModelNotFound({ code: fields.code, url, requestBodyValues });
  const message = formatMixRouterErrorMessage({
    message: fields.message ?? fields.code ?? 'Unknown gateway error',
    statusCode,
    kind,
    requestId,
  });
  return new MixRouterAPIError({
    message: unlisted === undefined ? message : `${message} — ${unlistedModelHint(unlisted)}`,
    url,
    requestBodyValues,
    statusCode,
    responseHeaders,
    responseBody,
    cause,
    isRetryable: unlisted === undefined && isMixRouterErrorRetryable(statusCode, fields.code),
    data: { ...fields, requestId },
    kind,
    code: fields.code,
    type: fields.type,
    requestId,
  });
}

/** `failedResponseHandler` for every MixRouter route: JSON, HTML and empty bodies alike. */
export const mixrouterFailedResponseHandler: ResponseHandler<APICallError> = async ({
  response,
  url,
  requestBodyValues,
}) => {
  const responseBody = await response.text();
  const responseHeaders = extractResponseHeaders(response);
  const statusCode = response.status;
  const base = { statusCode, url, requestBodyValues, responseHeaders, responseBody };

  let fields: MixRouterErrorFields | undefined;
  if (responseBody.trim().length > 0) {
    try {
      fields = extractMixRouterErrorFields(secureJsonParse(responseBody));
    } catch {
      fields = undefined;
    }
  }
  if (fields === undefined) {
    const summary =
      responseBody.trim().length === 0
        ? 'with an empty body'
        : `with a non-JSON body: "${summariseNonJsonBody(responseBody)}"`;
    const statusText = response.statusText ? ` ${response.statusText}` : '';
    fields = { message: `MixRouter returned HTTP ${statusCode}${statusText} ${summary}` };
  }
  return { responseHeaders, value: createMixRouterAPIError({ ...base, fields }) };
};

/**
 * Like provider-utils' JSON handler, but an HTTP 200 whose body is a gateway error
 * (`{"error":…}`) raises that error instead of a schema mismatch.
 */
export function createMixRouterJsonResponseHandler<T>(
  schema: FlexibleSchema<T>,
): ResponseHandler<T> {
  return async ({ response, url, requestBodyValues }) => {
    const responseBody = await response.text();
    const responseHeaders = extractResponseHeaders(response);
    let rawValue: unknown;
    try {
      rawValue = secureJsonParse(responseBody);
    } catch (cause) {
      throw new APICallError({
        message: `MixRouter returned a response that is not JSON: "${summariseNonJsonBody(responseBody)}"`,
        cause,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        url,
        requestBodyValues,
        isRetryable: false,
      });
    }
    const errorFields = extractMixRouterErrorFields(rawValue);
    if (errorFields !== undefined) {
      throw createMixRouterAPIError({
        fields: errorFields,
        statusCode: response.status,
        url,
        requestBodyValues,
        responseHeaders,
        responseBody,
      });
    }
    const parsed = await safeValidateTypes({ value: rawValue, schema });
    if (!parsed.success) {
      throw new APICallError({
        message: `Invalid JSON response from MixRouter: ${parsed.error.message}`,
        cause: parsed.error,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        url,
        requestBodyValues,
        isRetryable: false,
      });
    }
    return { value: parsed.value, rawValue, responseHeaders };
  };
}
