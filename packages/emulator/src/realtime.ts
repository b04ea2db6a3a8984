/**
 * `GET /v1/realtime` WebSocket upgrade, as new-api handles it: TokenAuth reads the key
 * from `Authorization`, except that a request carrying `Sec-WebSocket-Protocol` has its
 * Authorization replaced by that header's `openai-insecure-api-key.<key>` part — or, in
 * the builds without the fallback, by the whole header value, which then fails as an
 * invalid token (middleware/auth.go). The model comes from `?model=`; the only
 * subprotocol the upgrader selects is `realtime`.
 */

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { normaliseKey } from './api-key.ts';
import { makeRequestId } from './ids.ts';
import { isKnownModel, modelKind } from './known-models.ts';
import { RealtimeSession } from './realtime-session.ts';
import type { EmulatorState } from './state.ts';

/** The Authorization new-api ends up checking for a WebSocket handshake. */
export function realtimeAuthorization(headers: IncomingMessage['headers']): string | undefined {
  const protocols = headers['sec-websocket-protocol'];
  if (typeof protocols === 'string' && protocols !== '') {
    const keyed = protocols
      .split(',')
      .map((part) => part.trim())
      .find((part) => part.startsWith('openai-insecure-api-key'));
    return `Bearer ${keyed ? keyed.replace(/^openai-insecure-api-key\./, '') : protocols}`;
  }
  const authorization = headers.authorization;
  return typeof authorization === 'string' ? authorization : undefined;
}

function reject(socket: Duplex, status: number, requestId: string, body: unknown): void {
  const text = JSON.stringify(body);
  const reason =
    status === 401 ? 'Unauthorized' : status === 400 ? 'Bad Request' : 'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nX-Oneapi-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${text}`,
  );
}

const gatewayError = (message: string, code = '') => ({
  error: { message, type: 'new_api_error', param: '', code },
});

/** Why new-api would refuse this handshake (status and body), or undefined. */
function handshakeRefusal(
  path: string,
  headers: IncomingMessage['headers'],
  apiKey: string,
  model: string,
  withId: (message: string) => string,
): { status: number; body: unknown } | undefined {
  if (path !== '/v1/realtime') {
    return {
      status: 404,
      body: {
        error: {
          message: `Invalid URL (GET ${path})`,
          type: 'invalid_request_error',
          param: '',
          code: '',
        },
      },
    };
  }
  const authorization = realtimeAuthorization(headers);
  if (authorization === undefined || normaliseKey(authorization) !== normaliseKey(apiKey)) {
    return { status: 401, body: gatewayError(withId('Invalid token')) };
  }
  if (!model)
    return { status: 400, body: gatewayError(withId('未指定模型名称，模型名称不能为空')) };
  if (!isKnownModel(model) || modelKind(model) !== 'realtime') {
    return {
      status: 503,
      body: gatewayError(
        withId(`分组 default 下模型 ${model} 无可用渠道（distributor）`),
        'model_not_found',
      ),
    };
  }
  return undefined;
}

/** Returns the `upgrade` listener for the emulator's HTTP server. */
export function createRealtimeUpgradeHandler(state: EmulatorState) {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const requestId = makeRequestId(state.counters.next('request'));
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    state.requests.push({
      method: 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
    });
    const withId = (message: string) => `${message} (request id: ${requestId})`;
    const model = url.searchParams.get('model') ?? '';
    const refusal = handshakeRefusal(url.pathname, req.headers, state.apiKey, model, withId);
    if (refusal) {
      reject(socket, refusal.status, requestId, refusal.body);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new RealtimeSession(
        model,
        (event) => ws.send(JSON.stringify(event)),
        requestId,
      );
      ws.on('message', (data, isBinary) => {
        let event: unknown;
        try {
          event = JSON.parse(isBinary ? '' : data.toString());
        } catch {
          // new-api unmarshals every client frame and ends the relay on failure.
          ws.terminate();
          return;
        }
        state.realtimeEvents.push(event);
        session.handle(event);
      });
      session.start();
    });
  };
}
