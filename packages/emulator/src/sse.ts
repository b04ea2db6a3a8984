/** Server-sent-event writer with flush-awaiting writes and optional `: PING` comments. */
import { setImmediate as nextTick } from 'node:timers/promises';
import type { Ctx } from './context.ts';

export class SseWriter {
  private readonly ping: boolean;
  private writes = 0;

  constructor(private readonly ctx: Ctx) {
    this.ping = ctx.faults.has('ping');
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
    if (this.ping && this.writes++ % 2 === 0) await this.raw(': PING\n\n');
  }

  /** `data: <json>\n\n` (or `data: [DONE]\n\n` for a string). */
  async data(payload: unknown): Promise<void> {
    await this.maybePing();
    await this.raw(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
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
