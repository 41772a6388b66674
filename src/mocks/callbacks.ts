// Waldur's marketplace callbacks (marketplace/callbacks.py, handlers.py): how orders and a volume's
// marketplace resource follow the volume's life (created, failed, deleted), and the events each
// logs, in Waldur's words (contract-lifecycle §2.6–2.7, §3.3, §5.2).
import { isoMicro } from './clock';
import type { Db, MarketplaceResourceRecord, OrderRecord, VolumeRecord } from './db';
import {
  creationEvent,
  type EventSource,
  logResourceEvent,
  logVolumeEvent,
  marketplaceResourceOf,
  setResourceState,
} from './history';

// Orders (`log_order_events`).

export function orderOf(db: Db, resource: MarketplaceResourceRecord, type: OrderRecord['type']) {
  return db.orders
    .filter((o) => o.resource_uuid === resource.uuid && o.type === type)
    .sort((a, b) => b.created.localeCompare(a.created))[0];
}

export function orderApproved(db: Db, source: EventSource, order: OrderRecord) {
  const resource = db.marketplace_resources.find((r) => r.uuid === order.resource_uuid);
  if (!resource) return;
  logResourceEvent(
    db,
    source,
    resource,
    'marketplace_order_approved',
    'Marketplace order has been approved.',
    order,
  );
}

/**
 * What `log_order_events` logs when an order reaches a terminal state, word for word
 * (marketplace/log.py `log_order_completed`, `log_order_failed`, `log_order_rejected`). A cancel
 * is refused for volume orders, so the demo never logs one.
 */
const ORDER_END_EVENTS: Partial<Record<string, [string, string]>> = {
  done: ['marketplace_order_completed', 'Marketplace order has been completed.'],
  erred: ['marketplace_order_failed', 'Marketplace order has been marked as failed.'],
  rejected: ['marketplace_order_rejected', 'Marketplace order has been rejected.'],
};

/** An order reaches a terminal state: done, erred, rejected or canceled. */
export function orderEnded(
  db: Db,
  source: EventSource,
  order: OrderRecord,
  state: 'done' | 'erred' | 'rejected' | 'canceled',
  error?: { message: string; traceback: string },
) {
  order.state = state;
  order.modified = isoMicro(source.at);
  order.completed_at = state === 'done' || state === 'erred' ? order.modified : null;
  if (error) {
    order.error_message = error.message;
    order.error_traceback = error.traceback;
  }
  const resource = db.marketplace_resources.find((r) => r.uuid === order.resource_uuid);
  if (!resource) return;
  const logged = ORDER_END_EVENTS[state];
  if (logged) logResourceEvent(db, source, resource, ...logged, order);
  // A rejected or canceled Create order leaves its resource Terminated (update_resource_when_…).
  if (order.type === 'Create' && (state === 'rejected' || state === 'canceled'))
    setResourceState(resource, 'Terminated', source.at);
}

/**
 * The order's processor raised (`process_order`, marketplace/utils.py): the order ends erred with
 * `str(e)` and its traceback, the marketplace resource goes Erred; the volume is left as it was.
 */
export function orderProcessingFailed(
  db: Db,
  source: EventSource,
  order: OrderRecord,
  resource: MarketplaceResourceRecord,
  message: string,
) {
  setResourceState(resource, 'Erred', source.at);
  orderEnded(db, source, order, 'erred', { message, traceback: processOrderTraceback(message) });
}

/** The traceback `process_order` stores with the exception of a refused deletion. */
function processOrderTraceback(message: string) {
  const raised = message.startsWith('{')
    ? `  File "/usr/src/waldur/src/waldur_mastermind/marketplace/processors.py", line 366, in send_request
    raise serializers.ValidationError(response.data)
rest_framework.exceptions.ValidationError: ${message}`
    : `  File "/usr/src/waldur/src/waldur_mastermind/marketplace_openstack/utils.py", line 412, in delete_volume
    raise IncorrectStateException(_("${message}"))
waldur_core.core.exceptions.IncorrectStateException: ${message}`;
  return `Traceback (most recent call last):
  File "/usr/src/waldur/src/waldur_mastermind/marketplace/utils.py", line 101, in process_order
    processor(order).process_order(user)
  File "/usr/src/waldur/src/waldur_mastermind/marketplace/processors.py", line 326, in process_order
    done = self.send_request(user, resource)
${raised}
`;
}

// Creating (orders and restores).

export function resourceCreateRequested(
  db: Db,
  source: EventSource,
  resource: MarketplaceResourceRecord,
) {
  logResourceEvent(
    db,
    source,
    resource,
    'marketplace_resource_create_requested',
    `Resource ${resource.name} creation has been requested.`,
  );
}

export function volumeCreationScheduled(db: Db, source: EventSource, volume: VolumeRecord) {
  logVolumeEvent(
    db,
    source,
    volume,
    'resource_creation_scheduled',
    `Resource ${volume.name} creation has been scheduled.`,
  );
}

export function volumeImported(db: Db, source: EventSource, volume: VolumeRecord) {
  logVolumeEvent(
    db,
    source,
    volume,
    'resource_import_succeeded',
    `Resource OpenStack Volume ${volume.name} has been imported.`,
  );
}

/** The volume reaches OK or ERRED after creation; its order (if any) and resource follow. */
export function volumeCreationEnded(
  db: Db,
  source: EventSource,
  volume: VolumeRecord,
  ok: boolean,
  wasCreating: boolean,
) {
  if (ok || wasCreating) {
    logVolumeEvent(db, source, volume, ...creationEvent('resource_creation', volume.name, ok));
  }
  const resource = marketplaceResourceOf(db, volume);
  if (!resource) return;
  setResourceState(resource, ok ? 'OK' : 'Erred', source.at);
  const order = orderOf(db, resource, 'Create');
  if (order && order.state === 'executing') {
    orderEnded(
      db,
      source,
      order,
      ok ? 'done' : 'erred',
      ok ? undefined : { message: volume.error_message, traceback: volume.error_traceback },
    );
  }
  logResourceEvent(
    db,
    source,
    resource,
    ...creationEvent('marketplace_resource_create', resource.name, ok),
    order,
  );
}

// Deleting.

export function terminateRequested(
  db: Db,
  source: EventSource,
  resource: MarketplaceResourceRecord,
  order: OrderRecord,
) {
  logResourceEvent(
    db,
    source,
    resource,
    'marketplace_resource_terminate_requested',
    `Resource ${resource.name} deletion has been requested.`,
    order,
  );
}

export function volumeDeletionScheduled(db: Db, source: EventSource, volume: VolumeRecord) {
  setResourceState(marketplaceResourceOf(db, volume), 'Terminating', source.at);
  logVolumeEvent(
    db,
    source,
    volume,
    'resource_deletion_scheduled',
    `Resource ${volume.name} deletion has been scheduled.`,
  );
}

/**
 * The volume row is deleted (terminate, or staff unlink): its `pre_delete` handlers log the
 * deletion, end a running Terminate order and leave the marketplace resource Terminated.
 */
export function volumeDeleted(db: Db, source: EventSource, volume: VolumeRecord) {
  logVolumeEvent(
    db,
    source,
    volume,
    'resource_deletion_succeeded',
    `OpenStack Volume ${volume.name} has been deleted.`,
  );
  const resource = marketplaceResourceOf(db, volume);
  if (!resource) return;
  const order = orderOf(db, resource, 'Terminate');
  if (order && order.state === 'executing') orderEnded(db, source, order, 'done');
  setResourceState(resource, 'Terminated', source.at);
  logResourceEvent(
    db,
    source,
    resource,
    'marketplace_resource_terminate_succeeded',
    `Resource ${resource.name} has been deleted.`,
    order,
  );
  resource.scope_uuid = null;
}

export function volumeDeletionFailed(db: Db, source: EventSource, volume: VolumeRecord) {
  const resource = marketplaceResourceOf(db, volume);
  if (!resource) return;
  const order = orderOf(db, resource, 'Terminate');
  if (order && order.state === 'executing')
    orderEnded(db, source, order, 'erred', {
      message: volume.error_message,
      traceback: volume.error_traceback,
    });
  // The resource goes back to OK while the volume is ERRED (`resource.set_state_ok()`).
  setResourceState(resource, 'OK', source.at);
  logResourceEvent(
    db,
    source,
    resource,
    'marketplace_resource_terminate_failed',
    `Resource ${resource.name} deletion has failed.`,
    order,
  );
}
