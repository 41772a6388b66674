// The demo seed grown to N volumes, for measuring how the console copes with a large Waldur
// (`npm run bench`, `tsx test/servers/waldur-server.ts --volumes 50000`). The seed's 250 volumes
// and everything else stay exactly as they are; the added volumes come in generations, each a copy
// of the seed's 250 (the last one possibly partial) with their marketplace resources, orders and
// event histories, under new UUIDs, Cinder IDs and names. So the mix of states, runtime states,
// sizes, types, imported volumes and histories is the seed's at every size. Each generation has its
// own copies of the seed's instances, and its attached volumes are attached to those: an instance
// has as many volumes (and devices) as in the seed, never hundreds. Deterministic: the same N always
// gives the same database.
//
// Added names are `<prefix>-x<number>` (`scratch-x00042`, `web-system-x00107`; instances
// `web-x0003-05`): no seeded name is part of one, so a search for a seeded name (`scratch-01`) finds
// one volume at every size. Tenants' storage limits grow by what their added volumes use, so every
// tenant keeps the headroom the seed gives it (the tight tenant still has 10 GiB left). Snapshots
// are not copied.
import type {
  Db,
  EventRecord,
  InstanceRecord,
  MarketplaceResourceRecord,
  OrderRecord,
  VolumeRecord,
} from '../../src/mocks/db';
import { createRandom } from '../../src/mocks/random';

/** What one seeded volume brings along: its marketplace resource, orders and events. */
interface Bundle {
  volume: VolumeRecord;
  base: string;
  resource: MarketplaceResourceRecord | undefined;
  orders: OrderRecord[];
  events: EventRecord[];
}

/** The name an added copy of `name` starts with: the seed's prefix, without its number. */
function baseName(name: string) {
  return name.replace(/-\d+-system$/, '-system').replace(/-\d+$/, '');
}

function bundles(db: Db): Bundle[] {
  const resourceOf = new Map(
    db.marketplace_resources.filter((r) => r.scope_uuid).map((r) => [r.scope_uuid!, r]),
  );
  const ordersOf = new Map<string, OrderRecord[]>();
  for (const order of db.orders) {
    ordersOf.set(order.resource_uuid, [...(ordersOf.get(order.resource_uuid) ?? []), order]);
  }
  const eventsOf = new Map<string, EventRecord[]>();
  for (const event of db.events) {
    for (const uuid of new Set(event.feed)) {
      eventsOf.set(uuid, [...(eventsOf.get(uuid) ?? []), event]);
    }
  }
  return db.volumes.map((volume) => {
    const resource = resourceOf.get(volume.uuid);
    const orders = resource ? (ordersOf.get(resource.uuid) ?? []) : [];
    const events = new Set<EventRecord>([
      ...(eventsOf.get(volume.uuid) ?? []),
      ...(resource ? (eventsOf.get(resource.uuid) ?? []) : []),
      ...orders.flatMap((o) => eventsOf.get(o.uuid) ?? []),
    ]);
    return { volume, base: baseName(volume.name), resource, orders, events: [...events] };
  });
}

/** A copy of a record whose nested objects are copied too (one level: records are flat JSON). */
function clone<T extends object>(record: T): T {
  const copy = { ...record } as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) {
    if (Array.isArray(value)) copy[key] = [...value];
    else if (value !== null && typeof value === 'object') copy[key] = { ...value };
  }
  return copy as T;
}

/**
 * The `generation`th copy of the seeded instances (new UUIDs, Cinder IDs and names, the same
 * tenants, states and flavours), added to `db`: seeded instance UUID → its copy.
 */
function copyInstances(db: Db, seeded: InstanceRecord[], generation: number) {
  const random = createRandom(0x1257a4ce ^ generation);
  const copies = new Map<string, InstanceRecord>();
  seeded.forEach((template, n) => {
    const instance = clone(template);
    instance.uuid = random.uuid();
    instance.name = `${template.name.replace(/-\d+$/, '')}-x${String(generation).padStart(4, '0')}-${String(n + 1).padStart(2, '0')}`;
    if (instance.backend_id) {
      instance.backend_id = random
        .uuid()
        .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    }
    if (instance.marketplace) instance.marketplace.resource_uuid = random.uuid();
    copies.set(template.uuid, instance);
    db.instances.push(instance);
  });
  return copies;
}

/**
 * Adds volumes to the seeded `db` until it has `count` (nothing when it has as many already).
 * Returns the database for chaining.
 */
export function scaleVolumes(db: Db, count: number): Db {
  const extra = count - db.volumes.length;
  if (extra <= 0) return db;
  const random = createRandom(0x5ca1ab1e);
  const templates = bundles(db);
  const seedInstances = [...db.instances];
  const addedStorage = new Map<string, number>();
  const cinderId = () =>
    random.uuid().replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  const digits = String(count).length;
  /** This generation's copy of each seeded instance (by the seeded instance's UUID). */
  let instances = new Map<string, InstanceRecord>();
  for (let k = 1; k <= extra; k++) {
    const index = (k - 1) % templates.length;
    if (index === 0) instances = copyInstances(db, seedInstances, (k - 1) / templates.length + 1);
    const t = templates[index]!;
    const name = `${t.base}-x${String(k).padStart(digits, '0')}`;
    const uuid = random.uuid();
    const rename = (text: string) => text.split(t.volume.name).join(name);
    const map = new Map<string, string>([[t.volume.uuid, uuid]]);

    const volume = clone(t.volume);
    volume.uuid = uuid;
    volume.name = name;
    if (volume.backend_id) volume.backend_id = cinderId();
    const instance = volume.instance_uuid ? instances.get(volume.instance_uuid) : undefined;
    if (instance) {
      const message = volume.action_details.message;
      if (typeof message === 'string') {
        const seeded = seedInstances.find((i) => i.uuid === volume.instance_uuid)!;
        volume.action_details.message = message.split(seeded.name).join(instance.name);
      }
      volume.instance_uuid = instance.uuid;
    }
    if (t.resource) {
      const resource = clone(t.resource);
      resource.uuid = random.uuid();
      resource.name = name;
      resource.scope_uuid = uuid;
      map.set(t.resource.uuid, resource.uuid);
      if (volume.marketplace) volume.marketplace.resource_uuid = resource.uuid;
      db.marketplace_resources.push(resource);
    } else if (volume.marketplace) {
      volume.marketplace.resource_uuid = random.uuid();
    }
    for (const template of t.orders) {
      const order = clone(template);
      order.uuid = random.uuid();
      order.resource_uuid = map.get(template.resource_uuid) ?? order.resource_uuid;
      order.resource_name = name;
      if (order.attributes.name === t.volume.name) order.attributes.name = name;
      map.set(template.uuid, order.uuid);
      db.orders.push(order);
    }
    for (const template of t.events) {
      const event = clone(template);
      event.uuid = random.uuid();
      event.message = rename(event.message);
      event.feed = event.feed.map((u) => map.get(u) ?? u);
      const context = event.context;
      for (const key of ['resource_uuid', 'order_uuid'] as const) {
        const value = context[key];
        if (typeof value === 'string' && map.has(value)) context[key] = map.get(value);
      }
      for (const key of ['resource_name', 'resource_full_name'] as const) {
        const value = context[key];
        if (typeof value === 'string') context[key] = rename(value);
      }
      db.events.push(event);
    }
    db.volumes.push(volume);
    addedStorage.set(volume.tenant_uuid, (addedStorage.get(volume.tenant_uuid) ?? 0) + volume.size);
  }
  // The event log stays in time order, as the seed leaves it (ties keep their order).
  db.events.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  for (const tenant of db.tenants) {
    const limit = tenant.quota_limits.storage;
    const added = addedStorage.get(tenant.uuid) ?? 0;
    if (limit !== undefined && limit !== -1 && added > 0) {
      tenant.quota_limits = { ...tenant.quota_limits, storage: limit + added };
    }
  }
  return db;
}
