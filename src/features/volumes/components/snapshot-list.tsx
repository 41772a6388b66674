import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LoadingBlock } from '@/components/spinner';
import { QueryErrorState } from '@/components/status';
import { snapshotQueries } from '../api/snapshots';
import { SnapshotTable } from './snapshot-table';

/** Snapshots of one volume (`/api/openstack-snapshots/?source_volume_uuid=…`), newest first. */
export function SnapshotList({ volumeUuid }: { volumeUuid: string }) {
  const { data, isPending, isError, error, refetch, isFetching } = useQuery(
    snapshotQueries.byVolume(volumeUuid),
  );
  if (isPending) {
    return <LoadingBlock label="Loading snapshots" quiet />;
  }
  if (isError) {
    return (
      <QueryErrorState title="Could not load snapshots" query={{ error, refetch, isFetching }} />
    );
  }
  if (data.items.length === 0) return <p className="muted">This volume has no snapshots.</p>;
  return (
    <SnapshotTable snapshots={data.items} caption="Snapshots of this volume" ofOneVolume>
      {data.total > data.items.length ? (
        <p className="muted table-note">
          Showing the newest {data.items.length} of {data.total} snapshots.{' '}
          <Link to={`/snapshots?volume=${volumeUuid}`}>All of them</Link>
        </p>
      ) : null}
    </SnapshotTable>
  );
}
