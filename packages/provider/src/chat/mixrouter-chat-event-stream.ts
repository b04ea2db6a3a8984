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
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let builder!: MixRouterChatPartBuilder;
  let partial = '';
  /** The last text chunk ended with CR: a LF starting the next one belongs to it. */
  let pendingCR = false;
  /** Data of the event being read (undefined: no `data` field yet). */
  let data: string | undefined;
  let dataLines = 0;
  let done = false;
  let enqueued = 0;
  let events = 0;
  let junk = '';
  let junkChars = 0;

  const processJson = (value: unknown) => {
    if (includeRawChunks) builder.emitRaw(value);
    builder.processChunk(value);
  };

  const dispatch = () => {
    if (data === undefined) return;
    const payload = data;
    const lines = dataLines;
    data = undefined;
    dataLines = 0;
    events++;
    if (payload.charCodeAt(0) !== 123 /* { */ && payload.trim() === '[DONE]') {
      done = true;
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(payload);
    } catch (cause) {
      if (lines > 1 && processLinesSeparately(payload)) return;
      builder.reportError(new JSONParseError({ text: payload, cause }));
      return;
    }
    processJson(chunk);
  };

  /** Several JSON documents in one event (blank lines omitted): each line on its own. */
  const processLinesSeparately = (payload: string): boolean => {
    const values: unknown[] = [];
    for (const line of payload.split('\n')) {
      if (line.trim() === '[DONE]') break;
      try {
        values.push(JSON.parse(line));
      } catch {
        return false;
      }
    }
    for (const value of values) processJson(value);
    if (values.length < payload.split('\n').length) done = true;
    return true;
  };

  const noteJunk = (line: string) => {
    junkChars += line.length + 1;
    if (junk.length < JUNK_SAMPLE_CHARS) junk += `${line.slice(0, JUNK_SAMPLE_CHARS)}\n`;
  };

  const handleLine = (line: string) => {
    if (done) return;
    const length = line.length;
    if (length === 0) {
      dispatch();
      return;
    }
    const first = line.charCodeAt(0);
    if (
      first === 100 /* d */ &&
      line.startsWith('data') &&
      (length === 4 || line.charCodeAt(4) === 58)
    ) {
      const value = length === 4 ? '' : line.slice(line.charCodeAt(5) === 32 ? 6 : 5);
      if (data === undefined) {
        data = value;
        dataLines = 1;
      } else if (value.trim() === '[DONE]') {
        // `[DONE]` glued to the previous event (no blank line): the answer ends here.
        dispatch();
        done = true;
      } else {
        data += `\n${value}`;
        dataLines++;
      }
      return;
    }
    if (first === 58 /* : */) return; // comment (`: PING`)
    if (first === 123 /* { */) {
      // A JSON body written into the open stream without `data:` framing.
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        noteJunk(line);
        return;
      }
      events++;
      if (includeRawChunks) builder.emitRaw(value);
      const fields = extractMixRouterErrorFields(value);
      if (fields !== undefined) {
        builder.reportError(
          createMixRouterAPIError({
            fields,
            statusCode: undefined,
            url: builderOptions.url,
            requestBodyValues: builderOptions.requestBodyValues,
            responseHeaders: builderOptions.responseHeaders,
          }),
        );
        // The upstream attempt is over; whatever follows is the gateway retrying on
        // another channel into the same response (protocol §3.7). Keep the partial
        // answer as it stands rather than splicing a second answer onto it.
        done = true;
      }
      return;
    }
    // `event:`, `id:`, `retry:` and other fields carry nothing for us.
    if (isField(line, 'event') || isField(line, 'id') || isField(line, 'retry')) return;
    noteJunk(line);
  };

  const handleText = (chunk: string) => {
    let text = chunk;
    if (pendingCR) {
      pendingCR = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    let start = 0;
    if (text.indexOf('\r') === -1) {
      // Fast path (every gateway we know): LF only.
      let newline = text.indexOf('\n');
      if (newline === -1) {
        partial += text;
        return;
      }
      let line = partial + text.slice(0, newline);
      partial = '';
      for (;;) {
        handleLine(line);
        start = newline + 1;
        newline = text.indexOf('\n', start);
        if (newline === -1) break;
        line = text.slice(start, newline);
      }
      partial = text.slice(start);
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
          pendingCR = true;
          next = cr + 1;
        } else next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      const line = partial + text.slice(start, end);
      partial = '';
      handleLine(line);
      start = next;
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
      if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    }
    partial += text.slice(start);
  };

  const finish = (controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) => {
    const tail = partial + decoder.decode();
    partial = '';
    if (tail.length > 0) handleLine(pendingCR && tail.charCodeAt(0) === LF ? tail.slice(1) : tail);
    if (!done) dispatch(); // lenient: an event cut before its blank line still counts
    if (events === 0 && junk.length > 0) builder.reportError(notAnEventStream());
    builder.finish();
    controller.close();
  };

  const notAnEventStream = () =>
    new APICallError({
      message: `MixRouter answered a stream request with a body that is not an event stream${
        builderOptions.responseHeaders?.['content-type']
          ? ` (content-type ${builderOptions.responseHeaders['content-type']})`
          : ''
      }: "${summariseNonJsonBody(junk)}"`,
      url: builderOptions.url,
      requestBodyValues: builderOptions.requestBodyValues,
      responseHeaders: builderOptions.responseHeaders,
      responseBody: junk,
      isRetryable: false,
    });

  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      builder = new MixRouterChatPartBuilder(
        (part) => {
          enqueued++;
          controller.enqueue(part);
        },
        { ...builderOptions, mode: 'stream' },
      );
      controller.enqueue({ type: 'stream-start', warnings });
    },
    async pull(controller) {
      // A pull must enqueue something (or close): the stream calls pull again only
      // after an enqueue, so a chunk that yields no part (usage-only, a `: PING`)
      // would otherwise leave the reader waiting forever.
      const before = enqueued;
      while (enqueued === before) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          if (isAbortError(error)) {
            controller.error(error);
            return;
          }
          builder.reportError(error);
          finish(controller);
          return;
        }
        if (result.done) {
          finish(controller);
          return;
        }
        handleText(decoder.decode(result.value, { stream: true }));
        if (done || (events === 0 && junkChars > JUNK_LIMIT_CHARS)) {
          // Ignore whatever follows [DONE] (or the rest of a page that is not a
          // stream); release the connection.
          done = true;
          reader.cancel().catch(() => {});
          finish(controller);
          return;
        }
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** `line` is the field `name` (`name:…` or the bare name, WHATWG rules). */
function isField(line: string, name: string): boolean {
  return (
    line.startsWith(name) &&
    (line.length === name.length || line.charCodeAt(name.length) === 58) /* : */
  );
}
