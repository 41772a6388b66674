import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LoadingBlock } from '@/components/spinner';
import { QueryErrorState } from '@/components/status';
import { formatInteger } from '@/lib/format';
import { T, useT } from '@/lib/i18n';
import { snapshotQueries } from '../api/snapshots';
import { SnapshotTable } from './snapshot-table';

/** Snapshots of one volume (`/api/openstack-snapshots/?source_volume_uuid=…`), newest first. */
export function SnapshotList({ volumeUuid }: { volumeUuid: string }) {
  const t = useT();
  const { data, isPending, isError, error, refetch, isFetching } = useQuery(
    snapshotQueries.byVolume(volumeUuid),
  );
  if (isPending) {
    return <LoadingBlock label={t('Loading snapshots')} quiet />;
  }
  if (isError) {
    return (
      <QueryErrorState
        title={t('Could not load snapshots')}
        query={{ error, refetch, isFetching }}
      />
    );
  }
  if (data.items.length === 0) return <p className="muted">{t('This volume has no snapshots.')}</p>;
  return (
    <SnapshotTable snapshots={data.items} caption={t('Snapshots of this volume')} ofOneVolume>
      {data.total > data.items.length ? (
        <p className="muted table-note">
          <T
            m="Showing the newest {shown} of {count, plural, one {# snapshot} other {# snapshots}}. <link>All of them</link>"
            v={{ shown: formatInteger(data.items.length), count: data.total }}
            tags={{ link: (c) => <Link to={`/snapshots?volume=${volumeUuid}`}>{c}</Link> }}
          />
        </p>
      ) : null}
    </SnapshotTable>
  );
}
