import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';

/**
 * One policy for every query: retry only what retrying can fix (network faults, 5xx), never a 4xx;
 * consider data fresh for 30 s so that going back to a page does not refetch it.
 */
export function createQueryClient(options: { retryDelay?: number } = {}) {
  return new QueryClient({
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
}
