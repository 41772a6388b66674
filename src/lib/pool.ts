/**
 * Runs `worker` over `items` with at most `limit` at once, in order. Stops starting new items when
 * `signal` aborts (items already running finish). Returns which items ran.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<{ started: number }> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await worker(items[index]!, index);
    }
  });
  await Promise.all(runners);
  return { started: next };
}
