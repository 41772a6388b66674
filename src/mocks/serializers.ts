// Records → the JSON Waldur sends, field for field and in the serializer's order. Relations become
// absolute hyperlinks built from the request's origin (DRF's `build_absolute_uri`), UUIDs are 32 hex
// digits, and dotted-source fields of a null relation (`instance_name`, `type_name`, …) are left out,
// as DRF 3.15 does. A 2024 server (`version: '7.x'`) sends the fields of its time.
import type { DemoDeployment } from '@/lib/demo-controls';
import type {
  Db,
  InstanceRecord,
  MarketplaceInfo,
  ResourceBase,
  SnapshotRecord,
  TenantRecord,
  UserRecord,
  VolumeRecord,
} from './db';
import { tenantQuotas } from './quotas';
import { spellState } from './states';

export interface SerializeContext {
  origin: string;
  db: Db;
  /** Who reads it: some fields (an order's traceback) are for staff and support only. */
  viewer?: UserRecord;
  /** Spell `state` as Waldur did before 2025 ("Erred", "Update Scheduled"). */
  legacyStates?: boolean;
  /** The Waldur release the demo plays (contract-lifecycle §8); 8.x when absent. */
  version?: DemoDeployment['version'];
}

export type Json = Record<string, unknown>;

export const link = (ctx: SerializeContext, collection: string, uuid: string) =>
  `${ctx.origin}/api/${collection}/${uuid}/`;

function find<T extends { uuid: string }>(
  items: T[],
  uuid: string | null | undefined,
): T | undefined {
  return uuid ? items.find((item) => item.uuid === uuid) : undefined;
}

function marketplaceFields(info: MarketplaceInfo | null): Json {
  return {
    marketplace_offering_uuid: info?.offering_uuid ?? null,
    marketplace_offering_name: info?.offering_name ?? null,
    marketplace_offering_plugin_options: info ? (info.offering_plugin_options ?? {}) : null,
    marketplace_category_uuid: info?.category_uuid ?? null,
    marketplace_category_name: info?.category_name ?? null,
    marketplace_resource_uuid: info?.resource_uuid ?? null,
    marketplace_plan_uuid: info?.plan_uuid ?? null,
    marketplace_resource_state: info?.resource_state ?? null,
    is_usage_based: info?.is_usage_based ?? null,
    is_limit_based: info?.is_limit_based ?? null,
  };
}

/**
 * The fields every Waldur resource starts with (`BaseResourceSerializer`). The 2024 serializer
 * (structure/serializers.py) has `customer`, `customer_name`, … but no `customer_uuid`.
 */
function resourceFields(
  ctx: SerializeContext,
  collection: string,
  record: ResourceBase,
  resourceType: string,
): Json {
  const settings = find(ctx.db.service_settings, record.service_settings_uuid);
  const project = find(ctx.db.projects, record.project_uuid);
  const customer = find(ctx.db.customers, project?.customer_uuid);
  return {
    url: link(ctx, collection, record.uuid),
    uuid: record.uuid,
    name: record.name,
    description: record.description,
    service_name: settings?.name ?? '',
    service_settings: settings ? link(ctx, 'service-settings', settings.uuid) : null,
    service_settings_uuid: settings?.uuid ?? null,
    service_settings_state: settings?.state ?? '',
    service_settings_error_message: settings?.error_message ?? '',
    project: project ? link(ctx, 'projects', project.uuid) : null,
    project_name: project?.name ?? '',
    project_uuid: project?.uuid ?? null,
    customer: customer ? link(ctx, 'customers', customer.uuid) : null,
    ...(ctx.version === '7.x' ? {} : { customer_uuid: customer?.uuid ?? null }),
    customer_name: customer?.name ?? '',
    customer_native_name: customer?.native_name ?? '',
    customer_abbreviation: customer?.abbreviation ?? '',
    error_message: record.error_message,
    error_traceback: record.error_traceback,
    resource_type: resourceType,
    state: spellState(record.state, ctx.legacyStates),
    created: record.created,
    modified: record.modified,
    backend_id: record.backend_id,
    access_url: null,
  };
}

export function serializeVolume(ctx: SerializeContext, volume: VolumeRecord): Json {
  const type = find(ctx.db.volume_types, volume.type_uuid);
  const zone = find(ctx.db.availability_zones, volume.availability_zone_uuid);
  const instance = find(ctx.db.instances, volume.instance_uuid);
  const out: Json = {
    ...resourceFields(ctx, 'openstack-volumes', volume, 'OpenStack.Volume'),
    source_snapshot: volume.source_snapshot_uuid
      ? link(ctx, 'openstack-snapshots', volume.source_snapshot_uuid)
      : null,
    size: volume.size,
    bootable: volume.bootable,
    metadata: volume.metadata,
    image: volume.image ? link(ctx, 'openstack-images', volume.image.uuid) : null,
    image_metadata: volume.image_metadata,
    image_name: volume.image?.name ?? '',
    type: type ? link(ctx, 'openstack-volume-types', type.uuid) : null,
  };
  if (type) out.type_name = type.name;
  out.runtime_state = volume.runtime_state;
  out.availability_zone = zone ? link(ctx, 'openstack-volume-availability-zones', zone.uuid) : null;
  if (zone) out.availability_zone_name = zone.name;
  out.device = volume.device;
  out.action = volume.action;
  out.action_details = volume.action_details;
  out.instance = instance ? link(ctx, 'openstack-instances', instance.uuid) : null;
  if (instance) {
    out.instance_name = instance.name;
    // Present (null) when the instance has no marketplace resource; absent only without an instance.
    out.instance_marketplace_uuid = instance.marketplace?.resource_uuid ?? null;
  }
  out.tenant = link(ctx, 'openstack-tenants', volume.tenant_uuid);
  out.tenant_uuid = volume.tenant_uuid;
  out.extend_enabled = volume.extend_enabled;
  // The marketplace resource's own state, where the demo keeps one.
  const resource = ctx.db.marketplace_resources.find((r) => r.scope_uuid === volume.uuid);
  return {
    ...out,
    ...marketplaceFields(
      volume.marketplace && resource
        ? { ...volume.marketplace, resource_state: resource.state }
        : volume.marketplace,
    ),
  };
}

export function serializeSnapshot(ctx: SerializeContext, snapshot: SnapshotRecord): Json {
  const source = find(ctx.db.volumes, snapshot.source_volume_uuid);
  const restored = ctx.db.volumes.filter((v) => v.source_snapshot_uuid === snapshot.uuid);
  const out: Json = {
    ...resourceFields(ctx, 'openstack-snapshots', snapshot, 'OpenStack.Snapshot'),
    source_volume: source ? link(ctx, 'openstack-volumes', source.uuid) : null,
    size: snapshot.size,
    metadata: snapshot.metadata,
    runtime_state: snapshot.runtime_state,
  };
  if (source) {
    out.source_volume_name = source.name;
    out.source_volume_marketplace_uuid = source.marketplace?.resource_uuid ?? null;
  }
  out.action = snapshot.action;
  out.action_details = snapshot.action_details;
  out.restorations = restored.map((volume) => serializeRestoration(ctx, volume));
  out.kept_until = snapshot.kept_until;
  return { ...out, ...marketplaceFields(snapshot.marketplace) };
}

/** A `SnapshotRestoration`: one per volume restored from the snapshot (its row, in the demo). */
export function serializeRestoration(ctx: SerializeContext, volume: VolumeRecord): Json {
  return {
    uuid: volume.uuid,
    created: volume.created,
    description: volume.description,
    volume: link(ctx, 'openstack-volumes', volume.uuid),
    volume_name: volume.name,
    volume_state: spellState(volume.state, ctx.legacyStates),
    volume_runtime_state: volume.runtime_state,
    volume_size: volume.size,
    volume_device: volume.device,
  };
}

export function serializeInstance(ctx: SerializeContext, instance: InstanceRecord): Json {
  const zone = ctx.db.availability_zones.find(
    (z) => z.tenant_uuid === instance.tenant_uuid && z.name === instance.availability_zone_name,
  );
  const volumes = ctx.db.volumes
    .filter((v) => v.instance_uuid === instance.uuid)
    .sort((a, b) => a.device.localeCompare(b.device));
  return {
    ...resourceFields(ctx, 'openstack-instances', instance, 'OpenStack.Instance'),
    start_time: instance.start_time,
    cores: instance.cores,
    ram: instance.ram,
    disk: instance.disk,
    min_ram: 0,
    min_disk: 0,
    user_data: '',
    external_ips: instance.external_ips,
    internal_ips: instance.internal_ips,
    latitude: null,
    longitude: null,
    key_name: '',
    key_fingerprint: '',
    image_name: instance.image_name,
    flavor_disk: instance.disk,
    flavor_name: instance.flavor_name,
    volumes: volumes.map((volume) => {
      const type = find(ctx.db.volume_types, volume.type_uuid);
      const nested: Json = {
        url: link(ctx, 'openstack-volumes', volume.uuid),
        uuid: volume.uuid,
        name: volume.name,
        image_name: volume.image?.name ?? '',
        state: spellState(volume.state, ctx.legacyStates),
        bootable: volume.bootable,
        size: volume.size,
        device: volume.device || undefined,
        resource_type: 'OpenStack.Volume',
        type: type ? link(ctx, 'openstack-volume-types', type.uuid) : null,
      };
      if (!nested.device) delete nested.device;
      if (type) nested.type_name = type.name;
      nested.marketplace_resource_uuid = volume.marketplace?.resource_uuid ?? null;
      return nested;
    }),
    security_groups: [],
    floating_ips: [],
    ports: [],
    availability_zone: zone ? link(ctx, 'openstack-volume-availability-zones', zone.uuid) : null,
    ...(instance.availability_zone_name
      ? { availability_zone_name: instance.availability_zone_name }
      : {}),
    connect_directly_to_external_network: false,
    runtime_state: instance.runtime_state,
    action: instance.action,
    action_details: instance.action_details,
    tenant_uuid: instance.tenant_uuid,
    hypervisor_hostname: '',
    tenant: link(ctx, 'openstack-tenants', instance.tenant_uuid),
    external_address: [],
    ...marketplaceFields(instance.marketplace),
  };
}

export function serializeVolumeType(ctx: SerializeContext, type: Db['volume_types'][number]): Json {
  return {
    url: link(ctx, 'openstack-volume-types', type.uuid),
    uuid: type.uuid,
    name: type.name,
    description: type.description,
    settings: link(ctx, 'service-settings', type.settings_uuid),
  };
}

export function serializeAvailabilityZone(
  ctx: SerializeContext,
  zone: Db['availability_zones'][number],
): Json {
  return {
    url: link(ctx, 'openstack-volume-availability-zones', zone.uuid),
    uuid: zone.uuid,
    name: zone.name,
    settings: link(ctx, 'service-settings', zone.settings_uuid),
    available: zone.available,
  };
}

export function serializeImage(ctx: SerializeContext, image: Db['images'][number]): Json {
  return {
    url: link(ctx, 'openstack-images', image.uuid),
    uuid: image.uuid,
    name: image.name,
    settings: link(ctx, 'service-settings', image.settings_uuid),
    min_disk: image.min_disk,
    min_ram: image.min_ram,
  };
}

export function serializeCustomer(ctx: SerializeContext, customer: Db['customers'][number]): Json {
  return {
    url: link(ctx, 'customers', customer.uuid),
    uuid: customer.uuid,
    created: customer.created,
    display_name: customer.abbreviation
      ? `${customer.name} / ${customer.abbreviation}`
      : customer.name,
    projects_count: ctx.db.projects.filter((p) => p.customer_uuid === customer.uuid).length,
    name: customer.name,
    native_name: customer.native_name,
    abbreviation: customer.abbreviation,
    description: '',
  };
}

export function serializeProject(ctx: SerializeContext, project: Db['projects'][number]): Json {
  const customer = find(ctx.db.customers, project.customer_uuid);
  return {
    url: link(ctx, 'projects', project.uuid),
    uuid: project.uuid,
    name: project.name,
    customer: customer ? link(ctx, 'customers', customer.uuid) : '',
    customer_uuid: customer?.uuid,
    customer_name: customer?.name ?? '',
    customer_native_name: customer?.native_name ?? '',
    customer_abbreviation: customer?.abbreviation ?? '',
    description: '',
    created: project.created,
    // A `DateField`: `2026-12-20`, or null for a project that started whenever it was made.
    start_date: project.start_date ?? null,
  };
}

/** Tenant records carry no state or `tenant_uuid` of their own: the resource shape Waldur shows. */
export function tenantAsResource(tenant: TenantRecord): TenantRecord & ResourceBase {
  return {
    ...tenant,
    description: '',
    tenant_uuid: tenant.uuid,
    state: 'OK',
    runtime_state: 'ACTIVE',
    action: '',
    action_details: {},
    error_message: '',
    error_traceback: '',
    modified: tenant.created,
    marketplace: tenant.marketplace ?? null,
  };
}

/**
 * `OpenStackTenantSerializer`: its quotas (usage from its volumes and snapshots, ./quotas), and,
 * from its own marketplace resource, `marketplace_plan_uuid`: the plan Waldur bills it by.
 */
export function serializeTenant(ctx: SerializeContext, tenant: TenantRecord): Json {
  return {
    ...resourceFields(ctx, 'openstack-tenants', tenantAsResource(tenant), 'OpenStack.Tenant'),
    quotas: tenantQuotas(ctx.db, tenant),
    default_volume_type_name: tenant.default_volume_type_name,
    ...marketplaceFields(tenant.marketplace ?? null),
  };
}

export function serializeUser(ctx: SerializeContext, user: UserRecord): Json {
  return {
    url: link(ctx, 'users', user.uuid),
    uuid: user.uuid,
    username: user.username,
    full_name: user.full_name,
    native_name: '',
    email: user.email,
    is_staff: user.is_staff,
    is_active: user.is_active,
    is_support: user.is_support,
    token: user.token,
    token_lifetime: 3600,
    date_joined: user.date_joined,
    permissions: user.roles.map((role) => {
      const project = find(ctx.db.projects, role.scope_uuid);
      const customer = find(ctx.db.customers, project ? project.customer_uuid : role.scope_uuid);
      return {
        user_uuid: user.uuid,
        user_name: user.full_name,
        created: role.created,
        expiration_time: null,
        role_name: role.role,
        scope_type: project ? 'project' : 'customer',
        scope_uuid: role.scope_uuid,
        scope_name: project?.name ?? customer?.name ?? '',
        customer_uuid: customer?.uuid,
        customer_name: customer?.name ?? '',
      };
    }),
    first_name: user.full_name.split(' ')[0],
    last_name: user.full_name.split(' ').slice(1).join(' '),
  };
}
