// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runPool } from './pool';

describe('runPool', () => {
  it('never runs more than the limit at once, and runs every item', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5 + (item % 3) * 5));
      done.push(item);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing new once aborted', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const { started } = await runPool(
      [1, 2, 3, 4, 5],
      2,
      async (item) => {
        done.push(item);
        if (item === 2) controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
      controller.signal,
    );
    expect(started).toBe(2);
    expect(done).toEqual([1, 2]);
  });
});
