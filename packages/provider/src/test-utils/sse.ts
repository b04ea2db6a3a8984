import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the chat wire fixtures live (`src/chat/__fixtures__`). */
const CHAT_FIXTURES = fileURLToPath(new URL('../chat/__fixtures__/', import.meta.url));

/** A recorded non-stream body: `src/chat/__fixtures__/<name>.json`, parsed. */
export function readJsonFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${CHAT_FIXTURES}${name}.json`, 'utf8'));
}

/** A recorded stream: `src/chat/__fixtures__/<name>.chunks.txt`, one JSON chunk per line. */
export function readChunkLines(name: string): string[] {
  return readFileSync(`${CHAT_FIXTURES}${name}.chunks.txt`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export type SseOptions = {
  /** End with `data: [DONE]` (default true). */
  done?: boolean;
  /** Use `\r\n` line endings instead of `\n`. */
  crlf?: boolean;
  /** Put a `: PING` keep-alive comment before the chunks at these indexes. */
  pingBefore?: number[];
  /**
   * Verbatim lines (no `data:` framing, e.g. a bare JSON error body the gateway writes
   * into an open stream) inserted before the chunk at `before` (`lines.length` = after
   * the last chunk, before `[DONE]`).
   */
  raw?: Array<{ before: number; line: string }>;
  /** Events after `[DONE]` (a second retry attempt the gateway may append). */
  afterDone?: string[];
};

/**
 * Turns JSON chunk lines into the SSE events the gateway writes:
 * `data: <json>\n\n` per chunk, then `data: [DONE]\n\n`.
 */
export function toSseEvents(lines: readonly string[], options: SseOptions = {}): string[] {
  const eol = options.crlf ? '\r\n' : '\n';
  const events: string[] = [];
  const rawAt = (index: number) => {
    for (const raw of options.raw ?? []) if (raw.before === index) events.push(`${raw.line}${eol}`);
  };
  lines.forEach((line, index) => {
    rawAt(index);
    if (options.pingBefore?.includes(index)) events.push(`: PING${eol}${eol}`);
    events.push(`data: ${line}${eol}${eol}`);
  });
  rawAt(lines.length);
  if (options.done ?? true) events.push(`data: [DONE]${eol}${eol}`);
  for (const line of options.afterDone ?? []) events.push(`data: ${line}${eol}${eol}`);
  return events;
}

/** `toSseEvents` for a recorded fixture. */
export function sseFixture(name: string, options?: SseOptions): string[] {
  return toSseEvents(readChunkLines(name), options);
}

/** JSON lines for hand-written chunks (objects are stringified). */
export function chunkLines(...chunks: unknown[]): string[] {
  return chunks.map((chunk) => JSON.stringify(chunk));
}
