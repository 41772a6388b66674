import { useQuery } from '@tanstack/react-query';
import { currentUserQuery } from '@/lib/current-user';
import { uuidFromUrl } from '@/lib/uuid';
import { instanceQueries } from '../api/instances';
import { actionAvailability } from '../model/action-rules';
import type { Volume } from '../model/schemas';

/**
 * The actions of a full volume (not a sparse list row) for the signed-in user. Extend needs the
 * attached instance's state, so that is fetched when the volume is attached.
 */
export function useActionAvailability(volume: Volume | undefined) {
  const user = useQuery(currentUserQuery());
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
  });
}
