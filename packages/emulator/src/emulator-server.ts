/** The HTTP server: body parsing, recording, auth, fault injection and dispatch. */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { normaliseKey } from './api-key.ts';
import type { Ctx } from './context.ts';
import { sendError, sendForbiddenChannel, sendInvalidToken, sendNotFoundRoute } from './errors.ts';
import { applyResponseFault, firstByteDelay, resolveFaults } from './faults.ts';
import { makeRequestId } from './ids.ts';
import { multipartBoundary, parseMultipart, summarizeMultipart } from './multipart.ts';
import { createRealtimeUpgradeHandler } from './realtime.ts';
import { type AuthMode, matchRoute } from './routes.ts';
import {
  createState,
  type EmulatorBilling,
  type EmulatorState,
  type RecordedRequest,
} from './state.ts';

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** The only accepted API key (default `sk-emulator`). */
  apiKey?: string;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** The account the billing routes report (default: $25 limit, $3.125 used). */
  billing?: Partial<EmulatorBilling>;
  /**
   * Reject what the real upstreams reject, with their errors (default true; see README
   * "Upstream contracts"). `false` accepts any well-formed request.
   */
  strict?: boolean;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>/v1` */
  baseURL: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  apiKey: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Client events received on `/v1/realtime` WebSockets, in order. */
  realtimeEvents: unknown[];
  /** Closes the server and destroys open sockets. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** 'ok', 'missing-or-wrong', or 'channel' (key with a `-<channel>` suffix → 403). */
function checkAuth(ctx: Ctx, mode: AuthMode): 'ok' | 'invalid' | 'channel' {
  if (mode === 'none') return 'ok';
  const candidates = [ctx.headers.authorization];
  if (mode === 'anthropic') candidates.push(ctx.headers['x-api-key']);
  if (mode === 'gemini') candidates.push(ctx.headers['x-goog-api-key'], ctx.query.key);
  const expected = normaliseKey(ctx.state.apiKey);
  for (const candidate of candidates) {
    if (!candidate) continue;
    const key = normaliseKey(candidate);
    if (key === expected) return 'ok';
    if (key.startsWith(`${expected}-`) && /^\d+$/.test(key.slice(expected.length + 1)))
      return 'channel';
  }
  return 'invalid';
}

function parseBody(ctx: Ctx): void {
  const type = ctx.headers['content-type'];
  const boundary = multipartBoundary(type);
  if (boundary) {
    try {
      ctx.multipart = parseMultipart(ctx.rawBody, boundary);
    } catch (error) {
      ctx.jsonError = `malformed multipart body: ${(error as Error).message}`;
    }
    return;
  }
  if (ctx.rawBody.length === 0) return;
  const text = ctx.rawBody.toString('utf8');
  try {
    ctx.body = JSON.parse(text);
  } catch (error) {
    ctx.jsonError = (error as Error).message;
  }
}

function recordedBody(ctx: Ctx): unknown {
  if (ctx.multipart) return summarizeMultipart(ctx.multipart);
  if (ctx.body !== undefined) return ctx.body;
  return ctx.rawBody.length > 0 ? ctx.rawBody.toString('utf8') : undefined;
}

async function handle(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = makeRequestId(state.counters.next('request'));
  res.setHeader('X-Oneapi-Request-Id', requestId);
  res.setHeader('Access-Control-Allow-Origin', '*');
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const ctx: Ctx = {
    req,
    res,
    state,
    requestId,
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: Object.fromEntries(url.searchParams),
    headers: flattenHeaders(req),
    rawBody: Buffer.alloc(0),
    body: undefined,
    faults: new Set(),
    style: 'openai',
    params: [],
  };
  const raw = await readBody(req);
  if (raw !== 'too-large') {
    ctx.rawBody = raw;
    parseBody(ctx);
  }
  state.requests.push({
    method: ctx.method,
    path: ctx.path,
    query: ctx.query,
    headers: ctx.headers,
    body: recordedBody(ctx),
  });

  if (ctx.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': '*',
    });
    res.end();
    return;
  }
  const match = matchRoute(ctx.method, ctx.path);
  if (!match) return sendNotFoundRoute(ctx);
  ctx.style = match.route.style;
  ctx.params = match.params;
  if (raw === 'too-large') {
    return sendError(ctx, 413, {
      message: 'request body too large',
      code: 'read_request_body_failed',
    });
  }

  const auth = checkAuth(ctx, match.route.auth);
  if (auth === 'invalid') return sendInvalidToken(ctx);
  if (auth === 'channel') return sendForbiddenChannel(ctx);

  if (match.route.auth !== 'none') {
    ctx.faults = resolveFaults(ctx);
    const delay = firstByteDelay(ctx);
    if (delay > 0) await sleep(delay);
    if (applyResponseFault(ctx)) return;
  }
  await match.route.handler(ctx);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const state = createState(
    options.apiKey ?? 'sk-emulator',
    options.billing,
    options.strict ?? true,
  );
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            error: {
              message: `emulator internal error: ${String(error)}`,
              type: 'new_api_error',
              param: '',
              code: 'emulator_internal_error',
            },
          }),
        );
      } else {
        res.destroy();
      }
    });
  });
  server.on('upgrade', createRealtimeUpgradeHandler(state));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const publicHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${publicHost}:${port}`;
  state.origin = origin;
  return {
    baseURL: `${origin}/v1`,
    origin,
    apiKey: state.apiKey,
    requests: state.requests,
    realtimeEvents: state.realtimeEvents,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
