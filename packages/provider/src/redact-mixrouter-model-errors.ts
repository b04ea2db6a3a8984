import { redactErrorInPlace, redactValue } from './mixrouter-redaction';

type Secrets = () => readonly string[];

// Every method through which a model kind can raise an error (language, embedding,
// reranking, image, speech, transcription and video models; later kinds use the same names).
const MODEL_METHODS = new Set([
  'doGenerate',
  'doStream',
  'doEmbed',
  'doRerank',
  'doStart',
  'doStatus',
]);

function redactStreamPart(part: unknown, secrets: readonly string[]): unknown {
  if (typeof part !== 'object' || part === null || (part as { type?: unknown }).type !== 'error') {
    return part;
  }
  const error = (part as { error?: unknown }).error;
  const redacted = redactValue(error, secrets);
  return redacted === error ? part : { ...part, error: redacted };
}

/** The stream with `error` parts and a stream-level error redacted; cancelling it cancels the source. */
function redactStream<T>(stream: ReadableStream<T>, secrets: Secrets): ReadableStream<T> {
  const reader = stream.getReader();
  return new ReadableStream<T>({
    async pull(controller) {
      let result: ReadableStreamReadResult<T>;
      try {
        result = await reader.read();
      } catch (error) {
        controller.error(redactErrorInPlace(error, secrets()));
        return;
      }
      if (result.done) controller.close();
      else controller.enqueue(redactStreamPart(result.value, secrets()) as T);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function redactResult(result: unknown, secrets: Secrets, streams: boolean): unknown {
  if (!streams || typeof result !== 'object' || result === null) return result;
  const stream = (result as { stream?: unknown }).stream;
  if (!(stream instanceof ReadableStream)) return result;
  return { ...result, stream: redactStream(stream, secrets) };
}

/** Wraps an async function so the errors it raises are redacted before they leave. */
export function withRedactedErrors<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  secrets: Secrets,
  { streams = true }: { streams?: boolean } = {},
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return redactResult(await fn(...args), secrets, streams) as R;
    } catch (error) {
      throw redactErrorInPlace(error, secrets());
    }
  };
}

/**
 * The model, with every `do*` method's errors — thrown, `error` stream parts, and stream
 * errors — redacted (see `mixrouter-redaction.ts`). The model itself, with each such
 * method shadowed by a non-enumerable own property that wraps the class's method:
 * `instanceof`, fields, getters and other methods are untouched. Not a `Proxy`: `ai`
 * reads the model's properties on every call, and a proxy trap on each read (getters
 * then run against the proxy too) is measurable in request building. The factory
 * applies this to every model it creates, so no route can forget it.
 *
 * `streams: false` skips the per-part stream wrapper (it costs a little on every part):
 * right when the only secret is the key, which can only reach a stream part through
 * response text, and the API fetch already redacts all of that. Secrets of the base URL
 * also sit in `error.url`, so then stream errors are redacted too.
 */
export function redactMixRouterModelErrors<T extends object>(
  model: T,
  secrets: Secrets,
  options: { streams?: boolean } = {},
): T {
  for (const name of MODEL_METHODS) {
    const method: unknown = Reflect.get(model, name);
    if (typeof method !== 'function') continue;
    Object.defineProperty(model, name, {
      value: withRedactedErrors(
        (...args: unknown[]) => Reflect.apply(method, model, args) as Promise<unknown>,
        secrets,
        options,
      ),
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return model;
}
