import { useQuery } from '@tanstack/react-query';
import { currentUserQuery } from '@/lib/current-user';
import { uuidFromUrl } from '@/lib/uuid';
import { instanceQueries } from '../api/instances';
import { snapshotQueries } from '../api/snapshots';
import { actionAvailability } from '../model/action-rules';
import type { Volume } from '../model/schemas';

/**
 * The actions of a full volume (not a sparse list row) for the signed-in user. Extend needs the
 * attached instance's state, so that is fetched when the volume is attached. With `snapshots`
 * (the detail page, which lists them anyway), delete knows whether snapshots stand in its way;
 * elsewhere its dialog checks.
 */
export function useActionAvailability(
  volume: Volume | undefined,
  options: { snapshots?: boolean } = {},
) {
  const user = useQuery(currentUserQuery());
  const snapshots = useQuery({
    ...snapshotQueries.byVolume(volume?.uuid ?? ''),
    enabled: Boolean(options.snapshots && volume?.uuid),
  });
  const instanceUuid = uuidFromUrl(volume?.instance);
  const instance = useQuery({
    ...instanceQueries.detail(instanceUuid ?? ''),
    enabled: Boolean(instanceUuid),
  });
  if (!volume) return [];
  return actionAvailability(volume, {
    user: user.data,
    instance: instanceUuid ? (instance.data ?? null) : null,
    instanceLoading: Boolean(instanceUuid) && instance.isPending && !instance.isError,
    snapshotCount: snapshots.data?.total,
  });
}
