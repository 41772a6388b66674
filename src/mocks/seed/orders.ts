// The orders of the seeded volumes: a marketplace resource and a Create order for each volume
// that was ordered (imported ones have none), and the erred Terminate order of a deletion that
// failed.
import { isoMicro } from '../clock';
import type { Db, MarketplaceResourceRecord, OrderRecord, UserRecord, VolumeRecord } from '../db';
import { VOLUME_CATEGORY } from '../lifecycle';
import type { Random } from '../random';
import { MINUTE } from './catalogue';

export type Lifecycle = Pick<
  Db,
  'images' | 'offerings' | 'marketplace_resources' | 'orders' | 'events'
>;

/** `iso` moved by `deltaMs`. */
export const at = (iso: string, deltaMs: number) => isoMicro(Date.parse(iso) + deltaMs);

export /** Which operation left an ERRED volume's error, by the backend frame its traceback names. */
function failedOperation(volume: VolumeRecord): string {
  if (volume.error_traceback.includes('in create_volume')) return 'create';
  if (volume.error_traceback.includes('in delete_volume')) return 'delete';
  if (volume.error_traceback.includes('in extend_volume')) return 'Extend';
  return 'Pull';
}

/** The marketplace resource and Create order of an ordered volume (not imported ones). */
export function seedOrder(out: Lifecycle, random: Random, volume: VolumeRecord, user: UserRecord) {
  const info = volume.marketplace;
  if (!info) return undefined;
  const offering = out.offerings.find(
    (o) => o.tenant_uuid === volume.tenant_uuid && o.type === 'OpenStack.Volume',
  )!;
  volume.marketplace = {
    ...info,
    offering_uuid: offering.uuid,
    offering_name: offering.name,
    category_uuid: VOLUME_CATEGORY.uuid,
    category_name: VOLUME_CATEGORY.title,
    plan_uuid: null,
  };
  const resource: MarketplaceResourceRecord = {
    uuid: info.resource_uuid,
    name: volume.name,
    offering_uuid: offering.uuid,
    project_uuid: volume.project_uuid,
    state: info.resource_state,
    scope_uuid: volume.uuid,
    created: at(volume.created, -1500),
    modified: volume.modified,
  };
  out.marketplace_resources.push(resource);
  const creating = volume.state === 'CREATION_SCHEDULED' || volume.state === 'CREATING';
  const failed = volume.state === 'ERRED' && failedOperation(volume) === 'create';
  const ordered = at(volume.created, -1500);
  const ended = at(volume.created, failed ? 2_000 : 32_000);
  out.orders.push({
    uuid: random.uuid(),
    type: 'Create',
    state: creating ? 'executing' : failed ? 'erred' : 'done',
    offering_uuid: offering.uuid,
    project_uuid: volume.project_uuid,
    resource_uuid: resource.uuid,
    resource_name: volume.name,
    attributes: {
      name: volume.name,
      size: volume.size,
      ...(volume.type_uuid ? { type: `/api/openstack-volume-types/${volume.type_uuid}/` } : {}),
      ...(volume.description ? { description: volume.description } : {}),
    },
    created_by: user.uuid,
    consumer_reviewed_by: user.uuid,
    consumer_reviewed_at: ordered,
    error_message: failed ? volume.error_message : '',
    error_traceback: failed ? volume.error_traceback : '',
    created: ordered,
    modified: creating ? ordered : ended,
    completed_at: creating ? null : ended,
  });
  return resource;
}

/** The Terminate order of a deletion that failed: erred, with the volume's error. */
export function seedTerminateOrder(
  out: Lifecycle,
  random: Random,
  volume: VolumeRecord,
  resource: MarketplaceResourceRecord,
  user: UserRecord,
) {
  const created = at(volume.modified, -12 * MINUTE - 1_000);
  const order: OrderRecord = {
    uuid: random.uuid(),
    type: 'Terminate',
    state: 'erred',
    offering_uuid: resource.offering_uuid,
    project_uuid: volume.project_uuid,
    resource_uuid: resource.uuid,
    resource_name: volume.name,
    attributes: {},
    created_by: user.uuid,
    consumer_reviewed_by: user.uuid,
    consumer_reviewed_at: created,
    error_message: volume.error_message,
    error_traceback: volume.error_traceback,
    created,
    modified: volume.modified,
    completed_at: volume.modified,
  };
  out.orders.push(order);
  return order;
}
