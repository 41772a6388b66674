import { formatAge } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useNow } from '@/lib/use-now';

/** "Updated 5 s ago · watching 3 in progress" and a manual refresh. */
export function LiveStatus({
  query,
  inProgress,
  stale = false,
}: {
  /** The query shown: when it was updated, whether it is fetching, and how to refetch it. */
  query: { dataUpdatedAt: number; isFetching: boolean; refetch: () => unknown };
  inProgress: number;
  /** Showing another object's data for now (a placeholder): not "updated" yet. */
  stale?: boolean;
}) {
  const t = useT();
  const now = useNow(1000);
  const { isFetching } = query;
  const updatedAt = stale ? 0 : query.dataUpdatedAt;
  return (
    <div className="live-status">
      {inProgress > 0 ? (
        <span className="live-status__live">
          <span className="live-dot" aria-hidden="true" />
          {t('Auto-refreshing: {count} in progress', { count: inProgress })}
        </span>
      ) : null}
      <span className="muted">
        {updatedAt > 0
          ? t('Updated {age} ago', { age: formatAge(now - updatedAt) })
          : isFetching
            ? t('Loading…') // the previous view's rows meanwhile, or nothing yet
            : t('Not loaded yet')}
      </span>
      <button
        type="button"
        className="btn btn--secondary btn--sm"
        onClick={() => void query.refetch()}
        aria-busy={isFetching || undefined}
      >
        <span aria-hidden="true" className={isFetching ? 'spin' : ''}>
          ↻
        </span>{' '}
        {t('Refresh')}
      </button>
    </div>
  );
}
