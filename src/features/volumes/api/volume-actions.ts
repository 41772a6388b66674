// The requests of every volume action, shaped as the OpenAPI schema wants them (sizes in MiB, related
// objects as URLs, trailing slashes), and what each changes in the cache afterwards. This layer owns
// invalidation; the callers own the UI (close the dialog, show a notice, record the operation).
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { api } from '@/lib/session';
import type { ActionId } from '../model/action-rules';
import {
  actionAcceptedSchema,
  type Snapshot,
  snapshotSchema,
  type Volume,
  volumeSchema,
} from '../model/schemas';
import { directoryKeys, instanceKeys, snapshotKeys, volumeKeys } from './keys';

export type ActionRequest =
  | { action: 'edit'; body: { name?: string; description?: string; bootable?: boolean } }
  | { action: 'attach'; body: { instance: string } }
  | { action: 'detach' }
  | { action: 'extend'; body: { disk_size: number } }
  | { action: 'retype'; body: { type: string } }
  | {
      action: 'snapshot';
      body: {
        name: string;
        description?: string;
        metadata?: Record<string, string>;
        kept_until?: string | null;
      };
    }
  | { action: 'pull' }
  | { action: 'unlink' };

export type ActionResult =
  | { kind: 'volume'; volume: Volume }
  | { kind: 'snapshot'; snapshot: Snapshot }
  | { kind: 'accepted'; message: string | null }
  | { kind: 'removed' };

const path = (uuid: string, action?: string) =>
  `api/openstack-volumes/${uuid}${action ? `/${action}` : ''}`;

export async function sendVolumeAction(
  uuid: string,
  request: ActionRequest,
): Promise<ActionResult> {
  switch (request.action) {
    case 'edit':
      return {
        kind: 'volume',
        volume: await api().patch(path(uuid), { body: request.body, schema: volumeSchema }),
      };
    case 'snapshot':
      return {
        kind: 'snapshot',
        snapshot: await api().post(path(uuid, 'snapshot'), {
          body: request.body,
          schema: snapshotSchema,
        }),
      };
    case 'unlink':
      await api().post(path(uuid, 'unlink'));
      return { kind: 'removed' };
    case 'attach':
    case 'extend':
    case 'retype': {
      const accepted = await api().post(path(uuid, request.action), {
        body: request.body,
        schema: actionAcceptedSchema,
      });
      return { kind: 'accepted', message: accepted?.status ?? accepted?.detail ?? null };
    }
    case 'detach':
    case 'pull': {
      const accepted = await api().post(path(uuid, request.action), {
        schema: actionAcceptedSchema,
      });
      return { kind: 'accepted', message: accepted?.status ?? accepted?.detail ?? null };
    }
  }
}

function invalidateAfter(
  queryClient: QueryClient,
  volume: Volume,
  action: ActionId,
  result: ActionResult,
) {
  const uuid = volume.uuid;
  void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: volumeKeys.counts() });
  if (result.kind === 'removed') {
    queryClient.removeQueries({ queryKey: volumeKeys.detail(uuid) });
  } else {
    if (result.kind === 'volume') queryClient.setQueryData(volumeKeys.detail(uuid), result.volume);
    void queryClient.invalidateQueries({ queryKey: volumeKeys.detail(uuid) });
  }
  if (action === 'snapshot')
    void queryClient.invalidateQueries({ queryKey: snapshotKeys.byVolume(uuid) });
  if (action === 'attach' || action === 'detach' || action === 'extend' || action === 'unlink') {
    // The instance's volume list changes; extending an attached volume also moves its instance.
    void queryClient.invalidateQueries({ queryKey: instanceKeys.all });
  }
  if (action === 'extend' || action === 'retype' || action === 'snapshot') {
    void queryClient.invalidateQueries({ queryKey: directoryKeys.tenantQuotas() });
  }
}

/** Runs one action on one volume: the request, then the cache updates it calls for. */
export async function performVolumeAction(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
) {
  try {
    const result = await sendVolumeAction(volume.uuid, request);
    invalidateAfter(queryClient, volume, request.action, result);
    return result;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
      // The volume is not what this page thought: show its real state.
      void queryClient.invalidateQueries({ queryKey: volumeKeys.detail(volume.uuid) });
      void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
    }
    throw error;
  }
}
