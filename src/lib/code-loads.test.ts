// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { codeLoadsSettled, trackCodeLoad } from './code-loads';

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
