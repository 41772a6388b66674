// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeLoadsSettled, trackCodeLoad, whenSettledAndIdle } from './code-loads';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('codeLoadsSettled', () => {
  it('waits for every tracked load, failed ones and those started while it waits included', async () => {
    const first = deferred();
    const second = deferred();
    const events: string[] = [];
    trackCodeLoad(first.promise).catch(() => events.push('first failed'));
    const settled = codeLoadsSettled().then(() => events.push('settled'));
    await Promise.resolve();
    trackCodeLoad(second.promise).then(() => events.push('second loaded'));
    first.reject(new Error('chunk missing'));
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual(['first failed']);
    second.resolve();
    await settled;
    expect(events).toEqual(['first failed', 'second loaded', 'settled']);
  });

  it('resolves at once when nothing is loading', async () => {
    await expect(codeLoadsSettled()).resolves.toBeUndefined();
  });
});

describe('whenSettledAndIdle', () => {
  // Node has no requestIdleCallback: "idle" is the fallback's timer, driven by fake timers here.
  const FALLBACK = 500;
  let client: QueryClient;
  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  });
  afterEach(() => {
    client.clear();
    vi.useRealTimers();
  });

  it('waits for the queries in flight to settle, then for idle', async () => {
    const answer = deferred();
    void client.prefetchQuery({ queryKey: ['list'], queryFn: () => answer.promise.then(() => 1) });
    const run = vi.fn();
    whenSettledAndIdle(client, run, 3000, FALLBACK);
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).not.toHaveBeenCalled();
    answer.resolve();
    await vi.advanceTimersByTimeAsync(FALLBACK - 1);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    // Later reads do not run it again.
    await client.fetchQuery({ queryKey: ['other'], queryFn: () => 2 });
    await vi.advanceTimersByTimeAsync(FALLBACK * 2);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits only for idle when nothing is in flight', async () => {
    const run = vi.fn();
    whenSettledAndIdle(client, run, 3000, FALLBACK);
    await vi.advanceTimersByTimeAsync(FALLBACK);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('goes on after 5 s when a read never settles', async () => {
    void client.prefetchQuery({
      queryKey: ['stuck'],
      queryFn: () => new Promise<number>(() => {}),
    });
    const run = vi.fn();
    whenSettledAndIdle(client, run, 3000, FALLBACK);
    await vi.advanceTimersByTimeAsync(5000 + FALLBACK - 1);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled, before or after the reads settle', async () => {
    const answer = deferred();
    void client.prefetchQuery({ queryKey: ['list'], queryFn: () => answer.promise.then(() => 1) });
    const early = vi.fn();
    const late = vi.fn();
    whenSettledAndIdle(client, early, 3000, FALLBACK)();
    const cancelLate = whenSettledAndIdle(client, late, 3000, FALLBACK);
    answer.resolve();
    await vi.advanceTimersByTimeAsync(1);
    cancelLate();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });
});
