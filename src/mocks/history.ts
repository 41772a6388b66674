// Waldur's event log: every place in the demo where Waldur would log an event about a volume calls
// one of these (the marketplace's own, for orders and resources, are in ./callbacks). Event types
// and message templates are Waldur's, word for word (contract-lifecycle §5.2); `context` holds the
// keys Waldur's `_get_log_context` would, and the project's and customer's keys are added when the
// event is read (marketplace-serializers).
import { isoMicro } from './clock';
import {
  type Db,
  type EventRecord,
  type MarketplaceResourceRecord,
  newUuid,
  type OrderRecord,
  type UserRecord,
  type VolumeRecord,
} from './db';

/** Where an event is logged from: its time, and the user when it happens inside a request. */
export interface EventSource {
  at: number;
  user?: UserRecord | null;
}

/** The `user_*` keys `CaptureEventContextMiddleware` adds to events logged inside a request. */
function userContext(user: UserRecord | null | undefined) {
  if (!user) return {};
  return {
    ip_address: '192.0.2.10',
    user_uuid: user.uuid,
    user_full_name: user.full_name,
    user_native_name: '',
    user_username: user.username,
    user_is_staff: user.is_staff,
    user_is_support: user.is_support,
  };
}

export function logEvent(
  db: Db,
  source: EventSource,
  event: {
    type: string;
    message: string;
    feed: (string | null | undefined)[];
    project_uuid: string | null;
    context: Record<string, unknown>;
  },
): EventRecord {
  const record: EventRecord = {
    uuid: newUuid(),
    created: isoMicro(source.at),
    event_type: event.type,
    message: event.message,
    feed: event.feed.filter((uuid): uuid is string => Boolean(uuid)),
    project_uuid: event.project_uuid,
    context: { ...event.context, ...userContext(source.user) },
  };
  db.events.push(record);
  return record;
}

export function marketplaceResourceOf(
  db: Db,
  volume: Pick<VolumeRecord, 'uuid'>,
): MarketplaceResourceRecord | undefined {
  return db.marketplace_resources.find((r) => r.scope_uuid === volume.uuid);
}

function volumeContext(volume: VolumeRecord) {
  return {
    resource_uuid: volume.uuid,
    resource_name: volume.name,
    resource_full_name: `OpenStack Volume ${volume.name}`,
    resource_type: 'OpenStack.Volume',
    service_settings_uuid: volume.service_settings_uuid,
  };
}

/**
 * An event about a volume, in its feed (and tied to its marketplace resource, whose history keeps
 * showing it after the volume is gone).
 */
export function logVolumeEvent(
  db: Db,
  source: EventSource,
  volume: VolumeRecord,
  type: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return logEvent(db, source, {
    type,
    message,
    feed: [volume.uuid, marketplaceResourceOf(db, volume)?.uuid],
    project_uuid: volume.project_uuid,
    context: { ...volumeContext(volume), ...extra },
  });
}

/**
 * An event about a marketplace resource (and its order): in their feeds, not the volume's. A
 * volume's own history (`scope=<volume>`) leaves them out; its resource's (`scope=<resource>`)
 * has both.
 */
export function logResourceEvent(
  db: Db,
  source: EventSource,
  resource: MarketplaceResourceRecord,
  type: string,
  message: string,
  order?: OrderRecord,
) {
  return logEvent(db, source, {
    type,
    message,
    feed: [resource.uuid, order?.uuid],
    project_uuid: resource.project_uuid,
    context: {
      resource_uuid: resource.uuid,
      resource_name: resource.name,
      resource_type: 'OpenStack.Volume',
      ...(order ? { order_uuid: order.uuid } : {}),
    },
  });
}

export function setResourceState(
  resource: MarketplaceResourceRecord | undefined,
  state: string,
  at: number,
) {
  if (!resource) return;
  resource.state = state;
  resource.modified = isoMicro(at);
}

/** `resource_<action>_…`: "Attach" → attach, "Extend" → extend. */
const actionSlug = (action: string) => action.replaceAll(' ', '_').toLowerCase();

/** `log_action`'s `{message}`: `action_details.message`, else the action's name. */
function actionMessage(volume: VolumeRecord) {
  const message = volume.action_details.message;
  return typeof message === 'string' ? message : volume.action;
}

/** `action_details` without the message `log_action` pops out of it. */
function actionDetails(volume: VolumeRecord) {
  const { message: _message, ...rest } = volume.action_details;
  return rest;
}

// Volume actions (waldur_openstack/handlers.py `log_action`, marketplace callbacks).

export function volumeActionScheduled(db: Db, source: EventSource, volume: VolumeRecord) {
  if (!volume.action) return; // a PUT/PATCH sets no action, and logs no volume event
  logVolumeEvent(
    db,
    source,
    volume,
    `resource_${actionSlug(volume.action)}_scheduled`,
    `Operation "${actionMessage(volume)}" has been scheduled for volume "${volume.name}"`,
    { action_details: actionDetails(volume) },
  );
}

/** Called before the action is cleared: the volume still carries it. */
export function volumeActionEnded(db: Db, source: EventSource, volume: VolumeRecord, ok: boolean) {
  if (volume.action) {
    const result = ok ? 'succeeded' : 'failed';
    const message = ok
      ? `Successfully executed "${actionMessage(volume)}" operation for volume "${volume.name}"`
      : `Failed to execute "${actionMessage(volume)}" operation for volume "${volume.name}"`;
    logVolumeEvent(db, source, volume, `resource_${actionSlug(volume.action)}_${result}`, message, {
      action_details: actionDetails(volume),
    });
  }
  const resource = marketplaceResourceOf(db, volume);
  if (!resource) return;
  setResourceState(resource, ok ? 'OK' : 'Erred', source.at);
  logResourceEvent(
    db,
    source,
    resource,
    ok ? 'marketplace_resource_update_succeeded' : 'marketplace_resource_update_failed',
    ok
      ? `Resource ${resource.name} has been updated successfully.`
      : `Resource ${resource.name} update has failed.`,
  );
}

/** `set_erred` on an OK volume: `resource_erred_on_backend`. */
export function volumeErredOnBackend(db: Db, source: EventSource, volume: VolumeRecord) {
  const resource = marketplaceResourceOf(db, volume);
  if (!resource) return;
  setResourceState(resource, 'Erred', source.at);
  logResourceEvent(
    db,
    source,
    resource,
    'marketplace_resource_erred_on_backend',
    `Resource ${resource.name} got error on backend.`,
  );
}

/** The event type and message of a creation that ended, as Waldur words them. */
export function creationEvent(kind: string, name: string, ok: boolean): [string, string] {
  return ok
    ? [`${kind}_succeeded`, `Resource ${name} has been created.`]
    : [`${kind}_failed`, `Resource ${name} creation has failed.`];
}
