// The snapshots pages' reads (a page of the list, a snapshot's restorations) and what can be done
// to a snapshot (edit, delete, restore to a new volume). Each change updates the cache it
// touches; the callers own the UI.
import { keepPreviousData, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { isApiError } from '@/lib/api-error';
import type { Page } from '@/lib/http';
import { api } from '@/lib/session';
import { uuidFromUrl } from '@/lib/uuid';
import { settled, type Write } from '@/lib/writes';
import { newRestorationShown, snapshotShowsDeletion, snapshotShowsEdit } from '../model/accepted';
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

const snapshotPath = (snapshot: Snapshot, action?: string) =>
  `api/openstack-snapshots/${snapshot.uuid}${action ? `/${action}` : ''}`;

/** The snapshot as it is now; null when Waldur says it is gone. */
async function readSnapshot(snapshot: Snapshot): Promise<Snapshot | null> {
  try {
    return await api().get(snapshotPath(snapshot), snapshotSchema);
  } catch (error) {
    if (isApiError(error) && error.isNotFound) return null;
    throw error;
  }
}

/**
 * `PUT` with name, description and keep-until, as HomePort's edit dialog sends it. Waldur answers
 * 200 with the snapshot already UPDATE_SCHEDULED (contract-lifecycle §8).
 */
export function updateSnapshotWrite(
  queryClient: QueryClient,
  snapshot: Snapshot,
  body: { name: string; description: string; kept_until: string | null },
): Write<Snapshot> {
  return settled(
    {
      send: () => api().put(snapshotPath(snapshot), { body, schema: snapshotSchema }),
      check: async () => {
        const now = await readSnapshot(snapshot);
        return now && snapshotShowsEdit(now, body) ? now : null;
      },
    },
    (updated) => {
      queryClient.setQueryData(snapshotKeys.detail(snapshot.uuid), updated);
      invalidateSnapshot(queryClient, snapshot);
    },
  );
}

/** `DELETE`: 202, then DELETION_SCHEDULED → DELETING → gone. */
export function deleteSnapshotWrite(queryClient: QueryClient, snapshot: Snapshot): Write<true> {
  return settled<true>(
    {
      send: async () => {
        await api().delete(snapshotPath(snapshot));
        return true;
      },
      check: async () => (snapshotShowsDeletion(await readSnapshot(snapshot)) ? true : null),
    },
    () => invalidateSnapshot(queryClient, snapshot),
  );
}

/**
 * `restore/`: 201 with the new volume, CREATION_SCHEDULED (contract-lifecycle §4.1). The
 * restorations are read first, so that after a lost answer a check can find the new one.
 */
export function restoreSnapshotWrite(
  queryClient: QueryClient,
  snapshot: Snapshot,
  body: { name: string; description?: string },
): Write<Volume> {
  const readRestorations = () =>
    api().get(snapshotPath(snapshot, 'restorations'), z.array(restorationSchema));
  let before: Set<string> | undefined;
  return settled(
    {
      prepare: async () => {
        before = new Set((await readRestorations()).map((r) => uuidFromUrl(r.volume) ?? ''));
      },
      send: () => api().post(snapshotPath(snapshot, 'restore'), { body, schema: volumeSchema }),
      check: async () => {
        if (!before) return null;
        const restored = newRestorationShown(await readRestorations(), before, body.name);
        const uuid = uuidFromUrl(restored?.volume);
        return uuid ? api().get(`api/openstack-volumes/${uuid}`, volumeSchema) : null;
      },
    },
    (volume) => {
      queryClient.setQueryData(volumeKeys.detail(volume.uuid), volume);
      void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: volumeKeys.counts() });
      invalidateSnapshot(queryClient, snapshot);
    },
  );
}
