// Reading snapshots: one, and a volume's (the volume page, delete's check, unlink's list). The
// snapshots pages' reads and a snapshot's changes are in ./snapshot-pages, loaded with them.
import type { Page } from '@/lib/http';
import { liveInterval } from '../model/live';
import { type Snapshot, snapshotSchema } from '../model/schemas';
import { isSettledState } from '../model/states';
import { snapshotKeys } from './keys';
import { collection } from './read';

export const inTransition = (page: Page<Snapshot>) =>
  page.items.some((s) => Boolean(s.state) && !isSettledState(s.state));

export const snapshots = collection('api/openstack-snapshots', snapshotSchema);
const snapshotIsLive = liveInterval<Snapshot>((s) => Boolean(s.state) && !isSettledState(s.state));

export const snapshotQueries = {
  detail: (uuid: string) =>
    snapshots.get(snapshotKeys.detail(uuid), uuid, {}, { refetchInterval: snapshotIsLive }),
  byVolume: (volumeUuid: string) =>
    snapshots.list(
      snapshotKeys.byVolume(volumeUuid),
      { source_volume_uuid: volumeUuid, o: '-created', page_size: 100 },
      { refetchInterval: liveInterval<Page<Snapshot>>(inTransition) },
    ),
};
