import type { QueryClient } from '@tanstack/react-query';
import { volumeQueries } from '@/features/volumes/api/volumes';
import { parseView, viewToParams } from '@/features/volumes/model/list-view';
import { currentUserQuery } from '@/lib/current-user';
import { normalizeUuid } from '@/lib/uuid';
import { loadListPage } from './page-code';

const isListPath = (path: string) => path === '/' || path === '/volumes';

/**
 * Starts the code of the page being opened, where it is its own chunk (./page-code): the list page.
 * Resolves (never rejects) once it is here, or null for a page whose code is in the app's chunk or
 * loads on its route.
 */
export function pageCodeForLocation(location: Pick<Location, 'pathname'>): Promise<void> | null {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  return isListPath(path) ? loadListPage().then(noop, noop) : null;
}
const noop = () => undefined;

/**
 * Starts the data of the page being opened while React, the router and the pages are still being
 * downloaded and evaluated (render-as-you-fetch). The pages ask for the same query keys, so they pick
 * up these requests in flight instead of starting their own after the first render. Resolves when
 * the page's own data has settled (prefetches never reject; a failure is the page's to show).
 */
export function prefetchForLocation(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): Promise<void> {
  void queryClient.prefetchQuery(currentUserQuery());
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (isListPath(path)) {
    const params = viewToParams(
      parseView(new URLSearchParams(path === '/' ? '' : location.search)),
    );
    return queryClient.prefetchQuery(volumeQueries.list(params));
  }
  const uuid = normalizeUuid(/^\/volumes\/([^/]+)$/.exec(path)?.[1]);
  return uuid ? queryClient.prefetchQuery(volumeQueries.detail(uuid)) : Promise.resolve();
}
