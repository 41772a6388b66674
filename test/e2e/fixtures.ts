// Browser tests never wait on real time. Every page starts with Playwright's fake clock installed
// (timers run at the normal pace, but a test can run them ahead) and with the demo backend's clock
// standing still ("manual" demo speed). `demo.advance(ms)` moves the backend's operations on by
// `ms`, then runs the page's timers for that long plus the longest live-refresh interval, so the
// page has polled at least once since: the next assertion sees the new state without waiting on
// real time. A state that would pass by itself in a second stays on screen until the test moves
// time, because the backend moves only then.
//
// `demo` also answers questions about the demo's data: `demo.seed` is the database the page starts
// from (the seed is deterministic, so it is built here with the same names and UUIDs), and
// `demo.run` reads or changes the page's live backend.
import { test as base, expect, type Page } from '@playwright/test';
import { LIVE_MAX_MS } from '../../src/features/volumes/model/live';
import type { DemoBackend } from '../../src/mocks/backend';
import type { Db, VolumeRecord } from '../../src/mocks/db';
import { createSeedDb } from '../../src/mocks/seed/seed';
import { SPEED_KEY } from '../../src/mocks/speed';
import { findVolume, type VolumePredicate } from '../seed-queries';

declare global {
  interface Window {
    __waldurDemo: {
      backend: DemoBackend;
      advance: (ms: number) => void;
      requests: { method: string; path: string; search: string; status: number }[];
    };
  }
}

export class Demo {
  /** The database the page starts from (before the test changes anything). */
  readonly seed: Db = createSeedDb(Date.now());

  constructor(private readonly page: Page) {}

  async ready() {
    await this.page.waitForFunction(() => Boolean(window.__waldurDemo));
  }

  /** A volume of the starting data. */
  volume(predicate: VolumePredicate): VolumeRecord {
    return findVolume(this.seed, predicate);
  }

  /**
   * Runs `fn` in the page with its live backend and `arg` (JSON). `fn` is sent as source, so it may
   * use only its parameters.
   */
  async run<T, A = null>(fn: (backend: DemoBackend, arg: A) => T, arg?: A): Promise<T> {
    await this.ready();
    return (await this.page.evaluate(
      `(${fn.toString()})(window.__waldurDemo.backend, ${JSON.stringify(arg ?? null)})`,
    )) as T;
  }

  /** Moves the backend's operations on by `ms`; the page's live refresh has polled after. */
  async advance(ms: number) {
    await this.ready();
    await this.page.evaluate((value) => window.__waldurDemo.advance(value), ms);
    await this.page.clock.runFor(ms + LIVE_MAX_MS);
  }

  /** The query strings of the requests the backend answered for `path`. */
  async requests(path: string, method = 'GET') {
    await this.ready();
    return this.page.evaluate(
      ([p, m]) =>
        window.__waldurDemo.requests
          .filter((r) => r.path === p && r.method === m)
          .map((r) => r.search),
      [path, method] as const,
    );
  }
}

/**
 * Every page the test opens reads in `code` (`ar`, `de`, `en-XA`…), as for a reader who chose that
 * language on an earlier visit (the key is src/lib/language.ts's).
 */
export function readIn(page: Page, code: string) {
  return page.addInitScript(
    (chosen) => localStorage.setItem('volume-console:locale', chosen),
    code,
  );
}

/**
 * Stops the page's clock a moment from now. The page's time runs while this asks for it, so on a
 * busy machine "a moment from now" can already be past by the time the clock is told: then ask
 * again (pausing in the past is refused, not a race that passes by luck).
 */
export async function pauseSoon(page: Page) {
  for (let attempt = 0; ; attempt++) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 250);
      return;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('Cannot fast-forward to the past')) throw error;
    }
  }
}

/**
 * Types `text` into the focused field with `gapMs` of page time between keys, whatever the machine's
 * speed: the page's clock stands still while a key is pressed and moves exactly `gapMs` after it.
 */
export async function typeWithGaps(page: Page, text: string, gapMs: number) {
  await pauseSoon(page);
  for (const key of text) {
    await page.keyboard.type(key);
    await page.clock.runFor(gapMs);
  }
  await page.clock.resume();
}

/**
 * Runs the page's timers forward, `stepMs` at a time, until `condition` holds: for what the page does
 * by itself after a delay (retries, debounces), without waiting on the machine's clock.
 */
export async function runUntil(
  page: Page,
  condition: () => Promise<boolean>,
  { stepMs = 500, maxMs = 60_000 } = {},
) {
  for (let elapsed = 0; elapsed <= maxMs; elapsed += stepMs) {
    if (await condition()) return;
    await page.clock.runFor(stepMs);
  }
  throw new Error(`Not reached within ${maxMs} ms of page time`);
}

export const test = base.extend<{ demo: Demo }>({
  page: async ({ page }, use) => {
    // Every server the tests use sends the deployment's strict Content-Security-Policy; Chromium
    // logs each thing it refuses ("Refused to execute inline script because it violates …").
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.clock.install();
    await page.addInitScript(
      ([key]) => {
        // Only where the demo runs (the preview's origin), and only once per test: a reload keeps
        // whatever the test set.
        if (!localStorage.getItem(key!)) localStorage.setItem(key!, 'manual');
      },
      [SPEED_KEY],
    );
    await use(page);
    expect(refused, 'Content-Security-Policy violations').toEqual([]);
  },
  demo: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Chromium also logs every 4xx/5xx response as a console error; those are the network, not
      // the app, and journeys that meet them (a 404 for an unlinked volume) check them on screen.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource:')) {
        errors.push(message.text());
      }
    });
    await use(new Demo(page));
    // A page error or console error fails the journey, as in unit tests.
    expect(errors, 'errors in the browser console').toEqual([]);
  },
});

export { expect };
