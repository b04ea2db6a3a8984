import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the fake gateway received, with what happened to its connection. */
export type RecordedRequest = {
  index: number;
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
  /** Resolves when the response's connection closed (normally or not). */
  closed: Promise<void>;
  /** True once the client went away before the response was complete. */
  closedEarly: boolean;
  res: ServerResponse;
};

export type FakeHandler = (request: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 standing in for the gateway (and for download hosts).
 * Every response is sent with `Connection: close`, so no keep-alive socket outlives its
 * request on either side and resource counts before/after a test are comparable. It
 * records every request and whether the client closed the connection before the
 * response was finished — the observable effect of an abort.
 */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private handler: FakeHandler = (_, res) => sendJson(res, 404, { error: { message: 'no handler' } });
  private waiters: Array<() => void> = [];
  port = 0;

  constructor() {
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        this.notify();
      });
    });
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The base URL to configure the provider with (`…/v1`). */
  get baseURL(): string {
    return `${this.origin}/v1`;
  }

  /** Server-side sockets still open. */
  get openSockets(): number {
    return this.sockets.size;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  setHandler(handler: FakeHandler): void {
    this.handler = handler;
  }

  reset(handler?: FakeHandler): void {
    this.requests.length = 0;
    if (handler !== undefined) this.handler = handler;
  }

  /** Waits until `count` requests arrived (rejects after `timeoutMs`). */
  waitForRequests(count: number, timeoutMs = 5000): Promise<RecordedRequest[]> {
    return this.waitFor(() => this.requests.length >= count, timeoutMs, `${count} request(s)`).then(
      () => this.requests,
    );
  }

  /** Waits until no server-side socket is open any more. */
  waitForNoSockets(timeoutMs = 5000): Promise<void> {
    return this.waitFor(() => this.sockets.size === 0, timeoutMs, 'all sockets to close');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`FakeServer: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
      let markClosed!: () => void;
      const recorded: RecordedRequest = {
        index: this.requests.length,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
        json,
        closed: new Promise<void>((resolve) => {
          markClosed = resolve;
        }),
        closedEarly: false,
        res,
      };
      res.on('close', () => {
        recorded.closedEarly = !res.writableFinished;
        markClosed();
        this.notify();
      });
      res.setHeader('connection', 'close');
      this.requests.push(recorded);
      this.notify();
      Promise.resolve(this.handler(recorded, res)).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { message: String(error) } });
        else res.destroy();
      });
    });
  }
}

export async function startFakeServer(handler?: FakeHandler): Promise<FakeServer> {
  const server = await new FakeServer().start();
  if (handler !== undefined) server.setHandler(handler);
  return server;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

export function sendBytes(
  res: ServerResponse,
  status: number,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, headers);
  res.end(body);
}

/** Starts an SSE response; write events with `res.write`. */
export function startSse(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    ...headers,
  });
  res.flushHeaders();
}

/** Sends `events` (already framed) with `delayMs` between them, then ends. */
export async function sendSse(
  res: ServerResponse,
  events: string[],
  { delayMs = 0, headers = {} }: { delayMs?: number; headers?: Record<string, string> } = {},
): Promise<void> {
  startSse(res, headers);
  for (const event of events) {
    if (res.destroyed) return;
    res.write(event);
    await (delayMs > 0 ? sleep(delayMs) : new Promise<void>((resolve) => setImmediate(resolve)));
  }
  res.end();
}

/** Never answers: the request stays open until the client goes away. */
export function hang(): void {}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Active handle/request counts by type (`process.getActiveResourcesInfo()`). */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/**
 * Resource types that would show a leak from a request: sockets, timers, pending DNS
 * or fs requests. Returns the types whose count grew compared to `before`.
 */
export function leakedResources(
  before: Record<string, number>,
  after: Record<string, number> = activeResources(),
): Record<string, { before: number; after: number }> {
  const leaks: Record<string, { before: number; after: number }> = {};
  for (const [type, count] of Object.entries(after)) {
    if (count > (before[type] ?? 0)) leaks[type] = { before: before[type] ?? 0, after: count };
  }
  return leaks;
}

/** Polls `leakedResources` until it is empty or `timeoutMs` passed; returns the last result. */
export async function settleResources(
  before: Record<string, number>,
  timeoutMs = 2000,
): Promise<Record<string, { before: number; after: number }>> {
  const deadline = Date.now() + timeoutMs;
  let leaks = leakedResources(before);
  while (Object.keys(leaks).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    leaks = leakedResources(before);
  }
  return leaks;
}
