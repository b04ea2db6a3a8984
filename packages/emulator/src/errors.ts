/** Gateway error bodies in the three shapes of protocol §5.1. */
import { type Ctx, header, sendJson } from './context.ts';
import { isObject, type JsonObject } from './json-util.ts';

export interface ErrorSpec {
  message: string;
  /** `error.code` (string or, for some relayed upstream errors, a number). */
  code?: string | number;
  type?: string;
  param?: string;
  /** Append ` (request id: …)` (true for gateway and relayed errors on OpenAI/Anthropic routes). */
  withRequestId?: boolean;
  headers?: Record<string, string>;
}

export function withRequestId(ctx: Ctx, message: string): string {
  return `${message} (request id: ${ctx.requestId})`;
}

/** The error body for the route's style, without sending it. */
export function errorBody(ctx: Ctx, spec: ErrorSpec): JsonObject {
  const type = spec.type ?? 'new_api_error';
  const code = spec.code ?? '';
  const message =
    spec.withRequestId === false || ctx.style === 'task'
      ? spec.message
      : withRequestId(ctx, spec.message);
  switch (ctx.style) {
    case 'anthropic':
      return { type: 'error', error: { type: code !== '' ? String(code) : type, message } };
    case 'task':
      return { code: code !== '' ? String(code) : type, message, data: null };
    default:
      return { error: { message, type, param: spec.param ?? '', code } };
  }
}

export function sendError(ctx: Ctx, status: number, spec: ErrorSpec): void {
  sendJson(ctx, status, errorBody(ctx, spec), spec.headers);
}

function zh(ctx: Ctx): boolean {
  return (header(ctx, 'accept-language') ?? '').toLowerCase().startsWith('zh');
}

export function sendInvalidToken(ctx: Ctx): void {
  sendError(ctx, 401, { message: zh(ctx) ? '无效的令牌' : 'Invalid token' });
}

export function sendForbiddenChannel(ctx: Ctx): void {
  sendError(ctx, 403, { message: '普通用户不支持指定渠道' });
}

export function sendModelNotFound(ctx: Ctx, model: string): void {
  sendError(ctx, 503, {
    message: `分组 default 下模型 ${model} 无可用渠道（distributor）`,
    code: 'model_not_found',
  });
}

export function sendMissingModel(ctx: Ctx): void {
  sendError(ctx, 400, { message: '未指定模型名称，模型名称不能为空' });
}

export function sendInvalidBody(ctx: Ctx, detail: string): void {
  sendError(ctx, 400, { message: `无效的请求, ${detail}` });
}

/** Relay-level validation failures: the gateway forgets to set a status, so they are 500. */
export function sendInvalidRequest(ctx: Ctx, message: string): void {
  sendError(ctx, 500, { message, code: 'invalid_request' });
}

/** An error as if relayed from the upstream vendor (status and type preserved). */
export function sendUpstreamError(
  ctx: Ctx,
  status: number,
  message: string,
  type = 'invalid_request_error',
  code: string | number = '',
  param = '',
): void {
  sendError(ctx, status, { message, type, code, param });
}

export function sendNotFoundRoute(ctx: Ctx): void {
  sendError(ctx, 404, {
    message: `Invalid URL (${ctx.method} ${ctx.path})`,
    type: 'invalid_request_error',
    withRequestId: false,
  });
}

export function sendNotImplemented(ctx: Ctx): void {
  sendError(ctx, 501, { message: 'API not implemented', code: 'api_not_implemented' });
}

/** The JSON body as an object, or sends 400 `无效的请求` and returns undefined. */
export function requireJsonBody(ctx: Ctx): JsonObject | undefined {
  if (isObject(ctx.body)) return ctx.body;
  const detail =
    ctx.jsonError ??
    (ctx.rawBody.length === 0 ? 'request body is empty' : 'body must be a JSON object');
  sendInvalidBody(ctx, detail);
  return undefined;
}
