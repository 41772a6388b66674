// Reading snapshots: one, and a volume's (the volume page, delete's check, unlink's list). The
// snapshots pages' reads and a snapshot's changes are in ./snapshot-pages, loaded with them.
import { queryOptions } from '@tanstack/react-query';
import type { Page } from '@/lib/http';
import { api } from '@/lib/session';
import { liveInterval } from '../model/live';
import { type Snapshot, snapshotSchema } from '../model/schemas';
import { isSettledState } from '../model/states';
import { snapshotKeys } from './keys';

export const inTransition = (page: Page<Snapshot>) =>
  page.items.some((s) => Boolean(s.state) && !isSettledState(s.state));

export const snapshotQueries = {
  detail: (uuid: string) =>
    queryOptions({
      queryKey: snapshotKeys.detail(uuid),
      queryFn: ({ signal }) =>
        api().get(`api/openstack-snapshots/${uuid}`, snapshotSchema, { signal }),
      refetchInterval: liveInterval<Snapshot>((s) => Boolean(s.state) && !isSettledState(s.state)),
    }),
  byVolume: (volumeUuid: string) =>
    queryOptions({
      queryKey: snapshotKeys.byVolume(volumeUuid),
      queryFn: ({ signal }) =>
        api().list('api/openstack-snapshots', snapshotSchema, {
          params: { source_volume_uuid: volumeUuid, o: '-created', page_size: 100 },
          signal,
        }),
      refetchInterval: liveInterval<Page<Snapshot>>(inTransition),
    }),
};
