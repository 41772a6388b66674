// Demo mode in the browser: an MSW service worker hands every `/api/...` request of this origin to
// the in-memory Waldur. Its database is saved to localStorage after each change, so a reload keeps
// what the user did; "Reset demo data" starts over. `window.__waldurDemo` lets browser tests move
// time, inject failures and count requests. At the "manual" speed (./speed.ts) its clock stands
// still, at the moment it was saved, until something calls `advance`. Which Waldur it plays
// (./deployment.ts) is kept per browser apart from the data, so a reset keeps it.
import { setupWorker } from 'msw/browser';
import type { DemoControls } from '@/lib/demo-controls';
import { DemoBackend } from './backend';
import { createClock } from './clock';
import { createDemoControls } from './controls';
import { DB_VERSION, type Db } from './db';
import { readDeployment } from './deployment';
import { createHandlers } from './handlers';
import { readSpeed, TIME_SCALE } from './speed';

const STORAGE_KEY = 'volume-console:demo-db';

interface Saved {
  db: Db;
  /** How far "advance" has moved a running clock ahead of real time. */
  clockOffset: number;
  /** The time a manual clock stands at. */
  frozenAt?: number;
}

function load(): Saved | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Saved;
    return saved.db?.version === DB_VERSION ? saved : null;
  } catch {
    return null;
  }
}

export async function startDemoBackend(): Promise<DemoControls> {
  const saved = load();
  const speed = readSpeed();
  const clock =
    speed === 'manual'
      ? createClock({ start: saved?.frozenAt ?? Date.now() })
      : createClock({ offset: saved?.clockOffset ?? 0 });
  const save = (db: Db) => {
    try {
      const state: Saved =
        speed === 'manual'
          ? { db, clockOffset: saved?.clockOffset ?? 0, frozenAt: clock.now() }
          : { db, clockOffset: clock.offset() };
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      // storage full or disabled: the demo still works, it just will not survive a reload
    }
  };
  const backend = new DemoBackend({
    clock,
    db: saved?.db,
    onChange: save,
    timeScale: TIME_SCALE[speed],
    deployment: readDeployment(),
  });
  if (!saved) save(backend.db);

  const worker = setupWorker(...createHandlers(backend, window.location.origin));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });

  const controls = createDemoControls(backend, () => save(backend.db), speed);

  // Hooks for browser tests and for curious developers (only present in demo mode).
  Object.assign(window, {
    __waldurDemo: {
      backend,
      advance: (ms: number) => {
        backend.clock.advance(ms);
        backend.tick();
        save(backend.db);
      },
      requests: backend.requests,
      controls,
    },
  });
  return controls;
}
