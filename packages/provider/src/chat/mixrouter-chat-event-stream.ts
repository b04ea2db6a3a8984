import {
  APICallError,
  JSONParseError,
  type LanguageModelV4StreamPart,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import {
  createMixRouterAPIError,
  extractMixRouterErrorFields,
  summariseNonJsonBody,
} from '../mixrouter-error';
import {
  MixRouterChatPartBuilder,
  type MixRouterChatPartBuilderOptions,
  MixRouterChatPartCollector,
} from './mixrouter-chat-part-builder';

/** How much non-event-stream text is kept for the error message (bounded memory). */
const JUNK_SAMPLE_CHARS = 2048;
/** A body that has sent this much without a single event is not an event stream. */
const JUNK_LIMIT_CHARS = 64 * 1024;

const LF = 10;

/**
 * Reads the gateway's SSE body and emits V4 stream parts, in one stage (no chain of
 * transform streams: this is the hot path of every token).
 *
 * Framing follows the WHATWG event-stream rules (html.spec.whatwg.org, "Server-sent
 * events", parsing an event stream): lines end with CRLF, LF or a lone CR; `data:`
 * lines (one optional space after the colon) are joined with `\n` and dispatched at
 * the blank line ending the event; `:` comment lines (`: PING`), `event:`, `id:` and
 * `retry:` carry nothing for us. Gateway specifics (protocol §3.3–3.7): `[DONE]` (any
 * surrounding whitespace) ends the answer and anything after it (a second retry
 * attempt the gateway may append) is ignored; a bare JSON line without `data:` that
 * holds an `error` is the gateway writing an error into an open stream. Leniencies,
 * because losing an answer is worse than bending the spec: an event still pending at
 * the end of the body is dispatched, and an event whose joined data is not JSON but
 * whose lines each are (a server that omits the blank lines) is read line by line.
 *
 * A body that carries no event at all (an HTML page sent with status 200) ends with an
 * error naming what was received. A broken socket becomes an `error` part and a
 * `finish`; the partial output is kept. Aborts propagate as stream errors, as `ai`
 * expects.
 */
export function createMixRouterChatEventStream({
  body,
  warnings,
  includeRawChunks,
  builderOptions,
}: {
  body: ReadableStream<Uint8Array>;
  warnings: SharedV4Warning[];
  includeRawChunks: boolean;
  builderOptions: Omit<MixRouterChatPartBuilderOptions, 'mode'>;
}): ReadableStream<LanguageModelV4StreamPart> {
  const reader = new MixRouterChatEventReader(body, includeRawChunks, builderOptions);
  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      reader.start();
      controller.enqueue({ type: 'stream-start', warnings });
    },
    pull(controller) {
      return reader.pull(controller);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * The reader's state and steps. A class, not closures over local state: V8 inlines
 * per-stream closures into each other and deoptimizes that code at every major GC once
 * the stream is gone, so each response after a GC would start on cold code; methods
 * are shared by every stream.
 */
class MixRouterChatEventReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private readonly includeRawChunks: boolean;
  private readonly builderOptions: Omit<MixRouterChatPartBuilderOptions, 'mode'>;
  private builder!: MixRouterChatPartBuilder;
  /**
   * Parts built from the current read, enqueued together once it is processed: the
   * builder's methods then never inline the stream controller, whose per-stream
   * internals would make V8 drop their optimized code at every major GC.
   */
  private readonly pending = new MixRouterChatPartCollector();
  private partial = '';
  /** The last text chunk ended with CR: a LF starting the next one belongs to it. */
  private pendingCR = false;
  /** Data of the event being read (undefined: no `data` field yet). */
  private data: string | undefined = undefined;
  private dataLines = 0;
  private done = false;
  private events = 0;
  private junk = '';
  private junkChars = 0;

  constructor(
    body: ReadableStream<Uint8Array>,
    includeRawChunks: boolean,
    builderOptions: Omit<MixRouterChatPartBuilderOptions, 'mode'>,
  ) {
    this.reader = body.getReader();
    this.includeRawChunks = includeRawChunks;
    this.builderOptions = builderOptions;
  }

  start(): void {
    this.builder = new MixRouterChatPartBuilder(this.pending, {
      ...this.builderOptions,
      mode: 'stream',
    });
  }

  /** Hands the parts built from one read to the stream, in order. */
  private flush(controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>): void {
    const parts = this.pending.parts;
    for (let i = 0; i < parts.length; i++) controller.enqueue(parts[i]!);
    parts.length = 0;
  }

  async pull(controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) {
    // A pull must enqueue something (or close): the stream calls pull again only
    // after an enqueue, so a chunk that yields no part (usage-only, a `: PING`)
    // would otherwise leave the reader waiting forever.
    const pending = this.pending.parts;
    while (pending.length === 0) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await this.reader.read();
      } catch (error) {
        if (isAbortError(error)) {
          controller.error(error);
          return;
        }
        this.builder.reportError(error);
        this.finish(controller);
        return;
      }
      if (result.done) {
        this.finish(controller);
        return;
      }
      this.handleText(this.decoder.decode(result.value, { stream: true }));
      if (this.done || (this.events === 0 && this.junkChars > JUNK_LIMIT_CHARS)) {
        // Ignore whatever follows [DONE] (or the rest of a page that is not a
        // stream); release the connection.
        this.done = true;
        this.reader.cancel().catch(() => {});
        this.finish(controller);
        return;
      }
    }
    this.flush(controller);
  }

  cancel(reason: unknown): Promise<void> {
    return this.reader.cancel(reason);
  }

  private processJson(value: unknown): void {
    if (this.includeRawChunks) this.builder.emitRaw(value);
    this.builder.processChunk(value);
  }

  private dispatch(): void {
    const payload = this.data;
    if (payload === undefined) return;
    const lines = this.dataLines;
    this.data = undefined;
    this.dataLines = 0;
    this.events++;
    if (payload.charCodeAt(0) !== 123 /* { */ && payload.trim() === '[DONE]') {
      this.done = true;
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(payload);
    } catch (cause) {
      if (lines > 1 && this.processLinesSeparately(payload)) return;
      this.builder.reportError(new JSONParseError({ text: payload, cause }));
      return;
    }
    this.processJson(chunk);
  }

  /** Several JSON documents in one event (blank lines omitted): each line on its own. */
  private processLinesSeparately(payload: string): boolean {
    const values: unknown[] = [];
    for (const line of payload.split('\n')) {
      if (line.trim() === '[DONE]') break;
      try {
        values.push(JSON.parse(line));
      } catch {
        return false;
      }
    }
    for (const value of values) this.processJson(value);
    if (values.length < payload.split('\n').length) this.done = true;
    return true;
  }

  private noteJunk(line: string): void {
    this.junkChars += line.length + 1;
    if (this.junk.length < JUNK_SAMPLE_CHARS) this.junk += `${line.slice(0, JUNK_SAMPLE_CHARS)}\n`;
  }

  private handleLine(line: string): void {
    if (this.done) return;
    const length = line.length;
    if (length === 0) {
      this.dispatch();
      return;
    }
    const first = line.charCodeAt(0);
    if (
      first === 100 /* d */ &&
      line.startsWith('data') &&
      (length === 4 || line.charCodeAt(4) === 58)
    ) {
      const value = length === 4 ? '' : line.slice(line.charCodeAt(5) === 32 ? 6 : 5);
      if (this.data === undefined) {
        this.data = value;
        this.dataLines = 1;
      } else if (value.trim() === '[DONE]') {
        // `[DONE]` glued to the previous event (no blank line): the answer ends here.
        this.dispatch();
        this.done = true;
      } else {
        this.data += `\n${value}`;
        this.dataLines++;
      }
      return;
    }
    if (first === 58 /* : */) return; // comment (`: PING`)
    if (first === 123 /* { */) {
      this.handleBareJson(line);
      return;
    }
    // `event:`, `id:`, `retry:` and other fields carry nothing for us.
    if (isField(line, 'event') || isField(line, 'id') || isField(line, 'retry')) return;
    this.noteJunk(line);
  }

  /** A JSON body written into the open stream without `data:` framing. */
  private handleBareJson(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.noteJunk(line);
      return;
    }
    this.events++;
    const builder = this.builder;
    if (this.includeRawChunks) builder.emitRaw(value);
    const fields = extractMixRouterErrorFields(value);
    if (fields !== undefined) {
      const options = this.builderOptions;
      builder.reportError(
        createMixRouterAPIError({
          fields,
          statusCode: undefined,
          url: options.url,
          requestBodyValues: options.requestBodyValues,
          responseHeaders: options.responseHeaders,
        }),
      );
      // The upstream attempt is over; whatever follows is the gateway retrying on
      // another channel into the same response (protocol §3.7). Keep the partial
      // answer as it stands rather than splicing a second answer onto it.
      this.done = true;
    }
  }

  private handleText(chunk: string): void {
    let text = chunk;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    let start = 0;
    if (text.indexOf('\r') === -1) {
      // Fast path (every gateway we know): LF only.
      let newline = text.indexOf('\n');
      if (newline === -1) {
        this.partial += text;
        return;
      }
      let line = this.partial + text.slice(0, newline);
      this.partial = '';
      for (;;) {
        this.handleLine(line);
        start = newline + 1;
        newline = text.indexOf('\n', start);
        if (newline === -1) break;
        line = text.slice(start, newline);
      }
      this.partial = text.slice(start);
      return;
    }
    let cr = text.indexOf('\r');
    let lf = text.indexOf('\n');
    while (cr !== -1 || lf !== -1) {
      let end: number;
      let next: number;
      if (lf === -1 || (cr !== -1 && cr < lf)) {
        end = cr;
        if (cr + 1 === text.length) {
          this.pendingCR = true;
          next = cr + 1;
        } else next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      const line = this.partial + text.slice(start, end);
      this.partial = '';
      this.handleLine(line);
      start = next;
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
      if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    }
    this.partial += text.slice(start);
  }

  private finish(controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>): void {
    const tail = this.partial + this.decoder.decode();
    this.partial = '';
    if (tail.length > 0)
      this.handleLine(this.pendingCR && tail.charCodeAt(0) === LF ? tail.slice(1) : tail);
    if (!this.done) this.dispatch(); // lenient: an event cut before its blank line still counts
    if (this.events === 0 && this.junk.length > 0)
      this.builder.reportError(this.notAnEventStream());
    this.builder.finish();
    this.flush(controller);
    controller.close();
  }

  private notAnEventStream(): APICallError {
    const options = this.builderOptions;
    return new APICallError({
      message: `MixRouter answered a stream request with a body that is not an event stream${
        options.responseHeaders?.['content-type']
          ? ` (content-type ${options.responseHeaders['content-type']})`
          : ''
      }: "${summariseNonJsonBody(this.junk)}"`,
      url: options.url,
      requestBodyValues: options.requestBodyValues,
      responseHeaders: options.responseHeaders,
      responseBody: this.junk,
      isRetryable: false,
    });
  }
}

/** `line` is the field `name` (`name:…` or the bare name, WHATWG rules). */
function isField(line: string, name: string): boolean {
  return (
    line.startsWith(name) &&
    (line.length === name.length || line.charCodeAt(name.length) === 58) /* : */
  );
}
