import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { FILTER_KEYS, type ListView, parseView, viewToSearch } from '../model/list-view';

/**
 * The list view, read from and written to the URL. Any change of search or filters goes back to
 * page 1. `replace` is for changes that should not each become a history entry (typing).
 */
export function useListView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseView(searchParams), [searchParams]);

  const update = useCallback(
    (
      patch: Partial<ListView> | ((view: ListView) => ListView),
      options: { replace?: boolean } = {},
    ) => {
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
          return viewToSearch(next);
        },
        { replace: options.replace },
      );
    },
    [setSearchParams],
  );

  return [view, update] as const;
}
