// The current time, re-rendering every `intervalMs` for labels such as "updated 5 s ago". One
// shared timer per interval, running only while something shows the time. (Data refresh is
// react-query's `refetchInterval`, never a timer here.)
import { createStore, type Store, useStore } from './store';

const clocks = new Map<number, Store<number>>();

function clockFor(intervalMs: number): Store<number> {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    const store: Store<number> = createStore(Date.now(), {
      onWatched: () => {
        store.set(Date.now());
        const timer = setInterval(() => store.set(Date.now()), intervalMs);
        return () => clearInterval(timer);
      },
    });
    clock = store;
    clocks.set(intervalMs, clock);
  }
  return clock;
}

export function useNow(intervalMs = 1000): number {
  return useStore(clockFor(intervalMs));
}
