import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { Spinner } from './spinner';
import { QueryErrorState } from './status';

interface GatedQuery<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * A part of a form or page that needs a query's data: while it loads, `loading…` with a spinner;
 * when it failed, the failure with "Try again"; then `children` with the data. `loading` and
 * `failure` are translated by the caller.
 */
export function QueryGate<T>({
  query,
  loading,
  failure,
  children,
}: {
  query: GatedQuery<T>;
  loading: string;
  failure: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) {
    return (
      <p className="muted">
        <Spinner label={loading} /> {t('{label}…', { label: loading })}
      </p>
    );
  }
  if (query.isError || query.data === undefined) {
    return <QueryErrorState title={failure} query={query} />;
  }
  return children(query.data);
}
