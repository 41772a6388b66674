import { prefetchForLocation } from './app/prefetch';
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
const pageData = sessionStore.get().token
  ? prefetchForLocation(queryClient, window.location)
  : null;

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
start({ queryClient, demo, configProblem: config.problem });
