import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseSnapshotView, type SnapshotView, snapshotViewToSearch } from '../model/snapshot-view';

/**
 * The snapshots page's view, read from and written to the URL. A new search, filter, sort or page
 * size goes back to page 1; `replace` keeps typing out of the history.
 */
export function useSnapshotView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseSnapshotView(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<SnapshotView>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const previous = parseSnapshotView(current);
          const next = { ...previous, ...patch };
          if (!('page' in patch)) next.page = 1;
          return snapshotViewToSearch(next);
        },
        { replace: options.replace },
      );
    },
    [setSearchParams],
  );
  return { view, update };
}
