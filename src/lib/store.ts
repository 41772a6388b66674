// The one way the console keeps client-side state outside React (which dialog is open, the
// operations log, notices, the session…): a value, a setter and listeners, read in components
// through `useStore`, which is `useSyncExternalStore` with an optional selector.
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export interface StoreOptions {
  /**
   * Runs when the first listener subscribes and returns what to do when the last one leaves: for
   * stores fed by a timer or a browser event, which should run only while someone is listening.
   */
  onWatched?: () => () => void;
}

export function createStore<T>(initial: T, options: StoreOptions = {}): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  let unwatch: (() => void) | null = null;
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && options.onWatched) unwatch = options.onWatched();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unwatch) {
          unwatch();
          unwatch = null;
        }
      };
    },
  };
}

const identity = <T>(value: T) => value;

/** The store's value (or the part `select` picks) in a component; re-renders when it changes. */
export function useStore<T, S = T>(
  store: Store<T>,
  select: (value: T) => S = identity as (value: T) => S,
): S {
  const snapshot = () => select(store.get());
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}
