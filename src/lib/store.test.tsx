import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LiveRegions } from './announcer';
import { ApiError } from './api-error';
import { clearNotices, hideToast, notify, notifyFailure, useNotices } from './notifications';
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
  function renderNotices() {
    render(<LiveRegions />);
    return renderHook(() => useNotices());
  }

  it('newest first, numbered, with the time, shown as a toast until hidden', () => {
    clearNotices();
    const { result } = renderNotices();
    let first = 0;
    let second = 0;
    act(() => {
      first = notify({ kind: 'success', title: 'One' });
      second = notify({ kind: 'error', title: 'Two', message: 'Why.' });
    });
    expect(second).toBe(first + 1);
    expect(result.current.map((n) => [n.id, n.title, n.toastVisible])).toEqual([
      [second, 'Two', true],
      [first, 'One', true],
    ]);
    expect(result.current[0]?.createdAt).toBeGreaterThan(0);
    expect(result.current[0]?.message).toBe('Why.');
    act(() => hideToast(first));
    expect(result.current.map((n) => [n.id, n.toastVisible])).toEqual([
      [second, true],
      [first, false],
    ]);
    act(() => clearNotices());
    expect(result.current).toEqual([]);
  });

  it('a failure becomes an error notice: its message, the report of an API error, its actions', () => {
    const { result } = renderNotices();
    const apiError = new ApiError({
      kind: 'http',
      status: 409,
      request: { method: 'POST', url: 'https://w.test/api/x/' },
      body: { detail: 'Busy.' },
    });
    const retry = () => {};
    act(() => {
      notifyFailure('Could not pull', apiError, [{ label: 'Try again', run: retry }]);
      notifyFailure('Could not approve', new Error('Offline'));
    });
    expect(result.current[1]).toMatchObject({
      kind: 'error',
      title: 'Could not pull',
      message: 'Busy.',
      report: apiError.toReport(),
      actions: [{ label: 'Try again', run: retry }],
    });
    expect(result.current[0]).toMatchObject({
      kind: 'error',
      message: 'Offline',
      report: undefined,
    });
  });

  it('keeps the newest hundred', () => {
    const { result } = renderNotices();
    act(() => {
      for (let i = 0; i < 120; i++) notify({ kind: 'info', title: `n${i}` });
    });
    expect(result.current).toHaveLength(100);
    expect(result.current[0]?.title).toBe('n119');
    expect(result.current[99]?.title).toBe('n20');
  });

  it('says each notice aloud: errors assertively, the rest politely, the message after the title', () => {
    renderNotices();
    act(() => {
      notify({ kind: 'error', title: 'Extend failed', message: 'Quota exceeded' });
    });
    expect(screen.getByRole('alert')).toHaveTextContent(/^Extend failed\. Quota exceeded$/);
    act(() => {
      notify({ kind: 'success', title: 'Extend scheduled' });
    });
    expect(screen.getByRole('status')).toHaveTextContent(/^Extend scheduled$/);
  });
});
