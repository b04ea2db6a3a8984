/**
 * Code a model needs only when it is called is imported on the first call, so importing
 * the package compiles only what creating models needs. One shared load per module:
 * concurrent first calls wait for the same import (some module runners, e.g. Vitest's,
 * hand a second concurrent importer a module that has not finished evaluating), and a
 * failed load is tried again on the next call.
 */
export function lazyLoad<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
