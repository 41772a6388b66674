import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { volumeQueries } from '../api/volumes';
import {
  FILTER_KEYS,
  type ListView,
  parseView,
  viewToParams,
  viewToSearch,
} from '../model/list-view';

/**
 * The list view, read from and written to the URL. Any change of search or filters goes back to
 * page 1. `replace` is for changes that should not each become a history entry (typing). The new
 * view's list request starts with the change itself.
 */
export function useListView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const view = useMemo(() => parseView(searchParams), [searchParams]);

  const update = useCallback(
    (
      patch: Partial<ListView> | ((view: ListView) => ListView),
      options: { replace?: boolean } = {},
    ) => {
      let changed: ListView | null = null;
      setSearchParams(
        (current) => {
          const previous = parseView(current);
          const next = typeof patch === 'function' ? patch(previous) : { ...previous, ...patch };
          const narrowed =
            next.search !== previous.search ||
            FILTER_KEYS.some(
              (key) => JSON.stringify(next[key]) !== JSON.stringify(previous[key]),
            ) ||
            next.pageSize !== previous.pageSize ||
            next.sort !== previous.sort;
          if (narrowed && (typeof patch === 'function' || !('page' in patch))) next.page = 1;
          const search = viewToSearch(next);
          // What the page will read back from the URL, so that the request has the page's key.
          changed = parseView(search);
          return search;
        },
        { replace: options.replace },
      );
      // Ask for the new page now, before React re-renders the list for the new URL: the page's
      // useQuery then finds its request in flight (same key) instead of starting it after the render.
      if (changed) void queryClient.prefetchQuery(volumeQueries.list(viewToParams(changed)));
    },
    [setSearchParams, queryClient],
  );

  return [view, update] as const;
}
