// Auto-refresh while something is in progress, as a `refetchInterval` function (never a timer in an
// effect): 2 s at first, doubling up to 30 s while nothing changes, back to 2 s when something does,
// off when nothing is in progress. react-query pauses it while the tab is hidden.
import type { Query } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';

export const LIVE_MIN_MS = 2_000;
export const LIVE_MAX_MS = 30_000;

interface Backoff {
  seenAt: number;
  data: unknown;
  interval: number;
}

const backoffs = new WeakMap<object, Backoff>();

export function liveInterval<TData>(isActive: (data: TData) => boolean) {
  return (query: Query<TData, Error, TData, readonly unknown[]>): number | false => {
    const { data, dataUpdatedAt, error } = query.state;
    // Waldur says it is gone: its last known state is no longer anything to follow.
    const gone = isApiError(error) && error.isNotFound;
    if (data === undefined || gone || !isActive(data)) {
      backoffs.delete(query);
      return false;
    }
    const previous = backoffs.get(query);
    if (!previous) {
      backoffs.set(query, { seenAt: dataUpdatedAt, data, interval: LIVE_MIN_MS });
      return LIVE_MIN_MS;
    }
    if (previous.seenAt === dataUpdatedAt) return previous.interval;
    // Structural sharing keeps the same reference when a refetch returned equal data.
    const interval =
      previous.data === data ? Math.min(previous.interval * 2, LIVE_MAX_MS) : LIVE_MIN_MS;
    backoffs.set(query, { seenAt: dataUpdatedAt, data, interval });
    return interval;
  };
}
