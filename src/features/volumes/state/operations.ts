// Every operation the user submitted in this browser tab, from "scheduled" to OK or ERRED, for the
// operations tray. Kept in sessionStorage so that a reload does not lose track. Callers record an
// operation once Waldur has accepted it (`recordOperation`); the tray watches the pending ones.
import { createStore, useStore } from '@/lib/store';
import { uuidFromUrl } from '@/lib/uuid';
import type { ActionRequest, ActionResult } from '../api/volume-actions';
import { ACTION_NOUNS, type ActionId } from '../model/action-rules';
import type { Order } from '../model/lifecycle';
import type { Snapshot, Volume } from '../model/schemas';

/** `waiting`: an order waiting for someone's approval. */
export type OperationStatus = 'waiting' | 'scheduled' | 'running' | 'ok' | 'erred' | 'gone';

/** A volume action, or one of the lifecycle's: create, restore, a snapshot's edit or delete. */
export type OperationKind = ActionId | 'create' | 'restore' | 'snapshot_edit' | 'snapshot_delete';

export const OPERATION_NOUNS: Record<OperationKind, string> = {
  ...ACTION_NOUNS,
  create: 'Creation',
  restore: 'Restore',
  snapshot_edit: 'Edit',
  snapshot_delete: 'Delete',
};

export interface Operation {
  id: string;
  action: OperationKind;
  /** The volume it is about ('' for a volume not created yet). */
  volumeUuid: string;
  volumeName: string;
  /** Where its title links (the volume's page unless said otherwise). */
  link?: string;
  /**
   * What to watch: the volume, the snapshot a snapshot action created (or that is edited or
   * deleted), or a marketplace order (create, delete).
   */
  target: { kind: 'volume' | 'snapshot' | 'order'; uuid: string; name: string };
  /** An order waiting for approval: whose. */
  awaiting?: string;
  /** The order's customer, to tell whether this user may approve it. */
  customerUuid?: string;
  submittedAt: number;
  status: OperationStatus;
  finishedAt?: number;
  message?: string;
  errorMessage?: string;
  /** One step of several (an edit whose bootable change follows its rename). */
  step?: { index: number; of: number };
  /** What to send once this step has settled to OK; cleared when sent. */
  followUp?: { body: { bootable: boolean }; what: string };
}

const KEY = 'volume-console:operations';
const MAX = 50;

function load(): Operation[] {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Operation[]) : [];
  } catch {
    return [];
  }
}

const operations = createStore<Operation[]>(load());

function commit(update: (current: Operation[]) => Operation[]) {
  operations.set((current) => update(current).slice(0, MAX));
  try {
    sessionStorage.setItem(KEY, JSON.stringify(operations.get()));
  } catch {
    // storage unavailable: the tray still works for this page's lifetime
  }
}

export function isPending(operation: Operation) {
  return (
    operation.status === 'waiting' ||
    operation.status === 'scheduled' ||
    operation.status === 'running'
  );
}

/** Where an operation's title links. */
export function operationLink(operation: Operation) {
  return operation.link ?? (operation.volumeUuid ? `/volumes/${operation.volumeUuid}` : undefined);
}

export function addOperation(
  operation: Omit<Operation, 'id' | 'submittedAt'> & { submittedAt?: number },
) {
  const entry: Operation = {
    ...operation,
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    submittedAt: operation.submittedAt ?? Date.now(),
  };
  commit((current) => [entry, ...current]);
  return entry;
}

export function updateOperation(id: string, patch: Partial<Operation>) {
  commit((current) => current.map((op) => (op.id === id ? { ...op, ...patch } : op)));
}

export function clearFinishedOperations() {
  commit((current) => current.filter(isPending));
}

/** Tests start from an empty tray. */
export function resetOperations() {
  commit(() => []);
}

export function useOperations(): Operation[] {
  return useStore(operations);
}

/** What the tray shows for an action Waldur accepted: the volume (or new snapshot) to watch. */
export function recordOperation(
  volume: Volume,
  request: ActionRequest,
  result: ActionResult,
  extra: Pick<Operation, 'step'> = {},
) {
  const action = request.action;
  const name =
    request.action === 'edit' && request.body.name
      ? request.body.name
      : (volume.name ?? volume.uuid);
  const base = { action, volumeUuid: volume.uuid, volumeName: name };
  const lost = result.answerLost ? 'Waldur’s answer was lost; re-reading showed it accepted' : '';
  const note = (text: string | undefined) => [text, lost].filter(Boolean).join(' · ') || undefined;
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
    // Delete: follow the Terminate order; without its UUID (a lost answer), the volume itself.
    return addOperation({
      ...base,
      target: result.orderUuid
        ? { kind: 'order', uuid: result.orderUuid, name }
        : { kind: 'volume', uuid: volume.uuid, name },
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
export function recordOrder(order: Order, name: string) {
  return addOperation({
    action: 'create',
    volumeUuid: '',
    volumeName: name,
    target: { kind: 'order', uuid: order.uuid, name },
    customerUuid: order.customer_uuid ?? undefined,
    status: order.state?.startsWith('pending-') ? 'waiting' : 'scheduled',
    message: order.offering_name
      ? `In ${order.offering_name.replace(/^Volume in /, '')}`
      : undefined,
  });
}

/** A restore: the new volume, followed from CREATION_SCHEDULED to OK. */
export function recordRestore(snapshot: Snapshot, volume: Volume) {
  const name = volume.name ?? volume.uuid;
  return addOperation({
    action: 'restore',
    volumeUuid: volume.uuid,
    volumeName: name,
    target: { kind: 'volume', uuid: volume.uuid, name },
    status: 'scheduled',
    message: `From snapshot ${snapshot.name ?? snapshot.uuid}`,
  });
}

/** An edit or delete of a snapshot, followed on the snapshot. */
export function recordSnapshotOperation(
  snapshot: Snapshot,
  action: 'snapshot_edit' | 'snapshot_delete',
  name = snapshot.name ?? snapshot.uuid,
) {
  return addOperation({
    action,
    volumeUuid: '',
    volumeName: `snapshot ${name}`,
    link: `/snapshots/${snapshot.uuid}`,
    target: { kind: 'snapshot', uuid: snapshot.uuid, name },
    status: 'scheduled',
  });
}
