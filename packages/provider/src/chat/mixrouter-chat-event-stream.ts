import {
  JSONParseError,
  type LanguageModelV4StreamPart,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import { createMixRouterAPIError, extractMixRouterErrorFields } from '../mixrouter-error';
import {
  MixRouterChatPartBuilder,
  type MixRouterChatPartBuilderOptions,
} from './mixrouter-chat-part-builder';

/**
 * Reads the gateway's SSE body and emits V4 stream parts, in one stage (no chain of
 * transform streams: this is the hot path of every token).
 *
 * Framing rules (protocol §3.3–3.7): `data:` lines carry JSON chunks; `:` comment lines
 * (`: PING`) and `event:`/`id:` lines are ignored; `[DONE]` ends the answer and anything
 * after it (a second retry attempt the gateway may append) is ignored; a bare JSON line
 * without `data:` that holds an `error` is the gateway writing an error into an open
 * stream. Lines are only parsed once complete, so the output does not depend on how the
 * bytes were split. A broken socket becomes an `error` part and a `finish`; the partial
 * output is kept. Aborts propagate as stream errors, as `ai` expects.
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
  let done = false;
  let enqueued = 0;

  const handleLine = (line: string) => {
    if (line.length === 0 || done) return;
    const first = line.charCodeAt(0);
    if (first === 100 /* d */ && line.startsWith('data:')) {
      const payload = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
      if (payload === '[DONE]') {
        done = true;
        return;
      }
      let chunk: unknown;
      try {
        chunk = JSON.parse(payload);
      } catch (cause) {
        builder.reportError(new JSONParseError({ text: payload, cause }));
        return;
      }
      if (includeRawChunks) builder.emitRaw(chunk);
      builder.processChunk(chunk);
      return;
    }
    if (first === 123 /* { */) {
      // A JSON body written into the open stream without `data:` framing.
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return;
      }
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
    }
    // ':' comments, 'event:', 'id:', 'retry:' and anything else carry nothing for us.
  };

  const handleText = (text: string) => {
    let start = 0;
    let newline = text.indexOf('\n');
    if (newline === -1) {
      partial += text;
      return;
    }
    let line = partial + text.slice(0, newline);
    partial = '';
    for (;;) {
      handleLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
      start = newline + 1;
      newline = text.indexOf('\n', start);
      if (newline === -1) break;
      line = text.slice(start, newline);
    }
    partial = text.slice(start);
  };

  const finish = (controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) => {
    const tail = partial + decoder.decode();
    partial = '';
    if (tail.length > 0)
      handleLine(tail.charCodeAt(tail.length - 1) === 13 ? tail.slice(0, -1) : tail);
    builder.finish();
    controller.close();
  };

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
        if (done) {
          // Ignore whatever follows [DONE]; release the connection.
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
