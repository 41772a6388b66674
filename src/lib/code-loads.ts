// Code fetched ahead of need (a dialog's chunk when the page is idle, the detail page's after the
// list): each load is tracked until it settles, so that a test can wait for the code it caused to
// load before its environment goes away (test/setup.ts), instead of the import landing afterwards.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

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
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(run, { timeout: timeoutMs });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, fallbackMs);
  return () => clearTimeout(handle);
}

/** The longest `whenSettledAndIdle` waits for the queries in flight before going on anyway. */
const SETTLE_CAP_MS = 5000;

/**
 * Runs `run` once no query is in flight (the page's data is in, and on screen at the next frame) and
 * the browser is then idle (`whenIdle`): work ahead of need (the next page's code, a probe) must not
 * take the network or the main thread from the first content. A page that never settles (a read
 * stuck on a slow API) gets it after `SETTLE_CAP_MS`. Returns the cancel function.
 */
export function whenSettledAndIdle(
  client: Pick<QueryClient, 'isFetching' | 'getQueryCache'>,
  run: () => void,
  timeoutMs: number,
  fallbackMs: number,
): () => void {
  let cancelIdle: (() => void) | null = null;
  let unsubscribe = () => {};
  let cap: ReturnType<typeof setTimeout> | undefined;
  const go = () => {
    if (cancelIdle) return;
    unsubscribe();
    clearTimeout(cap);
    cancelIdle = whenIdle(run, timeoutMs, fallbackMs);
  };
  if (client.isFetching() === 0) go();
  else {
    unsubscribe = client.getQueryCache().subscribe(() => {
      if (client.isFetching() === 0) go();
    });
    cap = setTimeout(go, SETTLE_CAP_MS);
  }
  return () => {
    unsubscribe();
    clearTimeout(cap);
    cancelIdle?.();
  };
}

/**
 * `whenSettledAndIdle` for a component: runs `run` once after mount (when `enabled`), with the
 * app's QueryClient; cancelled on unmount.
 */
export function useWhenSettledAndIdle(
  run: () => void,
  timeoutMs: number,
  fallbackMs: number,
  enabled = true,
) {
  const queryClient = useQueryClient();
  const latest = useRef(run);
  latest.current = run;
  useEffect(
    () =>
      enabled
        ? whenSettledAndIdle(queryClient, () => latest.current(), timeoutMs, fallbackMs)
        : undefined,
    [queryClient, enabled, timeoutMs, fallbackMs],
  );
}
