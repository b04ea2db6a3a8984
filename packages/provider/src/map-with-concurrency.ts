/** Downloads of URLs from one response run at most this many at a time. */
export const MAX_CONCURRENT_DOWNLOADS = 4;

/**
 * `Promise.all(items.map(fn))` with at most `limit` calls in flight; results keep the
 * input order. The first failure rejects at once and no further item is started.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
