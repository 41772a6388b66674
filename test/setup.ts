import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetOperations } from '@/features/volumes/operations/operations-store';
import { clearNotices } from '@/lib/notifications';
import type { DemoBackend } from '@/mocks/backend';
import { createHandlers } from '@/mocks/handlers';
import { createTestBackend, TEST_ORIGIN } from '@/mocks/node';

/**
 * Every test gets a fresh demo backend (same seed, frozen clock) behind MSW, the same handlers the
 * browser uses in demo mode. Tests vary it with `server.use(...)` overrides or by driving the backend
 * (`backend.clock.advance(ms)`, `backend.injectFailure(...)`). A console error fails the test.
 */
export const server = setupServer();
let backend: DemoBackend;

export function getBackend(): DemoBackend {
  return backend;
}

const consoleErrors: unknown[][] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

beforeEach(() => {
  backend = createTestBackend();
  server.resetHandlers(...createHandlers(backend, TEST_ORIGIN));
  consoleErrors.length = 0;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});

afterEach(() => {
  cleanup();
  clearNotices();
  resetOperations();
  localStorage.clear();
  sessionStorage.clear();
  vi.restoreAllMocks();
  if (consoleErrors.length > 0) {
    const messages = consoleErrors.map((args) =>
      args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '),
    );
    throw new Error(`console.error was called during the test:\n${messages.join('\n---\n')}`);
  }
});

afterAll(() => {
  server.close();
});
