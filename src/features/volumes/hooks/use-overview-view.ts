import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type OverviewView, overviewViewToSearch, parseOverviewView } from '../model/overview';

/**
 * The storage overview's view, read from and written to the URL. A new search, customer or tenant
 * goes back to the first page of tenants; `replace` keeps typing out of the history.
 */
export function useOverviewView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseOverviewView(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<OverviewView>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const next = { ...parseOverviewView(current), ...patch };
          if (!('page' in patch)) next.page = 1;
          return overviewViewToSearch(next);
        },
        { replace: options.replace },
      );
    },
    [setSearchParams],
  );
  return { view, update };
}
