// The snapshots pages' reads (a page of the list, a snapshot's restorations) and what can be done
// to a snapshot (edit, delete, restore to a new volume). Each change updates the cache it
// touches; the callers own the UI.
import { keepPreviousData, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { Page } from '@/lib/http';
import { api } from '@/lib/session';
import { restorationSchema } from '../model/lifecycle';
import { liveInterval } from '../model/live';
import { type Snapshot, snapshotSchema, type Volume, volumeSchema } from '../model/schemas';
import { type SnapshotView, snapshotViewToQuery } from '../model/snapshot-view';
import { directoryKeys, historyKeys, snapshotKeys, volumeKeys } from './keys';
import { collection } from './read';
import { inTransition, snapshots } from './snapshots';

/** `<snapshot>/restorations/`: a bare array of every volume restored from it, unpaginated. */
const restorations = collection('api/openstack-snapshots', z.array(restorationSchema));

export const snapshotPageQueries = {
  /** One page of the snapshots list; live while a snapshot on it is in transition. */
  list: (view: SnapshotView) =>
    snapshots.list(snapshotKeys.list(view), snapshotViewToQuery(view), {
      placeholderData: keepPreviousData,
      refetchInterval: liveInterval<Page<Snapshot>>(inTransition),
    }),
  restorations: (uuid: string) =>
    restorations.get(snapshotKeys.restorations(uuid), `${uuid}/restorations`),
};

function invalidateSnapshot(queryClient: QueryClient, snapshot: Snapshot) {
  void queryClient.invalidateQueries({ queryKey: snapshotKeys.all });
  void queryClient.invalidateQueries({ queryKey: directoryKeys.tenantQuotas() });
  void queryClient.invalidateQueries({ queryKey: historyKeys.all });
  if (snapshot.source_volume)
    void queryClient.invalidateQueries({ queryKey: volumeKeys.details() });
}

/** `PUT` with name, description and keep-until, as HomePort's edit dialog sends it. */
export async function updateSnapshot(
  queryClient: QueryClient,
  snapshot: Snapshot,
  body: { name: string; description: string; kept_until: string | null },
): Promise<Snapshot> {
  const updated = await api().put(`api/openstack-snapshots/${snapshot.uuid}`, {
    body,
    schema: snapshotSchema,
  });
  queryClient.setQueryData(snapshotKeys.detail(snapshot.uuid), updated);
  invalidateSnapshot(queryClient, snapshot);
  return updated;
}

/** `DELETE`: 202, then DELETION_SCHEDULED → DELETING → gone. */
export async function deleteSnapshot(queryClient: QueryClient, snapshot: Snapshot) {
  await api().delete(`api/openstack-snapshots/${snapshot.uuid}`);
  invalidateSnapshot(queryClient, snapshot);
}

/** `restore/`: 201 with the new volume, CREATION_SCHEDULED (contract-lifecycle §4.1). */
export async function restoreSnapshot(
  queryClient: QueryClient,
  snapshot: Snapshot,
  body: { name: string; description?: string },
): Promise<Volume> {
  const volume = await api().post(`api/openstack-snapshots/${snapshot.uuid}/restore`, {
    body,
    schema: volumeSchema,
  });
  queryClient.setQueryData(volumeKeys.detail(volume.uuid), volume);
  void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: volumeKeys.counts() });
  invalidateSnapshot(queryClient, snapshot);
  return volume;
}
