// What the tray shows for each kind of accepted request: a volume action (and its follow-up
// step), a Create order, a restore, a snapshot's edit or delete. Apart from the store
// (./operations), so that the list's first download carries only what shows the tray.
import { uuidFromUrl } from '@/lib/uuid';
import type { Accepted } from '@/lib/writes';
import type { ActionRequest, ActionResult } from '../api/volume-actions';
import type { Order } from '../model/lifecycle';
import type { Snapshot, Volume } from '../model/schemas';
import { addOperation, type Operation } from './operations';

/** Said of an operation whose answer was lost, once re-reading showed Waldur has it. */
export const LOST_NOTE = 'Waldur’s answer was lost; re-reading showed it accepted';

/** What the tray shows for an action Waldur accepted: the volume (or new snapshot) to watch. */
export function recordOperation(
  volume: Volume,
  request: ActionRequest,
  { value: result, answerLost }: Accepted<ActionResult>,
  extra: Pick<Operation, 'step'> = {},
) {
  const action = request.action;
  const name =
    request.action === 'edit' && request.body.name
      ? request.body.name
      : (volume.name ?? volume.uuid);
  const base = { action, volumeUuid: volume.uuid, volumeName: name };
  const note = (text: string | undefined) => withLostNote(text, answerLost);
  if (result.kind === 'removed') {
    return addOperation({
      ...base,
      target: { kind: 'volume', uuid: volume.uuid, name },
      status: 'ok',
      finishedAt: Date.now(),
      message: note('Removed from Waldur (nothing changed in OpenStack)'),
    });
  }
  if (result.kind === 'order') {
    // Delete: follow the Terminate order.
    return addOperation({
      ...base,
      target: { kind: 'order', uuid: result.orderUuid, name },
      status: 'scheduled',
      message: note(undefined),
    });
  }
  if (result.kind === 'snapshot') {
    return addOperation({
      ...base,
      target: {
        kind: 'snapshot',
        uuid: result.snapshot.uuid,
        name: result.snapshot.name ?? 'snapshot',
      },
      status: 'scheduled',
      message: note(`Snapshot ${result.snapshot.name ?? ''}`.trim()),
    });
  }
  const then = request.action === 'edit' ? request.afterwards : undefined;
  return addOperation({
    ...base,
    ...extra,
    ...(then
      ? {
          step: { index: 1, of: 2 },
          followUp: { body: then, what: `bootable: ${then.bootable ? 'yes' : 'no'}` },
        }
      : {}),
    target: { kind: 'volume', uuid: volume.uuid, name },
    status: 'scheduled',
    message: note(describeRequest(request)),
  });
}

function describeRequest(request: ActionRequest): string | undefined {
  if (request.action === 'attach') return `To ${uuidFromUrl(request.body.instance) ?? 'instance'}`;
  if (request.action === 'extend') return `To ${request.body.disk_size} MiB`;
  return undefined;
}

/** A Create order Waldur accepted: followed until it is done and its volume OK. */
export function recordOrder(order: Order, name: string, answerLost = false) {
  return addOperation({
    action: 'create',
    volumeUuid: '',
    volumeName: name,
    target: { kind: 'order', uuid: order.uuid, name },
    customerUuid: order.customer_uuid ?? undefined,
    placedBy: uuidFromUrl(order.created_by) ?? undefined,
    status: order.state?.startsWith('pending-') ? 'waiting' : 'scheduled',
    message: withLostNote(
      order.offering_name ? `In ${order.offering_name.replace(/^Volume in /, '')}` : undefined,
      answerLost,
    ),
  });
}

const withLostNote = (message: string | undefined, answerLost: boolean) =>
  [message, answerLost ? LOST_NOTE : ''].filter(Boolean).join(' · ') || undefined;

/** A restore: the new volume, followed from CREATION_SCHEDULED to OK. */
export function recordRestore(snapshot: Snapshot, volume: Volume, answerLost = false) {
  const name = volume.name ?? volume.uuid;
  return addOperation({
    action: 'restore',
    volumeUuid: volume.uuid,
    volumeName: name,
    target: { kind: 'volume', uuid: volume.uuid, name },
    status: 'scheduled',
    message: withLostNote(`From snapshot ${snapshot.name ?? snapshot.uuid}`, answerLost),
  });
}

/** An edit or delete of a snapshot, followed on the snapshot. */
export function recordSnapshotOperation(
  snapshot: Snapshot,
  action: 'snapshot_edit' | 'snapshot_delete',
  answerLost = false,
  name = snapshot.name ?? snapshot.uuid,
) {
  return addOperation({
    action,
    volumeUuid: '',
    volumeName: `snapshot ${name}`,
    link: `/snapshots/${snapshot.uuid}`,
    target: { kind: 'snapshot', uuid: snapshot.uuid, name },
    status: 'scheduled',
    message: withLostNote(undefined, answerLost),
  });
}
