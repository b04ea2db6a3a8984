/** Server-sent-event writer with flush-awaiting writes and optional `: PING` comments. */
import { setImmediate as nextTick, setTimeout as sleep } from 'node:timers/promises';
import { type Ctx, header } from './context.ts';

/** `x-emulator-chunk-delay-ms`: pause before each event, so a UI can watch (and stop) a stream. */
function chunkDelay(ctx: Ctx): number {
  const ms = Number(header(ctx, 'x-emulator-chunk-delay-ms'));
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0;
}

export class SseWriter {
  private readonly ping: boolean;
  /** `sse-cr` / `sse-crlf` faults: the line ending used instead of LF. */
  private readonly eol: string;
  private readonly multilineData: boolean;
  private readonly delayMs: number;
  private writes = 0;

  constructor(private readonly ctx: Ctx) {
    this.ping = ctx.faults.has('ping');
    this.eol = ctx.faults.has('sse-cr') ? '\r' : ctx.faults.has('sse-crlf') ? '\r\n' : '\n';
    this.multilineData = ctx.faults.has('sse-multiline-data');
    this.delayMs = chunkDelay(ctx);
  }

  get closed(): boolean {
    return this.ctx.res.destroyed || this.ctx.res.writableEnded;
  }

  start(contentType = 'text/event-stream'): void {
    this.ctx.res.writeHead(200, {
      'Content-Type': contentType,
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
  }

  /** Writes raw text and waits until it is flushed to the socket. */
  async raw(text: string): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.ctx.res.write(text, () => resolve());
    });
    await nextTick();
  }

  private async maybePing(): Promise<void> {
    if (this.delayMs > 0 && !this.closed) await sleep(this.delayMs);
    if (this.ping && this.writes++ % 2 === 0) await this.raw(`: PING${this.eol}${this.eol}`);
  }

  /** `data: <json>\n\n` (or `data: [DONE]\n\n` for a string). */
  async data(payload: unknown): Promise<void> {
    await this.maybePing();
    const eol = this.eol;
    if (typeof payload !== 'string' && this.multilineData) {
      // WHATWG event stream: several data lines of one event are joined with "\n".
      const lines = JSON.stringify(payload, null, 1).split('\n');
      await this.raw(`${lines.map((line) => `data: ${line}`).join(eol)}${eol}${eol}`);
      return;
    }
    await this.raw(
      `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}${eol}${eol}`,
    );
  }

  /** `event: <name>\ndata: <json>\n\n`. */
  async event(name: string, payload: unknown): Promise<void> {
    await this.maybePing();
    await this.raw(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  end(): void {
    if (!this.closed) this.ctx.res.end();
  }

  /** Kills the connection mid-stream (after flushing what was written). */
  drop(): void {
    this.ctx.res.socket?.destroy();
    this.ctx.res.destroy();
  }
}

export interface StreamEvent {
  /** SSE `event:` name; omitted for bare `data:` streams (Gemini). */
  event?: string;
  data: unknown;
}

/**
 * Writes a list of events honouring the stream faults: `stream-drop` (destroy the socket),
 * `stream-error` (write `errorEvent` and stop), `stream-raw-error` (a bare JSON error line),
 * `stream-truncate` (stop early). Faults strike after a few events.
 */
export async function writeEventStream(
  ctx: Ctx,
  events: StreamEvent[],
  errorEvent: StreamEvent,
  rawError: unknown,
): Promise<void> {
  const sse = new SseWriter(ctx);
  sse.start();
  const write = (e: StreamEvent): Promise<void> =>
    e.event ? sse.event(e.event, e.data) : sse.data(e.data);
  const fault = ['stream-drop', 'stream-error', 'stream-raw-error', 'stream-truncate'].find((f) =>
    ctx.faults.has(f),
  );
  const limit = fault ? Math.min(3, Math.max(1, events.length - 1)) : events.length;
  for (const e of events.slice(0, limit)) await write(e);
  if (fault === 'stream-drop') return sse.drop();
  if (fault === 'stream-error') await write(errorEvent);
  if (fault === 'stream-raw-error') await sse.raw(`${JSON.stringify(rawError)}\n`);
  sse.end();
}
