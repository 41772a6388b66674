import { formatAge } from '@/lib/format';
import { useNow } from '@/lib/use-now';

/** "Updated 5 s ago · watching 3 in progress" and a manual refresh. */
export function LiveStatus({
  updatedAt,
  inProgress,
  isFetching,
  onRefresh,
}: {
  updatedAt: number;
  inProgress: number;
  isFetching: boolean;
  onRefresh: () => void;
}) {
  const now = useNow(1000);
  return (
    <div className="live-status">
      {inProgress > 0 ? (
        <span className="live-status__live">
          <span className="live-dot" aria-hidden="true" />
          Auto-refreshing: {inProgress} in progress
        </span>
      ) : null}
      <span className="muted">
        {updatedAt > 0 ? `Updated ${formatAge(now - updatedAt)} ago` : 'Not loaded yet'}
      </span>
      <button
        type="button"
        className="btn btn--secondary btn--sm"
        onClick={onRefresh}
        aria-busy={isFetching || undefined}
      >
        <span aria-hidden="true" className={isFetching ? 'spin' : ''}>
          ↻
        </span>{' '}
        Refresh
      </button>
    </div>
  );
}
