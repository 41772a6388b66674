import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Spinner } from '@/components/spinner';
import { ErrorState } from '@/components/status';
import { RelativeTime } from '@/components/time';
import { formatSize } from '@/lib/units';
import { snapshotQueries } from '../api/snapshots';
import { Retention } from './snapshot-table';
import { StateBadge } from './state-badge';

/** Snapshots of one volume (`/api/openstack-snapshots/?source_volume_uuid=…`), newest first. */
export function SnapshotList({ volumeUuid }: { volumeUuid: string }) {
  const { data, isPending, isError, error, refetch, isFetching } = useQuery(
    snapshotQueries.byVolume(volumeUuid),
  );
  if (isPending) {
    return (
      <div className="loading-block">
        <Spinner label="Loading snapshots" />
      </div>
    );
  }
  if (isError) {
    return (
      <ErrorState
        title="Could not load snapshots"
        error={error}
        onRetry={() => void refetch()}
        isRetrying={isFetching}
      />
    );
  }
  if (data.items.length === 0) return <p className="muted">This volume has no snapshots.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Snapshots of this volume</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">State</th>
            <th scope="col">Size</th>
            <th scope="col">Retention</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((snapshot) => (
            <tr key={snapshot.uuid}>
              <th scope="row">
                <Link to={`/snapshots/${snapshot.uuid}`}>{snapshot.name || snapshot.uuid}</Link>
                {snapshot.error_message ? (
                  <p className="field__error">{snapshot.error_message}</p>
                ) : null}
              </th>
              <td>
                <StateBadge volume={{ state: snapshot.state, action: snapshot.action }} />
              </td>
              <td className="num">{formatSize(snapshot.size)}</td>
              <td>
                <Retention keptUntil={snapshot.kept_until} />
              </td>
              <td>
                <RelativeTime value={snapshot.created} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.total > data.items.length ? (
        <p className="muted table-note">
          Showing the newest {data.items.length} of {data.total} snapshots.{' '}
          <Link to={`/snapshots?volume=${volumeUuid}`}>All of them</Link>
        </p>
      ) : null}
    </div>
  );
}
