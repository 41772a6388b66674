// The library's React hooks, rendered on their own.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from './use-debounced-value';
import { PRODUCT_NAME, useDocumentTitle } from './use-document-title';
import { PHONE, useMediaQuery } from './use-media-query';
import { useNow } from './use-now';

afterEach(() => {
  vi.useRealTimers();
});

describe('hooks', () => {
  it('useDebouncedValue follows the value once it has rested', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 250), {
      initialProps: { value: 'a' },
    });
    rerender({ value: 'ab' });
    act(() => vi.advanceTimersByTime(249));
    expect(result.current).toBe('a');
    rerender({ value: 'abc' });
    act(() => vi.advanceTimersByTime(249));
    expect(result.current).toBe('a');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe('abc');
  });

  it('useNow shares one timer per interval among everything that shows the time', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const first = renderHook(() => useNow(7000));
    const second = renderHook(() => useNow(7000));
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(7000));
    expect(first.result.current).toBe(1_007_000);
    expect(second.result.current).toBe(1_007_000);
    first.unmount();
    expect(vi.getTimerCount()).toBe(1);
    second.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('useNow ticks at its interval while shown', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { result, unmount } = renderHook(() => useNow(5000));
    expect(result.current).toBe(1_000_000);
    act(() => vi.advanceTimersByTime(4999));
    expect(result.current).toBe(1_000_000);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(1_005_000);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('useDocumentTitle names the page in the tab', () => {
    const { rerender } = renderHook(({ title }) => useDocumentTitle(title), {
      initialProps: { title: 'data-01' as string | null },
    });
    expect(document.title).toBe(`data-01 · ${PRODUCT_NAME}`);
    rerender({ title: null });
    expect(document.title).toBe(PRODUCT_NAME);
  });

  it('useMediaQuery answers the query and follows its changes, asking and subscribing once', () => {
    const listeners = new Set<() => void>();
    let matches = false;
    let asked = 0;
    let subscribed = 0;
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => {
      asked += 1;
      return {
        get matches() {
          return query === PHONE && matches;
        },
        addEventListener: (type: string, listener: () => void) => {
          if (type === 'change') listeners.add(listener);
          subscribed += 1;
        },
        removeEventListener: (type: string, listener: () => void) => {
          if (type === 'change') listeners.delete(listener);
        },
      };
    }) as unknown as typeof window.matchMedia;
    try {
      const { result, rerender, unmount } = renderHook(() => useMediaQuery(PHONE));
      expect(result.current).toBe(false);
      expect(listeners.size).toBe(1);
      // The list page renders on every change of its view: no new query, no new subscription.
      rerender();
      rerender();
      expect(asked).toBe(1);
      expect(subscribed).toBe(1);
      matches = true;
      act(() => {
        for (const listener of listeners) listener();
      });
      expect(result.current).toBe(true);
      unmount();
      expect(listeners.size).toBe(0);
    } finally {
      window.matchMedia = original;
    }
  });
});
