// Reading snapshots: one, and a volume's (the volume page, delete's check, unlink's list). The
// snapshots pages' reads and a snapshot's changes are in ./snapshot-pages, loaded with them.
import type { Page } from '@/lib/http';
import { liveInterval } from '../model/live';
import { type Snapshot, snapshotSchema } from '../model/schemas';
import { isSettledState } from '../model/states';
import { snapshotKeys } from './keys';
import { getQuery, listQuery } from './read';

export const inTransition = (page: Page<Snapshot>) =>
  page.items.some((s) => Boolean(s.state) && !isSettledState(s.state));

export const snapshotQueries = {
  detail: (uuid: string) =>
    getQuery(
      snapshotKeys.detail(uuid),
      `api/openstack-snapshots/${uuid}`,
      snapshotSchema,
      {},
      {
        refetchInterval: liveInterval<Snapshot>(
          (s) => Boolean(s.state) && !isSettledState(s.state),
        ),
      },
    ),
  byVolume: (volumeUuid: string) =>
    listQuery(
      snapshotKeys.byVolume(volumeUuid),
      'api/openstack-snapshots',
      snapshotSchema,
      { source_volume_uuid: volumeUuid, o: '-created', page_size: 100 },
      { refetchInterval: liveInterval<Page<Snapshot>>(inTransition) },
    ),
};
