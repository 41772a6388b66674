// The demo backend lives in the page (MSW hands it every /api/ request). `demo` reaches it through
// `window.__waldurDemo` to look up seed data, move its clock, and count requests. Every test starts
// from a fresh browser context, so from a fresh seed.
import { test as base, expect, type Page } from '@playwright/test';
import type { DemoBackend } from '@/mocks/backend';
import type { VolumeRecord } from '@/mocks/db';

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
  constructor(private readonly page: Page) {}

  async ready() {
    await this.page.waitForFunction(() => Boolean(window.__waldurDemo));
  }

  /** A seed volume chosen by a predicate over the backend's records (serialised to the page). */
  async volume(predicate: string): Promise<VolumeRecord> {
    await this.ready();
    const found = await this.page.evaluate((source) => {
      const test = new Function('v', 'db', `return (${source})`) as (
        v: unknown,
        db: unknown,
      ) => boolean;
      const { db } = window.__waldurDemo.backend;
      return db.volumes.find((v) => test(v, db)) ?? null;
    }, predicate);
    if (!found) throw new Error(`No demo volume matches ${predicate}`);
    return found as VolumeRecord;
  }

  async run<T>(fn: (backend: DemoBackend) => T): Promise<T> {
    await this.ready();
    return this.page.evaluate(`(${fn.toString()})(window.__waldurDemo.backend)`) as Promise<T>;
  }

  async advance(ms: number) {
    await this.ready();
    await this.page.evaluate((value) => window.__waldurDemo.advance(value), ms);
  }

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

export const test = base.extend<{ demo: Demo }>({
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
