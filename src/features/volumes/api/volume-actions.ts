// The requests of every volume action, shaped as the OpenAPI schema wants them (sizes in MiB, related
// objects as URLs, trailing slashes), and what each changes in the cache afterwards. This layer owns
// invalidation; the callers own the UI (close the dialog, show a notice, record the operation).
//
// An answer that never arrives is not a failure (product.md, "honest about the network"): each
// action is a `Write` (src/lib/writes.ts) that says how to send it and how one read of the volume
// (or of its snapshots, or of its resource's orders) tells whether Waldur has it.
import type { QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '@/lib/api-error';
import { t } from '@/lib/i18n';
import { api } from '@/lib/session';
import { settled, type Write } from '@/lib/writes';
import { newOrderShown, volumeShowsRequest } from '../model/accepted';
import type { ActionId } from '../model/action-rules';
import { orderSchema } from '../model/lifecycle';
import {
  actionAcceptedSchema,
  type Snapshot,
  snapshotSchema,
  terminateSchema,
  type Volume,
  volumeSchema,
} from '../model/schemas';
import { directoryKeys, historyKeys, instanceKeys, snapshotKeys, volumeKeys } from './keys';

export type ActionRequest =
  | {
      action: 'edit';
      body: { name?: string; description?: string; bootable?: boolean };
      /**
       * A bootable change to send once this rename has settled (not sent now): Waldur's update
       * runs one branch, so a PATCH with both would save bootable without sending it (E2).
       */
      afterwards?: { bootable: boolean };
    }
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
  | { action: 'delete' }
  | { action: 'unlink' }
  | { action: 'set_ok' }
  | { action: 'set_erred'; body: { error_message: string; error_traceback?: string } };

export type ActionResult =
  | { kind: 'volume'; volume: Volume }
  | { kind: 'snapshot'; snapshot: Snapshot }
  | { kind: 'accepted'; message: string | null }
  | { kind: 'removed' }
  /** A marketplace order (delete terminates the volume's resource), followed by its state. */
  | { kind: 'order'; orderUuid: string };

const path = (uuid: string, action?: string) =>
  `api/openstack-volumes/${uuid}${action ? `/${action}` : ''}`;

export async function sendVolumeAction(
  volume: Pick<Volume, 'uuid' | 'marketplace_resource_uuid'>,
  request: ActionRequest,
): Promise<ActionResult> {
  const { uuid } = volume;
  switch (request.action) {
    case 'delete': {
      // Deleting is terminating the volume's marketplace resource (contract-lifecycle §3.2).
      const resource = volume.marketplace_resource_uuid;
      if (!resource) throw new Error(t('This volume has no marketplace resource to terminate.'));
      const answer = await api().post(`api/marketplace-resources/${resource}/terminate`, {
        // As the current HomePort sends it (the 2024 one sent no body).
        body: { attributes: { accepting_terms_of_service: true } },
        schema: terminateSchema,
      });
      return { kind: 'order', orderUuid: answer.order_uuid };
    }
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
    case 'pull':
    case 'set_ok': {
      const accepted = await api().post(path(uuid, request.action), {
        schema: actionAcceptedSchema,
      });
      return { kind: 'accepted', message: accepted?.status ?? accepted?.detail ?? null };
    }
    case 'set_erred': {
      const accepted = await api().post(path(uuid, 'set_erred'), {
        body: request.body,
        schema: actionAcceptedSchema,
      });
      return { kind: 'accepted', message: accepted?.detail ?? null };
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
  if (action === 'snapshot') void queryClient.invalidateQueries({ queryKey: snapshotKeys.all });
  if (action === 'delete') void queryClient.invalidateQueries({ queryKey: historyKeys.all });
  if (action === 'attach' || action === 'detach' || action === 'extend' || action === 'unlink') {
    // The instance's volume list changes; extending an attached volume also moves its instance.
    void queryClient.invalidateQueries({ queryKey: instanceKeys.all });
  }
  if (action === 'extend' || action === 'retype' || action === 'snapshot') {
    void queryClient.invalidateQueries({ queryKey: directoryKeys.tenantQuotas() });
  }
}

/** The newest Terminate order of a marketplace resource (one read; null when it has none). */
async function newestTerminateOrders(resourceUuid: string, pageSize: number) {
  const page = await api().list('api/marketplace-orders', orderSchema, {
    params: { resource_uuid: resourceUuid, type: 'Terminate', o: '-created', page_size: pageSize },
  });
  return page.items;
}

/** Whether Waldur shows `request` now: the result it stands for, or null. One read. */
async function checkAccepted(
  volume: Volume,
  request: ActionRequest,
  before: { snapshots?: Set<string>; terminateOrder?: string | null },
): Promise<ActionResult | null> {
  if (request.action === 'snapshot') {
    // One of that name that was not there before it was sent.
    const page = await api().list('api/openstack-snapshots', snapshotSchema, {
      params: { source_volume_uuid: volume.uuid, name_exact: request.body.name, page_size: 50 },
    });
    const created = page.items.find((s) => !before.snapshots?.has(s.uuid));
    return created ? { kind: 'snapshot', snapshot: created } : null;
  }
  if (request.action === 'delete') {
    const resource = volume.marketplace_resource_uuid;
    if (!resource || before.terminateOrder === undefined) return null;
    const order = newOrderShown(
      await newestTerminateOrders(resource, 5),
      before.terminateOrder,
      () => true,
    );
    return order ? { kind: 'order', orderUuid: order.uuid } : null;
  }
  let now: Volume | null;
  try {
    now = await api().get(path(volume.uuid), volumeSchema);
  } catch (error) {
    if (!(isApiError(error) && error.isNotFound)) throw error;
    now = null;
  }
  if (!volumeShowsRequest(now, request)) return null;
  if (request.action === 'unlink') return { kind: 'removed' };
  return now && request.action === 'edit'
    ? { kind: 'volume', volume: now }
    : { kind: 'accepted', message: null };
}

/**
 * One action on one volume, as a write: the request, how one read tells whether Waldur has it, and
 * the cache updates either way. What was there before is read first where the request makes
 * something new (a snapshot, a Terminate order), so that a check can tell the new one apart.
 */
export function volumeActionWrite(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
): Write<ActionResult> {
  const before: { snapshots?: Set<string>; terminateOrder?: string | null } = {};
  const write = settled<ActionResult>(
    {
      prepare: async () => {
        if (request.action === 'snapshot') {
          const page = await api().list('api/openstack-snapshots', snapshotSchema, {
            params: {
              source_volume_uuid: volume.uuid,
              name_exact: request.body.name,
              page_size: 50,
              field: ['uuid'],
            },
          });
          before.snapshots = new Set(page.items.map((s) => s.uuid));
        }
        if (request.action === 'delete' && volume.marketplace_resource_uuid) {
          const orders = await newestTerminateOrders(volume.marketplace_resource_uuid, 1);
          before.terminateOrder = orders[0]?.uuid ?? null;
        }
      },
      send: () => sendVolumeAction(volume, request),
      check: () => checkAccepted(volume, request, before),
    },
    (result) => invalidateAfter(queryClient, volume, request.action, result),
  );
  return {
    ...write,
    send: async () => {
      try {
        return await write.send();
      } catch (error) {
        if (error instanceof ApiError && (error.status === 409 || error.isNotFound)) {
          // The volume is not what this page thought: show its real state.
          void queryClient.invalidateQueries({ queryKey: volumeKeys.detail(volume.uuid) });
          void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
        }
        throw error;
      }
    },
  };
}
