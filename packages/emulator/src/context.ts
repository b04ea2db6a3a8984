import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MultipartResult } from './multipart.ts';
import type { EmulatorState } from './state.ts';

/** Which error body shape a route uses (protocol §5.1). */
export type ErrorStyle = 'openai' | 'anthropic' | 'task';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: EmulatorState;
  requestId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** Parsed JSON body (undefined when empty, multipart or unparsable). */
  body: unknown;
  /** Set when the body claimed to be JSON (or had no multipart type) but did not parse. */
  jsonError?: string;
  multipart?: MultipartResult;
  faults: Set<string>;
  style: ErrorStyle;
  /** Capture groups of the matched route pattern. */
  params: string[];
}

export function header(ctx: Ctx, name: string): string | undefined {
  return ctx.headers[name.toLowerCase()];
}

export function sendJson(
  ctx: Ctx,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  ctx.res.end(text);
}

export function sendBytes(
  ctx: Ctx,
  status: number,
  contentType: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  ctx.res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(bytes.length),
    ...headers,
  });
  ctx.res.end(bytes);
}
