import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, type NavigateFunction, useLocation, useNavigate } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '@/app/app';
import { createQueryClient } from '@/app/query-client';
import { AppRoutes } from '@/app/routes';
import { sessionStore } from '@/lib/session';
import { createDemoControls } from '@/mocks/controls';
import { TEST_ORIGIN } from '@/mocks/node';
import type { DemoPersona } from '@/mocks/seed/users';
import { getBackend } from './setup';

/** Records the router's current location for assertions about the URL, and its navigate (Back). */
function LocationProbe({ into }: { into: { current: string; navigate?: NavigateFunction } }) {
  const here = useLocation();
  into.current = `${here.pathname}${here.search}`;
  into.navigate = useNavigate();
  return null;
}

export interface RenderAppOptions {
  /** Demo persona to act as (default staff). */
  persona?: DemoPersona;
  /** Act as a real-Waldur session instead of demo mode; `token: null` means signed out. */
  waldur?: { token: string | null; apiUrlFixed?: boolean };
  /** The test runs vitest's fake timers: user events advance them while they wait. */
  advanceTimers?: boolean;
}

/**
 * Renders the real app (providers and the one route table) at `url`, against the test's demo
 * backend, with a fresh QueryClient. Returns a userEvent instance and a way to read the current URL.
 */
export function renderApp(url = '/volumes', options: RenderAppOptions = {}) {
  const backend = getBackend();
  const demo = createDemoControls(backend);
  if (options.waldur) {
    if (options.waldur.token) {
      sessionStorage.setItem(
        'volume-console:connection',
        JSON.stringify({ apiUrl: TEST_ORIGIN, token: options.waldur.token }),
      );
    }
    sessionStore.initWaldur(options.waldur.apiUrlFixed === false ? null : TEST_ORIGIN);
  } else {
    sessionStore.initDemo(TEST_ORIGIN, demo.personas);
    sessionStore.switchPersona(options.persona ?? 'staff');
  }
  const queryClient = createQueryClient({ retryDelay: 0 });
  const location: { current: string; navigate?: NavigateFunction } = { current: '' };
  const user = userEvent.setup(
    options.advanceTimers ? { advanceTimers: vi.advanceTimersByTime } : {},
  );
  const result = render(
    <AppProviders queryClient={queryClient} demo={options.waldur ? null : demo}>
      <MemoryRouter initialEntries={[url]} useTransitions={false}>
        <AppRoutes />
        <LocationProbe into={location} />
      </MemoryRouter>
    </AppProviders>,
  );
  return {
    ...result,
    user,
    backend,
    queryClient,
    location: () => location.current,
    /** The browser's Back (and Forward: `history(1)`), as the router's history moves. */
    history: (delta: number) => void location.navigate!(delta),
  };
}

/** The query string of the backend's requests to a path, as URLSearchParams. */
export function requestsTo(path: string, method = 'GET') {
  return getBackend()
    .requests.filter((r) => r.path === path && r.method === method)
    .map((r) => new URLSearchParams(r.search));
}

/** Replaces what a field holds with `text`, typed as a user would. */
export async function retype(
  user: ReturnType<typeof userEvent.setup>,
  field: Element,
  text: string,
) {
  await user.clear(field);
  await user.type(field, text);
}
