import { DemoBackend } from './backend';
import { createClock } from './clock';
import type { Db } from './db';
import { createSeedDb } from './seed/seed';

/** Where the app under test thinks Waldur lives. */
export const TEST_ORIGIN = 'http://localhost';
/** A fixed "now" so seed dates and scheduled transitions are identical on every run. */
export const TEST_NOW = Date.parse('2026-11-20T09:00:00.000Z');

/**
 * The demo backend for Node (vitest): the same handlers the browser uses, over a fresh database and
 * a frozen clock that tests move with `backend.clock.advance(ms)`.
 */
export function createTestBackend() {
  // The seed is the same every time: build it once, hand each test its own copy.
  seed ??= createSeedDb(TEST_NOW);
  return new DemoBackend({ clock: createClock({ start: TEST_NOW }), db: structuredClone(seed) });
}

let seed: Db | null = null;
