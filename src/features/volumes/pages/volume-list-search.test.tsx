// A search waits for its answer before it changes the URL (useListView's `whenLoaded`), so that the
// page renders once, with the answer, rather than first for the URL with the previous rows shown busy.
// The list request is held at a gate here, so that "the answer is late" does not depend on timing.
import type { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_ORIGIN } from '@/mocks/node';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { server } from '../../../../test/setup';
import { SEARCH_WAIT_MS } from '../hooks/use-list-view';

const LIST = '/api/openstack-volumes/';

/** Holds the list's answers for searches by `name` until released (then the demo answers). */
function holdSearch(name: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get(`${TEST_ORIGIN}${LIST}`, async ({ request }) => {
      if (new URL(request.url).searchParams.get('name') === name) await gate;
      return undefined; // on to the demo backend
    }),
  );
  return release;
}

const table = () => screen.getByRole('table', { name: /^Volumes/ });
const rowNames = () =>
  within(table())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
const searchBox = () =>
  screen.getByRole('searchbox', { name: 'Search volumes by name, UUID or backend ID' });

/** Waits until the list's answer for a search by `name` is in the query cache. */
async function answered(queryClient: QueryClient, name: string) {
  await waitFor(() => {
    const query = queryClient
      .getQueryCache()
      .getAll()
      .find((q) => q.queryKey[1] === 'list' && JSON.stringify(q.queryKey).includes(`"${name}"`));
    expect(query?.state.status).toBe('success');
  });
}

/** Every value the table's aria-busy takes from now on. */
function watchBusy() {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const busy = document.querySelector('table[data-list="volumes"]')?.getAttribute('aria-busy');
    if (busy) seen.push(busy);
  });
  observer.observe(document.body, {
    attributes: true,
    subtree: true,
    attributeFilter: ['aria-busy'],
  });
  return { seen, stop: () => observer.disconnect() };
}

async function firstPage() {
  const app = renderApp('/volumes');
  await waitFor(() => expect(rowNames()).toHaveLength(25));
  return app;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('volume list: a search and its answer', () => {
  it('an answer in time: the URL changes with it, and the previous rows are never shown busy', async () => {
    const { user, location } = await firstPage();
    const busy = watchBusy();
    await user.type(searchBox(), 'pg-wal{Enter}');
    await waitFor(() => expect(location()).toContain('q=pg-wal'));
    // The moment the URL has the search, the table holds its answer.
    expect(rowNames().length).toBeGreaterThan(0);
    expect(rowNames().every((name) => name.includes('pg-wal'))).toBe(true);
    busy.stop();
    expect(busy.seen).not.toContain('true');
    expect(requestsTo(LIST).filter((params) => params.get('name') === 'pg-wal')).toHaveLength(1);
  });

  it('a late answer: the box shows it is looking, then the URL changes with the previous rows shown busy', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const release = holdSearch('pg-wal');
    const { user, location } = renderApp('/volumes', { advanceTimers: true });
    await waitFor(() => expect(rowNames()).toHaveLength(25));
    const before = rowNames();
    await user.type(searchBox(), 'pg-wal{Enter}');
    expect(searchBox().closest('.search-box')).toHaveClass('search-box--looking');
    expect(location()).not.toContain('q=');

    await vi.advanceTimersByTimeAsync(SEARCH_WAIT_MS);
    await waitFor(() => expect(location()).toContain('q=pg-wal'));
    expect(table()).toHaveAttribute('aria-busy', 'true');
    expect(rowNames()).toEqual(before);
    expect(searchBox().closest('.search-box')).not.toHaveClass('search-box--looking');
    // The rows are the previous view's: the search's own are loading, not "not loaded".
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(screen.queryByText('Not loaded yet')).not.toBeInTheDocument();

    release();
    await waitFor(() => expect(rowNames().every((name) => name.includes('pg-wal'))).toBe(true));
    expect(table()).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByText(/^Updated .* ago$/)).toBeInTheDocument();
    expect(requestsTo(LIST).filter((params) => params.get('name') === 'pg-wal')).toHaveLength(1);
  });

  it('a newer search replaces a waiting one: its late answer changes nothing', async () => {
    const release = holdSearch('scratch');
    const { user, location, queryClient } = await firstPage();
    await user.type(searchBox(), 'scratch{Enter}');
    await user.clear(searchBox());
    await user.type(searchBox(), 'pg-wal{Enter}');
    await waitFor(() => expect(location()).toContain('q=pg-wal'));
    release();
    // Its answer is in, and the page stays on the newer search.
    await answered(queryClient, 'scratch');
    expect(location()).toContain('q=pg-wal');
    expect(location()).not.toContain('q=scratch');
    expect(rowNames().every((name) => name.includes('pg-wal'))).toBe(true);
  });

  it('a filter picked while a search waits stays when the search lands', async () => {
    const release = holdSearch('scratch');
    const { user, location } = await firstPage();
    await user.type(searchBox(), 'scratch{Enter}');
    await user.click(screen.getByRole('button', { name: 'Erred' }));
    await waitFor(() => expect(location()).toContain('state=ERRED'));
    release();
    await waitFor(() => expect(location()).toContain('q=scratch'));
    expect(location()).toContain('state=ERRED');
  });

  it('leaving the page drops a waiting search', async () => {
    const release = holdSearch('scratch');
    const { user, location, queryClient } = await firstPage();
    await user.type(searchBox(), 'scratch{Enter}');
    await user.click(screen.getByRole('link', { name: 'Snapshots' }));
    await waitFor(() => expect(location()).toBe('/snapshots'));
    release();
    await answered(queryClient, 'scratch');
    expect(location()).toBe('/snapshots');
  });

  it('going back while a search waits drops it', async () => {
    const release = holdSearch('scratch');
    const { user, location, queryClient, history } = await firstPage();
    await user.click(screen.getByRole('button', { name: 'Erred' }));
    await waitFor(() => expect(location()).toBe('/volumes?state=ERRED'));
    await user.type(searchBox(), 'scratch{Enter}');
    history(-1);
    await waitFor(() => expect(location()).toBe('/volumes'));
    release();
    await answered(queryClient, 'scratch');
    expect(location()).toBe('/volumes');
  });

  it('a search that replaces a waiting one keeps its history entry: Back returns to the list before', async () => {
    const release = holdSearch('scr');
    const { user, location, history } = await firstPage();
    // The first commit of a burst adds a history entry; later ones replace it.
    await user.type(searchBox(), 'scr{Enter}');
    await user.type(searchBox(), 'atch{Enter}');
    await waitFor(() => expect(location()).toBe('/volumes?q=scratch'));
    release();
    history(-1);
    await waitFor(() => expect(location()).toBe('/volumes'));
  });

  it('the later searches of a burst replace the entry the first one added', async () => {
    const { user, location, history } = await firstPage();
    await user.type(searchBox(), 'scratch{Enter}');
    await waitFor(() => expect(location()).toBe('/volumes?q=scratch'));
    await user.type(searchBox(), '-0{Enter}');
    await waitFor(() => expect(location()).toBe('/volumes?q=scratch-0'));
    history(-1);
    await waitFor(() => expect(location()).toBe('/volumes'));
  });
});
