import { describe, expect, it } from 'vitest';
import { clearNotices, hideToast, notify } from './notifications';
import { createStore } from './store';

describe('createStore', () => {
  it('tells listeners of a change, not of the same value; a function computes from the current one', () => {
    const store = createStore(1);
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get()));
    store.set(2);
    store.set(2);
    store.set((n) => n * 10);
    stop();
    store.set(5);
    expect(seen).toEqual([2, 20]);
    expect(store.get()).toBe(5);
  });

  it('runs its watcher while anyone listens, and stops it when the last one leaves', () => {
    const events: string[] = [];
    const store = createStore(0, {
      onWatched: () => {
        events.push('start');
        return () => events.push('stop');
      },
    });
    const a = store.subscribe(() => {});
    const b = store.subscribe(() => {});
    a();
    expect(events).toEqual(['start']);
    b();
    expect(events).toEqual(['start', 'stop']);
    store.subscribe(() => {})();
    expect(events).toEqual(['start', 'stop', 'start', 'stop']);
  });
});

describe('notifications', () => {
  it('numbers notices, shows them as toasts until hidden, keeps the newest hundred', () => {
    clearNotices();
    const first = notify({ kind: 'success', title: 'One' });
    const second = notify({ kind: 'error', title: 'Two', message: 'Why.' });
    expect(second).toBe(first + 1);
    hideToast(first);
    for (let i = 0; i < 120; i++) notify({ kind: 'info', title: `n${i}` });
    clearNotices();
  });
});
