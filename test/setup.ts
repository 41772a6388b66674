// Every test gets a fresh demo backend (same seed, frozen clock) behind MSW, the same handlers the
// browser uses in demo mode. Tests vary it with `server.use(...)` overrides or by driving the backend
// (`backend.clock.advance(ms)`, `backend.injectFailure(...)`).
//
// Two checks run around every test: a console error fails it, and every response the demo backend
// gives is validated against Waldur's OpenAPI schema (test/contract/openapi-subset.yaml).
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { clearAllDrafts } from '@/features/volumes/state/drafts';
import { resetOperations } from '@/features/volumes/state/operations';
import { resetSavedViews } from '@/features/volumes/state/saved-views';
import { codeLoadsSettled } from '@/lib/code-loads';
import { applyLocale } from '@/lib/i18n';
import { clearNotices } from '@/lib/notifications';
import { resetLimits } from '@/lib/server-limits';
import type { DemoBackend } from '@/mocks/backend';
import { createHandlers } from '@/mocks/handlers';
import { createTestBackend, TEST_ORIGIN } from '@/mocks/node';
import { readCatalogues, unsplitCatalogueFile } from '../scripts/catalogues';
import type { OpenApiContract, Violation } from './contract/openapi';

// `findBy…` and `waitFor` wait on a condition; their bound (1 s by default) is only how long a
// condition may take to come true. The code a test needs is loaded before it (below), so the bound
// covers the app's own work; 5 s keeps a loaded 2-core runner from failing a test that would pass.
configure({ asyncUtilTimeout: 5_000 });

/** The mutation run (VOLUME_CONSOLE_MUTATION) checks no responses: it need not load the validator. */
const contractModule = process.env.VOLUME_CONSOLE_MUTATION
  ? null
  : await import('./contract/openapi');

export const server = setupServer();

/** The translation catalogues, as the build serves them (scripts/catalogues.ts). */
const CATALOGUES = readCatalogues();
const catalogueHandler = http.get(`${TEST_ORIGIN}/assets/locales/:file`, ({ params }) => {
  const body = unsplitCatalogueFile(String(params.file), CATALOGUES);
  return body === undefined
    ? new HttpResponse(null, { status: 404 })
    : HttpResponse.json(JSON.parse(body));
});
/**
 * Waldur's schemas, compiled on first use (half a second a worker): the mutation run, which skips
 * the response check (VOLUME_CONSOLE_MUTATION), never pays for it.
 */
let loadedContract: OpenApiContract | null = null;
export const contract = new Proxy({} as OpenApiContract, {
  get(_target, property) {
    if (!contractModule) throw new Error('The contract is not loaded in the mutation run');
    loadedContract ??= contractModule.OpenApiContract.load();
    const value = Reflect.get(loadedContract, property);
    return typeof value === 'function' ? value.bind(loadedContract) : value;
  },
});
const CHECK_RESPONSES = !process.env.VOLUME_CONSOLE_MUTATION;
let backend: DemoBackend;

export function getBackend(): DemoBackend {
  return backend;
}

export interface CapturedRequest {
  method: string;
  url: URL;
  body: unknown;
}
const captured: CapturedRequest[] = [];
/** Every request the app (or a test) sent in this test, with its JSON body. */
export function sentRequests(): CapturedRequest[] {
  return captured;
}

const consoleErrors: unknown[][] = [];
const violations: Violation[] = [];
const pending: Promise<void>[] = [];
/** Tests that send malformed requests on purpose switch the response check off for themselves. */
let checkResponses = true;
export function skipResponseContractCheck() {
  checkResponses = false;
}

server.events.on('request:start', ({ request }) => {
  const copy = request.clone();
  pending.push(
    copy.text().then((text) => {
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // keep the raw text
      }
      captured.push({ method: request.method, url: new URL(request.url), body });
    }),
  );
});

server.events.on('response:mocked', ({ request, response }) => {
  if (!checkResponses || !CHECK_RESPONSES) return;
  const url = new URL(request.url);
  // Only Waldur's API is Waldur's contract (not the console's own static files).
  if (!url.pathname.startsWith('/api/')) return;
  const copy = response.clone();
  pending.push(
    copy.text().then((text) => {
      const type = copy.headers.get('content-type') ?? '';
      let body: unknown = text === '' ? undefined : text;
      if (type.includes('json') && text) body = JSON.parse(text);
      violations.push(
        ...contract.validateResponse(request.method, url, copy.status, type, body, copy.headers),
      );
    }),
  );
});

/*
 * The app loads its pages, dialogs and menus lazily. In a browser a chunk arrives in milliseconds;
 * here each module is transformed on first import, which on a loaded 2-core machine can outlast a
 * test's wait. So a DOM test file loads all of the feature code before its first test, and a test
 * that opens a dialog waits on the app, not on the transformer.
 */
const featureCode = import.meta.glob(['/src/features/**/*.tsx', '!/src/features/**/*.test.tsx']);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  if (typeof window !== 'undefined')
    await Promise.all(Object.values(featureCode).map((load) => load()));
});

beforeEach(() => {
  backend = createTestBackend();
  server.resetHandlers(...createHandlers(backend, TEST_ORIGIN), catalogueHandler);
  consoleErrors.length = 0;
  violations.length = 0;
  captured.length = 0;
  checkResponses = true;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});

/** Pure unit tests run in Node (`@vitest-environment node`): no DOM, no storage to clean. */
const inBrowserLike = typeof window !== 'undefined';

afterEach(async () => {
  if (inBrowserLike) cleanup();
  // Code the test caused to load (an idle preload) lands before the environment goes away.
  await codeLoadsSettled();
  await Promise.all(pending.splice(0));
  clearNotices();
  resetOperations();
  resetLimits();
  applyLocale('en');
  clearAllDrafts();
  if (inBrowserLike) {
    resetSavedViews();
    localStorage.clear();
    sessionStorage.clear();
  }
  vi.restoreAllMocks();
  if (consoleErrors.length > 0) {
    const messages = consoleErrors.map((args) =>
      args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '),
    );
    throw new Error(`console.error was called during the test:\n${messages.join('\n---\n')}`);
  }
  if (violations.length > 0) {
    const list = violations.map((v) => `${v.where}: ${v.message}`).join('\n');
    throw new Error(`The demo backend answered outside the OpenAPI contract:\n${list}`);
  }
});

afterAll(() => {
  server.close();
});
