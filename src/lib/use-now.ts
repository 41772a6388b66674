import { useSyncExternalStore } from 'react';

/**
 * The current time, re-rendering every `intervalMs` for labels such as "updated 5 s ago". One shared
 * timer per interval, whatever the number of subscribers. (Data refresh is react-query's
 * `refetchInterval`, never a timer here.)
 */
interface SharedClock {
  now: number;
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => number;
}

const clocks = new Map<number, SharedClock>();

function clockFor(intervalMs: number): SharedClock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  // `subscribe` must be the same function on every render, or React would resubscribe each time.
  const clock: SharedClock = {
    now: Date.now(),
    subscribe: (listener) => {
      listeners.add(listener);
      if (!timer) {
        timer = setInterval(() => {
          clock.now = Date.now();
          for (const l of listeners) l();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    getSnapshot: () => clock.now,
  };
  clocks.set(intervalMs, clock);
  return clock;
}

export function useNow(intervalMs = 1000): number {
  const clock = clockFor(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot);
}
