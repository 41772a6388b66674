import { type Query, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';

/**
 * How many unobserved pages of a kind the cache keeps (the list's pages; volumes, snapshots):
 * enough that going back to where one came from asks nothing, few enough that browsing a hundred
 * pages does not keep a hundred in memory for the default five minutes.
 */
const KEEP_UNOBSERVED = 3;

/** The kinds of query that pile up while browsing, by the first two parts of their key. */
function kindOf(query: Query): string | null {
  const [family, part] = query.queryKey as unknown[];
  if (typeof family !== 'string' || typeof part !== 'string') return null;
  return ['list', 'detail'].includes(part) ? `${family}:${part}` : null;
}

/** Drops the unobserved queries of each kind beyond the newest few. */
function boundCache(queryClient: QueryClient) {
  const byKind = new Map<string, Query[]>();
  for (const query of queryClient.getQueryCache().getAll()) {
    const kind = kindOf(query);
    if (!kind || query.getObserversCount() > 0) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), query]);
  }
  for (const queries of byKind.values()) {
    const oldest = queries
      .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
      .slice(KEEP_UNOBSERVED);
    for (const query of oldest) queryClient.getQueryCache().remove(query);
  }
}

/**
 * One policy for every query: retry only what retrying can fix (network faults, 5xx), never a 4xx;
 * consider data fresh for 30 s so that going back to a page does not refetch it; and keep only the
 * few most recent unobserved list pages and details.
 */
export function createQueryClient(options: { retryDelay?: number } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => isApiError(error) && error.isRetryable && failureCount < 2,
        retryDelay: (attempt) => options.retryDelay ?? Math.min(1000 * 2 ** attempt, 8000),
      },
      mutations: {
        retry: false,
      },
    },
  });
  let pending = false;
  queryClient.getQueryCache().subscribe((event) => {
    // A query that lost its last observer is a page left behind; prune once per burst of events.
    if (event.type !== 'observerRemoved' || pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      boundCache(queryClient);
    });
  });
  return queryClient;
}
