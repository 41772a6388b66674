import { pageCodeForLocation, prefetchForLocation } from './app/prefetch';
import { createQueryClient } from './app/query-client';
import { loadConfig } from './lib/config';
import type { DemoControls } from './lib/demo-controls';
import { applyStartingLocale, followOtherTabs, initialLocale, loadLanguage } from './lib/language';
import { sessionStore } from './lib/session';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/components.css';

/*
 * Boot: a small entry that reads config.json, starts the demo backend when there is no Waldur, and
 * starts the current page's data, while React, the router and the pages (app/start) download and
 * evaluate in parallel (index.html preloads them). See docs/decisions/0005-boot.md.
 */

/** How long a ready app waits for the page's data before rendering without it. */
const FIRST_RENDER_WAIT_MS = 150;
/** How long a ready app waits for the page's own chunk before rendering its loading state. */
const PAGE_CODE_WAIT_MS = 3000;

const app = import('./app/start');
// The reader's language: its catalogue and formats are fetched at once, in parallel with
// everything else (and its Intl objects created as they arrive, while the data is on its way).
const locale = initialLocale();
const language = loadLanguage(locale).catch(() => undefined);
const config = await loadConfig();
let demo: DemoControls | null = null;

if (config.apiUrl === null && !sessionStore.wantsWaldur()) {
  // Demo mode: the MSW worker and the in-memory Waldur load only here, in their own chunk.
  const { startDemoBackend } = await import('./mocks/browser');
  demo = await startDemoBackend();
  sessionStore.initDemo(window.location.origin, demo.personas);
} else {
  sessionStore.initWaldur(config.apiUrl);
}

const queryClient = createQueryClient();
const signedIn = Boolean(sessionStore.get().token);
const pageData = signedIn ? prefetchForLocation(queryClient, window.location) : null;
const pageCode = signedIn ? pageCodeForLocation(window.location) : null;

const { start } = await app;
const loaded = await language;
// A language whose files could not be loaded (offline) falls back to English.
applyStartingLocale(locale, loaded);
followOtherTabs();
if (pageData) {
  // When the page's data is moments away, render once with it instead of a loading state that is
  // replaced a few frames later (a second render and layout of the whole page). A slow API only
  // delays the first render by this much; after that the page shows its own loading state.
  await Promise.race([
    pageData,
    new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
  ]);
}
if (pageCode) {
  // The page's own code (its chunk, fetched since boot): rendered before it is here, the route
  // would show its loading state, and React holds a revealed loading state for 300 ms, so the
  // first row would wait that long after the code. A chunk that does not come within
  // PAGE_CODE_WAIT_MS is left to the route's loading state (and its error, if it fails).
  await Promise.race([pageCode, new Promise((resolve) => setTimeout(resolve, PAGE_CODE_WAIT_MS))]);
}
start({ queryClient, demo, configProblem: config.problem });
