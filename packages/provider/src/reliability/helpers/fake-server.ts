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
  private readonly usedSockets = new WeakSet<Socket>();
  private handler: FakeHandler = (_, res) =>
    sendJson(res, 404, { error: { message: 'no handler' } });
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

  /**
   * Closes connections that never carried a request. After an aborted request Node's
   * fetch (undici) opens a fresh idle connection to the same origin on its own
   * (reproducible with a bare `fetch`); that is not something the code under test left
   * behind. A connection that carried a request is never closed here — that would hide
   * a real leak.
   */
  dropUnusedConnections(): void {
    for (const socket of this.sockets) if (!this.usedSockets.has(socket)) socket.destroy();
  }

  /**
   * Waits until every connection that carried a request is closed and no resource type
   * (`process.getActiveResourcesInfo()`) counts more than in `before`. Returns what is
   * still open after `timeoutMs` (empty when all is clean).
   */
  async settle(
    before: Record<string, number>,
    timeoutMs = 2000,
  ): Promise<{
    openConnections: number;
    leaks: Record<string, { before: number; after: number }>;
  }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.dropUnusedConnections();
      const leaks = leakedResources(before);
      const openConnections = this.sockets.size;
      if ((openConnections === 0 && Object.keys(leaks).length === 0) || Date.now() > deadline) {
        return { openConnections, leaks };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
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
    this.usedSockets.add(req.socket);
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
        // The client went away: drop our half of the connection too (a handler may hang).
        if (recorded.closedEarly) req.socket.destroy();
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
 * Resource types whose count grew compared to `before`: sockets, pending DNS or fs
 * requests… `Timeout` is left out: vitest's own short-lived timers come and go and make
 * that count meaningless; timers are checked precisely with `trackTimers` instead.
 */
export function leakedResources(
  before: Record<string, number>,
  after: Record<string, number> = activeResources(),
): Record<string, { before: number; after: number }> {
  const leaks: Record<string, { before: number; after: number }> = {};
  for (const [type, count] of Object.entries(after)) {
    if (type === 'Timeout') continue;
    if (count > (before[type] ?? 0)) leaks[type] = { before: before[type] ?? 0, after: count };
  }
  return leaks;
}

/**
 * Records every `setTimeout`/`setInterval` created while installed, so a test can assert
 * that none is still pending (and keeping the process alive) at its end. Call `restore`
 * when done.
 */
export function trackTimers() {
  const live = new Map<NodeJS.Timeout, string>();
  const original = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
  };
  const patchedSetTimeout = (
    callback: (...args: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    const timer: NodeJS.Timeout = original.setTimeout(
      (...callArgs: unknown[]) => {
        live.delete(timer);
        callback(...callArgs);
      },
      ms,
      ...args,
    );
    live.set(timer, `setTimeout(${ms}) ${new Error().stack?.split('\n').slice(2, 5).join(' <- ')}`);
    return timer;
  };
  const patchedSetInterval = (
    callback: (...args: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    const timer: NodeJS.Timeout = original.setInterval(callback, ms, ...args);
    live.set(
      timer,
      `setInterval(${ms}) ${new Error().stack?.split('\n').slice(2, 5).join(' <- ')}`,
    );
    return timer;
  };
  const patchedClear = (timer: NodeJS.Timeout | string | number | undefined) => {
    if (typeof timer === 'object') live.delete(timer);
    original.clearTimeout(timer);
  };
  Object.assign(globalThis, {
    setTimeout: patchedSetTimeout,
    clearTimeout: patchedClear,
    setInterval: patchedSetInterval,
    clearInterval: patchedClear,
  });
  return {
    /** Timers still scheduled and keeping the event loop alive (unref'd ones excluded). */
    pending(): string[] {
      return [...live].filter(([timer]) => timer.hasRef()).map(([, where]) => where);
    },
    restore(): void {
      Object.assign(globalThis, original);
    },
  };
}
