// The marketplace side of the demo world and its history: every tenant's offerings (one billable,
// so its orders wait for approval), Glance images, a marketplace resource and Create order for each
// volume that was ordered, and an event history for every volume (its creation, a few past
// operations, and what it is doing or how it failed now). Its own random sequence, so the volumes
// and everything seeded before stay exactly as they were.
import { isoMicro } from '../clock';
import type {
  EventRecord,
  MarketplaceResourceRecord,
  OrderRecord,
  UserRecord,
  VolumeRecord,
} from '../db';
import { creationEvent } from '../history';
import { createRandom, type Random } from '../random';
import { HOUR, MINUTE } from './catalogue';
import { seedImages, seedOfferings } from './marketplace';
import { at, failedOperation, type Lifecycle, seedOrder, seedTerminateOrder } from './orders';
import type { Organisations } from './organisations';

export function seedLifecycle(
  seed: number,
  orgs: Organisations,
  volumes: VolumeRecord[],
  users: UserRecord[],
): Lifecycle {
  const random = createRandom(seed ^ 0x11fec7c1);
  const images = seedImages(random, orgs);
  const offerings = seedOfferings(random, orgs);
  const out: Lifecycle = { images, offerings, marketplace_resources: [], orders: [], events: [] };
  const history = new SeedHistory(random, out, users);
  for (const volume of volumes) {
    // Boot volumes start from the tenant's copy of their image.
    if (volume.image) {
      const image = images.find(
        (i) => i.name === volume.image!.name && i.settings_uuid === volume.service_settings_uuid,
      );
      if (image) volume.image = { uuid: image.uuid, name: image.name };
    }
    history.of(volume);
  }
  out.events.sort((a, b) => a.created.localeCompare(b.created));
  return out;
}

/** Logs one event of the volume (and its marketplace resource, if it has one). */
type Log = (
  created: string,
  type: string,
  message: string,
  extra?: { user?: UserRecord; order?: OrderRecord; context?: Record<string, unknown> },
) => void;

const PAST_ACTIONS = ['Attach', 'Detach', 'Extend', 'Retype', 'Pull'] as const;

class SeedHistory {
  constructor(
    private readonly random: Random,
    private readonly out: Lifecycle,
    private readonly users: UserRecord[],
  ) {}

  /** Who acts in a project: its admin or manager among the demo users, else staff. */
  private actor(projectUuid: string): UserRecord {
    return (
      this.users.find((u) =>
        u.roles.some((r) => r.scope_uuid === projectUuid && r.role !== 'PROJECT.MEMBER'),
      ) ?? this.users.find((u) => u.is_staff)!
    );
  }

  private event(
    created: string,
    type: string,
    message: string,
    volume: VolumeRecord,
    resource: MarketplaceResourceRecord | undefined,
    extra: { user?: UserRecord; order?: OrderRecord; context?: Record<string, unknown> } = {},
  ) {
    const onResource = type.startsWith('marketplace_');
    const record: EventRecord = {
      uuid: this.random.uuid(),
      created,
      event_type: type,
      message,
      // Marketplace events are in the resource's (and order's) feed, the volume's in its own.
      feed: (onResource
        ? [resource?.uuid, extra.order?.uuid]
        : [volume.uuid, resource?.uuid]
      ).filter((u): u is string => !!u),
      project_uuid: volume.project_uuid,
      context: {
        resource_uuid: onResource ? resource?.uuid : volume.uuid,
        resource_name: volume.name,
        ...(onResource ? {} : { resource_full_name: `OpenStack Volume ${volume.name}` }),
        resource_type: 'OpenStack.Volume',
        ...(extra.order ? { order_uuid: extra.order.uuid } : {}),
        ...extra.context,
        ...(extra.user
          ? {
              user_uuid: extra.user.uuid,
              user_full_name: extra.user.full_name,
              user_username: extra.user.username,
              user_is_staff: extra.user.is_staff,
              user_is_support: extra.user.is_support,
            }
          : {}),
      },
    };
    this.out.events.push(record);
  }

  of(volume: VolumeRecord) {
    const user = this.actor(volume.project_uuid);
    const resource = seedOrder(this.out, this.random, volume, user);
    const born = volume.created;
    const creating = volume.state === 'CREATION_SCHEDULED' || volume.state === 'CREATING';
    const failedAt = volume.state === 'ERRED' ? failedOperation(volume) : null;
    const order = resource
      ? this.out.orders.find((o) => o.resource_uuid === resource.uuid)
      : undefined;
    const log: Log = (created, type, message, extra) =>
      this.event(created, type, message, volume, resource, extra);
    if (resource) {
      log(
        at(born, -1500),
        'marketplace_resource_create_requested',
        `Resource ${volume.name} creation has been requested.`,
        { user, order },
      );
    }
    log(
      born,
      'resource_creation_scheduled',
      `Resource ${volume.name} creation has been scheduled.`,
    );
    if (!resource) {
      log(
        at(born, 200),
        'resource_import_succeeded',
        `Resource OpenStack Volume ${volume.name} has been imported.`,
      );
    }
    if (creating) return;
    const createdOk = failedAt !== 'create';
    const settled = at(born, createdOk ? 32_000 : 2_000);
    if (createdOk) {
      log(settled, 'resource_creation_succeeded', `Resource ${volume.name} has been created.`);
    }
    if (resource) {
      if (createdOk) {
        log(settled, 'marketplace_order_completed', 'Marketplace order has been completed.', {
          order,
        });
      } else {
        log(settled, 'marketplace_order_failed', 'Marketplace order has been marked as failed.', {
          order,
        });
      }
      const [type, message] = creationEvent('marketplace_resource_create', volume.name, createdOk);
      log(settled, type, message, { order });
    }
    if (!createdOk) return;
    this.pastActions(volume, resource, user, log);
    this.now(volume, resource, user, failedAt, log);
  }

  /** A few operations between its creation and its last change, each scheduled then done. */
  private pastActions(
    volume: VolumeRecord,
    resource: MarketplaceResourceRecord | undefined,
    user: UserRecord,
    log: Log,
  ) {
    const from = Date.parse(volume.created) + HOUR;
    const to = Date.parse(volume.modified) - HOUR;
    if (to <= from) return;
    const count = this.random.int(0, 2);
    const times = Array.from({ length: count }, () => from + this.random.next() * (to - from)).sort(
      (a, b) => a - b,
    );
    for (const time of times) {
      const action = this.random.pick(PAST_ACTIONS);
      const message =
        action === 'Attach'
          ? 'Attach volume to instance'
          : action === 'Detach'
            ? 'Detach volume from instance'
            : action === 'Extend'
              ? `Extend volume from ${Math.max(1024, volume.size - 1024)} MB to ${volume.size} MB`
              : action;
      const slug = action.toLowerCase();
      log(
        isoMicro(time),
        `resource_${slug}_scheduled`,
        `Operation "${message}" has been scheduled for volume "${volume.name}"`,
        { user, context: { action_details: {} } },
      );
      const done = isoMicro(time + (action === 'Retype' ? 17_000 : 7_000));
      log(
        done,
        `resource_${slug}_succeeded`,
        `Successfully executed "${message}" operation for volume "${volume.name}"`,
        { context: { action_details: {} } },
      );
      if (resource) {
        log(
          done,
          'marketplace_resource_update_succeeded',
          `Resource ${volume.name} has been updated successfully.`,
        );
      }
    }
  }

  /** What the volume is doing now: an operation under way, or the one that failed. */
  private now(
    volume: VolumeRecord,
    resource: MarketplaceResourceRecord | undefined,
    user: UserRecord,
    failedAt: string | null,
    log: Log,
  ) {
    const modified = volume.modified;
    if (volume.action && volume.state !== 'OK') {
      const message =
        typeof volume.action_details.message === 'string'
          ? volume.action_details.message
          : volume.action;
      log(
        at(modified, -2_000),
        `resource_${volume.action.toLowerCase()}_scheduled`,
        `Operation "${message}" has been scheduled for volume "${volume.name}"`,
        { user, context: { action_details: {} } },
      );
    }
    if (volume.state.startsWith('DELETION') || volume.state === 'DELETING') {
      log(
        at(modified, -2_000),
        'resource_deletion_scheduled',
        `Resource ${volume.name} deletion has been scheduled.`,
      );
    }
    if (!failedAt) return;
    if (failedAt === 'delete') {
      const order = resource
        ? seedTerminateOrder(this.out, this.random, volume, resource, user)
        : undefined;
      if (resource && order)
        log(
          order.created,
          'marketplace_resource_terminate_requested',
          `Resource ${volume.name} deletion has been requested.`,
          { user, order },
        );
      log(
        at(modified, -12 * MINUTE),
        'resource_deletion_scheduled',
        `Resource ${volume.name} deletion has been scheduled.`,
      );
      if (resource)
        log(
          modified,
          'marketplace_resource_terminate_failed',
          `Resource ${volume.name} deletion has failed.`,
        );
      return;
    }
    const message =
      failedAt === 'Extend'
        ? `Extend volume from ${volume.size} MB to ${volume.size} MB`
        : failedAt;
    log(
      at(modified, -40_000),
      `resource_${failedAt.toLowerCase()}_scheduled`,
      `Operation "${message}" has been scheduled for volume "${volume.name}"`,
      { user, context: { action_details: {} } },
    );
    log(
      modified,
      `resource_${failedAt.toLowerCase()}_failed`,
      `Failed to execute "${message}" operation for volume "${volume.name}"`,
      { context: { action_details: {} } },
    );
    if (resource)
      log(
        modified,
        'marketplace_resource_update_failed',
        `Resource ${volume.name} update has failed.`,
      );
  }
}
