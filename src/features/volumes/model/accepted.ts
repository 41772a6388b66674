// When a request that changes something gets no readable answer (a lost connection, or a proxy
// that strips the CORS headers from Waldur's 202s and errors: contract-lifecycle E1, §8), it may or
// may not have reached Waldur. Waldur saves what an accepted request changes while answering it, so
// re-reading tells (src/lib/writes.ts): these rules say whether what was re-read shows the request.
import { uuidFromUrl } from '@/lib/uuid';
import type { Order, Restoration } from './lifecycle';
import type { Snapshot, Volume } from './schemas';
import { isInProgress } from './states';

/** What was asked of the volume, as far as the answer can be checked. */
export type CheckableRequest =
  | { action: 'edit'; body: { name?: string; description?: string; bootable?: boolean } }
  | { action: 'attach'; body: { instance: string } }
  | { action: 'detach' }
  | { action: 'extend'; body: { disk_size: number } }
  | { action: 'retype'; body: { type: string } }
  | { action: 'pull' }
  | { action: 'unlink' }
  | { action: 'set_ok' }
  | { action: 'set_erred'; body: { error_message: string } }
  | { action: 'snapshot' }
  | { action: 'delete' };

/** Waldur's `action` values as it sets them (data compared with the volume's, not words). */
const ACTION_NAMES: Record<string, string> = {
  detach: 'Detach',
  pull: 'Pull',
};

/**
 * Whether `now` (the volume re-read after the lost answer; null when it is gone) shows `request`.
 * A snapshot is checked by looking for the snapshot instead (see api/volume-actions).
 */
export function volumeShowsRequest(now: Volume | null, request: CheckableRequest): boolean {
  if (request.action === 'unlink') return now === null;
  if (!now) return false;
  switch (request.action) {
    case 'edit':
      // The PATCH sends only changed fields, so equal values mean Waldur saved them.
      return Object.entries(request.body).every(
        ([field, value]) => (now as Record<string, unknown>)[field] === value,
      );
    case 'attach':
      // The serializer saves the instance while answering (contract §3.2).
      return uuidFromUrl(now.instance) === uuidFromUrl(request.body.instance);
    case 'extend':
      return now.size === request.body.disk_size;
    case 'retype':
      return uuidFromUrl(now.type) === uuidFromUrl(request.body.type);
    case 'detach':
    case 'pull':
      // `pre_apply` sets the state and the action at once; a leftover action does not count.
      return isInProgress(now) && now.action === ACTION_NAMES[request.action];
    case 'set_ok':
      return now.state === 'OK';
    case 'set_erred':
      return now.state === 'ERRED' && now.error_message === request.body.error_message;
    case 'snapshot':
    case 'delete':
      // Both make something new (a snapshot, a Terminate order): looked for there, see below.
      return false;
  }
}

/**
 * Whether `orders` (newest first, as re-read) hold the order a lost request made: one that was not
 * there before it was sent (`before`: the newest order's UUID then, or null when there was none)
 * and that matches it. Waldur may have moved it on already (executing, done, even erred), so its
 * state does not count.
 */
export function newOrderShown(
  orders: readonly Order[],
  before: string | null,
  matches: (order: Order) => boolean,
): Order | null {
  for (const order of orders) {
    if (order.uuid === before) return null;
    if (matches(order)) return order;
  }
  return null;
}

/** A Create order for this offering and volume name. */
export const isCreateOrderFor = (offeringUuid: string, name: string) => (order: Order) =>
  order.type === 'Create' &&
  (order.offering_uuid == null || order.offering_uuid === offeringUuid) &&
  (order.attributes?.name ?? order.resource_name) === name;

/** Approved: no longer waiting for a consumer (someone approved it; executing or beyond). */
export function orderShowsApproval(order: Order) {
  return order.state !== 'pending-consumer' && order.state !== 'rejected';
}

/** A snapshot's edit: every field sent is saved (`kept_until` compared as an instant). */
export function snapshotShowsEdit(
  now: Snapshot,
  body: { name: string; description: string; kept_until: string | null },
) {
  const instant = (value: string | null | undefined) => (value ? Date.parse(value) : null);
  return (
    now.name === body.name &&
    (now.description ?? '') === body.description &&
    instant(now.kept_until) === instant(body.kept_until)
  );
}

/** A snapshot's deletion: gone (null), or scheduled / under way. */
export function snapshotShowsDeletion(now: Snapshot | null) {
  return now === null || now.state === 'DELETION_SCHEDULED' || now.state === 'DELETING';
}

/** A restore: a volume of that name among the restorations that were not there before. */
export function newRestorationShown(
  restorations: readonly Restoration[],
  before: ReadonlySet<string>,
  name: string,
): Restoration | null {
  return (
    restorations.find((r) => r.volume_name === name && !before.has(uuidFromUrl(r.volume) ?? '')) ??
    null
  );
}
