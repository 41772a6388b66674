// What the tray shows for each kind of accepted request: a volume action (and its follow-up
// step), a Create order, a restore, a snapshot's edit or delete. Apart from the store
// (./operations), so that the list's first download carries only what shows the tray. Notes are
// kept as data (kind, names, numbers): the tray puts them into words in the reader's language when
// it shows them, which may be after a reload and a switch of language.
import { msg } from '@/lib/i18n';
import { uuidFromUrl } from '@/lib/uuid';
import type { Accepted } from '@/lib/writes';
import type { ActionRequest, ActionResult } from '../api/volume-actions';
import type { Order } from '../model/lifecycle';
import type { Snapshot, Volume } from '../model/schemas';
import { addOperation, type Operation, type OperationNote } from './operations';

/**
 * Said of an operation whose answer was lost, once re-reading showed Waldur has it (the English
 * message; the tray shows `t(LOST_NOTE)`).
 */
export const LOST_NOTE = msg('Waldur’s answer was lost; re-reading showed it accepted');

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
  const note = (...notes: OperationNote[]) => withLostNote(notes, answerLost);
  if (result.kind === 'removed') {
    return addOperation({
      ...base,
      target: { kind: 'volume', uuid: volume.uuid, name },
      status: 'ok',
      finishedAt: Date.now(),
      notes: note({ kind: 'removed' }),
    });
  }
  if (result.kind === 'order') {
    // Delete: follow the Terminate order.
    return addOperation({
      ...base,
      target: { kind: 'order', uuid: result.orderUuid, name },
      status: 'scheduled',
      notes: note(),
    });
  }
  if (result.kind === 'snapshot') {
    return addOperation({
      ...base,
      target: {
        kind: 'snapshot',
        uuid: result.snapshot.uuid,
        name: result.snapshot.name ?? result.snapshot.uuid,
      },
      status: 'scheduled',
      notes: note({ kind: 'snapshot', name: result.snapshot.name ?? '' }),
    });
  }
  const then = request.action === 'edit' ? request.afterwards : undefined;
  const described = describeRequest(request);
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
    notes: described ? note(described) : note(),
  });
}

function describeRequest(request: ActionRequest): OperationNote | undefined {
  if (request.action === 'attach')
    return { kind: 'attach', instance: uuidFromUrl(request.body.instance) ?? null };
  if (request.action === 'extend') return { kind: 'extend', size: request.body.disk_size };
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
    notes: withLostNote(
      order.offering_name
        ? [{ kind: 'offering', name: order.offering_name.replace(/^Volume in /, '') }]
        : [],
      answerLost,
    ),
  });
}

/** The notes, and the lost answer's after them; none at all is left out. */
const withLostNote = (notes: OperationNote[], answerLost: boolean) => {
  const all: OperationNote[] = answerLost ? [...notes, { kind: 'lost' }] : notes;
  return all.length > 0 ? all : undefined;
};

/** A restore: the new volume, followed from CREATION_SCHEDULED to OK. */
export function recordRestore(snapshot: Snapshot, volume: Volume, answerLost = false) {
  const name = volume.name ?? volume.uuid;
  return addOperation({
    action: 'restore',
    volumeUuid: volume.uuid,
    volumeName: name,
    target: { kind: 'volume', uuid: volume.uuid, name },
    status: 'scheduled',
    notes: withLostNote(
      [{ kind: 'restore', snapshot: snapshot.name ?? snapshot.uuid }],
      answerLost,
    ),
  });
}

/**
 * An edit or delete of a snapshot, followed on the snapshot. Its title says "snapshot" itself
 * ("Edit of snapshot nightly"): the name is the snapshot's (`target.name`).
 */
export function recordSnapshotOperation(
  snapshot: Snapshot,
  action: 'snapshot_edit' | 'snapshot_delete',
  answerLost = false,
  name = snapshot.name ?? snapshot.uuid,
) {
  return addOperation({
    action,
    volumeUuid: '',
    volumeName: name,
    link: `/snapshots/${snapshot.uuid}`,
    target: { kind: 'snapshot', uuid: snapshot.uuid, name },
    status: 'scheduled',
    notes: withLostNote([], answerLost),
  });
}
