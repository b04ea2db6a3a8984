import { extractResponseHeaders, secureJsonParse } from '@ai-sdk/provider-utils';
import { createMixRouterAPIError, extractMixRouterErrorFields } from '../mixrouter-error';

// How much of a stream is read, at most, before the response is handed on: enough for
// the first event, which is where the gateway puts an error it sends with status 200.
const MAX_PEEK_BYTES = 64 * 1024;

type Context = {
  url: string;
  requestBodyValues: unknown;
  /** Told about an error found after the first event; the stream then ends there. */
  onStreamError?: (error: Error) => void;
};

/** A `data:` line, or a bare JSON line, that is one of the gateway's error shapes. */
function errorInLine(line: string, response: Response, context: Context) {
  let payload = line.startsWith('data:') ? line.slice(5) : line;
  if (payload.startsWith(' ')) payload = payload.slice(1);
  if (!payload.startsWith('{')) return undefined;
  // Cheap filter before parsing: every error shape has one of these keys.
  if (!payload.includes('"error"') && !payload.includes('"code"')) return undefined;
  let value: unknown;
  try {
    value = secureJsonParse(payload);
  } catch {
    return undefined;
  }
  const fields = extractMixRouterErrorFields(value);
  if (fields === undefined) return undefined;
  return createMixRouterAPIError({
    fields,
    statusCode: response.status,
    url: context.url,
    requestBodyValues: context.requestBodyValues,
    responseHeaders: extractResponseHeaders(response),
    responseBody: payload,
  });
}

/**
 * Reads lines from an SSE byte stream; `onLine` sees each complete line with where it
 * starts in the current chunk's text (-1: it began in an earlier chunk). Lines are split
 * on LF, CRLF and CR (the event-stream rules); only the unfinished last line is kept
 * between chunks, and at most {@link MAX_PEEK_BYTES} of it (a longer line is content,
 * never one of the short error bodies).
 */
function createLineScanner(onLine: (line: string, start: number) => void) {
  const decoder = new TextDecoder();
  let partial = '';
  let partialTooLong = false;
  const scan = (text: string) => {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char !== 10 && char !== 13) continue;
      const line = partial + text.slice(start, i);
      const lineStart = partial.length > 0 || partialTooLong ? -1 : start;
      if (line.length > 0 && !partialTooLong) onLine(line, lineStart);
      partial = '';
      partialTooLong = false;
      start = i + 1;
    }
    partial += text.slice(start);
    if (partial.length > MAX_PEEK_BYTES) {
      partial = '';
      partialTooLong = true;
    }
  };
  return {
    /** Scans the chunk and returns its decoded text. */
    push: (chunk: Uint8Array): string => {
      const text = decoder.decode(chunk, { stream: true });
      scan(text);
      return text;
    },
    end: () => {
      scan(decoder.decode());
      if (partial.length > 0 && !partialTooLong) onLine(partial, -1);
      partial = '';
    },
  };
}

/**
 * The gateway sends some errors with status 200 — a JSON error body, or an error event
 * in an open stream (protocol §3.7, §5). The official providers on the native routes
 * would read them as an empty answer (Gemini) or as their vendor's error without the
 * MixRouter type and retry rules (Messages, Responses). This finds them, on 2xx
 * answers of every native route:
 *
 * - a JSON body that is a gateway error shape → thrown as `MixRouterAPIError`;
 * - a stream whose first event is one → thrown before the response is handed on, so
 *   `doStream` rejects and `ai` can retry a rate limit;
 * - one later in the stream → the stream ends just before it (the provider finishes with
 *   the partial answer) and `onStreamError` gets the error, which the native model
 *   reports as an error part; without a listener the stream errors with it.
 */
export async function detectMixRouterNativeErrors(
  response: Response,
  context: Context,
): Promise<Response> {
  if (response.body === null) return response;
  const contentType = response.headers.get('content-type')?.toLowerCase() ?? '';
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  };

  if (!contentType.includes('text/event-stream')) {
    const text = await response.text();
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) {
      const error = errorInLine(trimmed, response, context);
      if (error !== undefined) throw error;
    }
    return new Response(text, init);
  }

  const reader = response.body.getReader();
  const buffered: Uint8Array[] = [];
  let peeked = 0;
  let firstLine: string | undefined;
  const peekScanner = createLineScanner((line) => {
    const meta = line.startsWith(':') || /^(event|id|retry):/.test(line);
    if (firstLine === undefined && !meta) {
      firstLine = line;
    }
  });
  let sourceDone = false;
  while (firstLine === undefined && peeked < MAX_PEEK_BYTES) {
    const { done, value } = await reader.read();
    if (done) {
      peekScanner.end();
      sourceDone = true;
      break;
    }
    buffered.push(value);
    peeked += value.length;
    peekScanner.push(value);
  }
  if (firstLine !== undefined) {
    const error = errorInLine(firstLine, response, context);
    if (error !== undefined) {
      reader.cancel().catch(() => {});
      throw error;
    }
  }

  // Later events: an error event ends the stream. What came before it is passed on;
  // the error event itself is not (the providers would report it again in their terms).
  // Erroring the byte stream would make the provider drop parts it has not emitted yet,
  // so with a listener the stream is closed instead and the listener reports the error.
  let failure: Error | undefined;
  let cut = -1;
  const scanner = createLineScanner((line, start) => {
    if (failure !== undefined) return;
    failure = errorInLine(line, response, context);
    if (failure !== undefined) cut = Math.max(start, 0);
  });
  const encoder = new TextEncoder();
  const pass = (chunk: Uint8Array, controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (failure !== undefined) return;
    const text = scanner.push(chunk);
    if (failure === undefined) controller.enqueue(chunk);
    else if (cut > 0) controller.enqueue(encoder.encode(text.slice(0, cut)));
  };
  // Closes the stream; when the last line was an error, the next pull raises it.
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (failure === undefined) scanner.end();
    if (failure === undefined) controller.close();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of buffered) pass(chunk, controller);
      if (sourceDone && failure === undefined) finish(controller);
    },
    async pull(controller) {
      // The error is raised once what came before it has been read.
      if (failure !== undefined) {
        reader.cancel().catch(() => {});
        if (context.onStreamError === undefined) controller.error(failure);
        else {
          context.onStreamError(failure);
          controller.close();
        }
        return;
      }
      const { done, value } = await reader.read();
      if (done) finish(controller);
      else pass(value, controller);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, init);
}
