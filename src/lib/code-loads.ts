// Code fetched ahead of need (a dialog's chunk when the page is idle, the detail page's after the
// list): each load is tracked until it settles, so that a test can wait for the code it caused to
// load before its environment goes away (test/setup.ts), instead of the import landing afterwards.
const inFlight = new Set<Promise<unknown>>();

/** Tracks a code load until it settles; returns it unchanged. */
export function trackCodeLoad<T>(load: Promise<T>): Promise<T> {
  inFlight.add(load);
  const forget = () => inFlight.delete(load);
  load.then(forget, forget);
  return load;
}

/** Resolves once no tracked load is in flight (loads started meanwhile included). */
export async function codeLoadsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/**
 * Runs `run` when the browser is idle, at the latest after `timeoutMs` (where there is no idle
 * callback, after `fallbackMs`). Returns the cancel function, for an effect's cleanup.
 */
export function whenIdle(run: () => void, timeoutMs: number, fallbackMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, fallbackMs);
  return () => window.clearTimeout(handle);
}
