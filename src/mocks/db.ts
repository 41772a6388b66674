// The demo backend's records: what Waldur keeps in its database, reduced to what the volume console's
// endpoints serialise. Relations are UUIDs; the serializers turn them into Waldur's absolute hyperlinks.
// Everything here is plain JSON so the whole database can be saved to localStorage in the browser.
export interface CustomerRecord {
  uuid: string;
  name: string;
  abbreviation: string;
  native_name: string;
  created: string;
}

export interface ProjectRecord {
  uuid: string;
  name: string;
  customer_uuid: string;
  created: string;
  /** `Project.start_date` (a date, `2026-12-20`): orders wait in `pending-project` until then. */
  start_date?: string | null;
}

export interface ServiceSettingsRecord {
  uuid: string;
  name: string;
  state: 'OK' | 'ERRED';
  error_message: string;
}

export interface TenantRecord {
  uuid: string;
  name: string;
  project_uuid: string;
  service_settings_uuid: string;
  backend_id: string;
  created: string;
  /** Quota limits; -1 is unlimited. `storage` is MiB, `gigabytes_<type>` GiB, `snapshots` a count. */
  quota_limits: Record<string, number>;
  /** Nova zone → Cinder zone; when set, attach checks it. */
  valid_availability_zones: Record<string, string>;
  /** The type Cinder gets for a volume ordered without one (`backend.py` `create_volume`). */
  default_volume_type_name: string;
  /**
   * The tenant's own marketplace resource (of its `OpenStack.Tenant` offering): its `plan_uuid` is
   * the plan Waldur bills the tenant's limits by (`BaseResourceSerializer`'s `marketplace_*`).
   */
  marketplace?: MarketplaceInfo | null;
}

export interface VolumeTypeRecord {
  uuid: string;
  name: string;
  description: string;
  settings_uuid: string;
  tenant_uuids: string[];
}

export interface AvailabilityZoneRecord {
  uuid: string;
  name: string;
  settings_uuid: string;
  tenant_uuid: string;
  available: boolean;
}

export interface MarketplaceInfo {
  offering_uuid: string;
  offering_name: string;
  category_uuid: string;
  category_name: string;
  resource_uuid: string;
  plan_uuid: string | null;
  resource_state: string;
  is_usage_based: boolean;
  is_limit_based: boolean;
  /** The offering's `plugin_options` (a tenant's: its `storage_mode`); `{}` when absent. */
  offering_plugin_options?: Record<string, unknown>;
}

export interface ResourceBase {
  uuid: string;
  name: string;
  description: string;
  project_uuid: string;
  tenant_uuid: string;
  service_settings_uuid: string;
  state: string;
  runtime_state: string;
  action: string;
  action_details: Record<string, unknown>;
  error_message: string;
  error_traceback: string;
  backend_id: string | null;
  created: string;
  modified: string;
  marketplace: MarketplaceInfo | null;
}

export interface InstanceRecord extends ResourceBase {
  availability_zone_name: string | null;
  image_name: string;
  flavor_name: string;
  cores: number;
  ram: number;
  disk: number;
  internal_ips: string[];
  external_ips: string[];
  start_time: string | null;
}

export interface VolumeRecord extends ResourceBase {
  size: number;
  bootable: boolean;
  type_uuid: string | null;
  availability_zone_uuid: string | null;
  instance_uuid: string | null;
  device: string;
  image: { uuid: string; name: string } | null;
  image_metadata: Record<string, unknown>;
  source_snapshot_uuid: string | null;
  metadata: Record<string, unknown>;
  extend_enabled: boolean;
  /** Cinder's bootable flag when Waldur's differs (a change Waldur saved but never sent). */
  cinder_bootable?: boolean;
}

export interface SnapshotRecord extends ResourceBase {
  source_volume_uuid: string | null;
  size: number;
  metadata: Record<string, unknown>;
  kept_until: string | null;
}

/** An image of a tenant's Glance (`openstack-images`): a bootable volume can start from one. */
export interface ImageRecord {
  uuid: string;
  name: string;
  settings_uuid: string;
  /** MiB, as Waldur stores it. */
  min_disk: number;
  min_ram: number;
}

/**
 * A plan of a tenant offering (`marketplace.Plan`), the price list Waldur bills a tenant's limits
 * by. Volume offerings own none: they show their parent's (pricing.md §2).
 */
export interface PlanRecord {
  uuid: string;
  name: string;
  description: string;
  /** `UnitPriceMixin.unit`: what one price is for (`day` unless set). */
  unit: 'month' | 'half_month' | 'day' | 'hour' | 'quantity';
  /** A Decimal (the sum of fixed components; a tenant has none): DRF sends it as a string. */
  unit_price: string;
  /** "Forbids creation of new resources"; still listed (`get_plans_available_for_user`). */
  archived: boolean;
  /**
   * `PlanComponent.price` per component type, per unit of the component (a core, a GiB) per
   * `unit`. A type without a `PlanComponent` is absent.
   */
  prices: Record<string, number>;
}

/** An `OfferingComponent` of a tenant offering: what its plans can price. */
export interface OfferingComponentRecord {
  uuid: string;
  type: string;
  name: string;
  description: string;
  measured_unit: string;
  billing_type: 'fixed' | 'usage' | 'limit' | 'one' | 'few';
}

/**
 * A marketplace offering. Every tenant gets a private "Volume in <tenant>" offering of type
 * `OpenStack.Volume` (and one for instances); orders for volumes go to it (contract-lifecycle §2.1).
 * Their parent is the tenant's `OpenStack.Tenant` offering, which owns the plans and components.
 */
export interface OfferingRecord {
  uuid: string;
  name: string;
  type: 'OpenStack.Volume' | 'OpenStack.Instance' | 'OpenStack.Tenant';
  /** The tenant it serves (a tenant offering: the tenant bought from it). */
  tenant_uuid: string;
  customer_uuid: string;
  project_uuid: string;
  shared: boolean;
  /**
   * Private (`not billable and not shared`) offerings skip consumer review for project admins and
   * managers; a billable one needs a customer owner's (or staff's) approval (§2.6).
   */
  billable: boolean;
  state: 'Active' | 'Paused' | 'Archived';
  created: string;
  /** A volume or instance offering's tenant offering (`Offering.parent`). */
  parent_uuid?: string | null;
  /** Its own plans: a tenant offering's; none for a volume offering. */
  plans?: PlanRecord[];
  /** Its own components: a tenant offering's. */
  components?: OfferingComponentRecord[];
  /** A tenant offering's `plugin_options` (`storage_mode`). */
  plugin_options?: { storage_mode?: 'fixed' | 'dynamic' };
}

/** A marketplace resource: the order side of a volume; `scope_uuid` is the volume once it exists. */
export interface MarketplaceResourceRecord {
  uuid: string;
  name: string;
  offering_uuid: string;
  project_uuid: string;
  /** Title case: Creating, OK, Erred, Updating, Terminating, Terminated. */
  state: string;
  scope_uuid: string | null;
  created: string;
  modified: string;
}

/** A marketplace order (`Create` or `Terminate`) and where it stands. */
export interface OrderRecord {
  uuid: string;
  type: 'Create' | 'Terminate';
  /** pending-consumer, pending-project, executing, done, erred, canceled, rejected. */
  state: string;
  offering_uuid: string;
  project_uuid: string;
  resource_uuid: string;
  resource_name: string;
  attributes: Record<string, unknown>;
  created_by: string;
  consumer_reviewed_by: string | null;
  consumer_reviewed_at: string | null;
  error_message: string;
  error_traceback: string;
  created: string;
  modified: string;
  completed_at: string | null;
}

/**
 * An entry of Waldur's event log. `feed` lists the objects (volumes, marketplace resources, orders,
 * snapshots) whose history shows it; `context` holds the event's own keys, and the project's and
 * customer's are added when it is read.
 */
export interface EventRecord {
  uuid: string;
  created: string;
  event_type: string;
  message: string;
  feed: string[];
  project_uuid: string | null;
  context: Record<string, unknown>;
}

/** Waldur's role names as `users/me` reports them in `permissions[].role_name`. */
export type Role = 'PROJECT.ADMIN' | 'PROJECT.MANAGER' | 'PROJECT.MEMBER' | 'CUSTOMER.OWNER';

export interface UserRecord {
  uuid: string;
  username: string;
  full_name: string;
  email: string;
  is_staff: boolean;
  is_support: boolean;
  is_active: boolean;
  token: string;
  /** Per-project or per-customer roles; staff and support see everything regardless. */
  roles: { scope_uuid: string; role: Role; created: string }[];
  date_joined: string;
}

/** A step the backend's task queue will apply later, by `DemoBackend.tick()` (see ../tasks.ts). */
export interface Job {
  id: number;
  at: number;
  step:
    | 'volume:begin'
    | 'volume:runtime'
    | 'volume:finish'
    | 'volume:fail'
    | 'volume:gone'
    | 'order:process'
    | 'order:release'
    | 'instance:begin'
    | 'instance:finish'
    | 'instance:fail'
    | 'snapshot:begin'
    | 'snapshot:finish'
    | 'snapshot:fail'
    | 'snapshot:deleting'
    | 'snapshot:gone';
  /** The UUID of the volume, instance, snapshot or order the step changes. */
  target: string;
  /** The operation it belongs to: `attach`, `detach`, `extend`, `retype`, `pull`, `update`, … */
  operation: string;
  /** When set, the step fails with this message (see failure injection). */
  failure?: string;
  data?: Record<string, unknown>;
}

export interface FailureRule {
  /** The volume operation that fails: `attach`, `detach`, `extend`, `retype`, `pull`, `update`, `snapshot`, or `*`. */
  operation: string;
  volume_uuid?: string;
  message?: string;
  /** How many more times it fires; omitted means every time. */
  remaining?: number;
}

export interface Db {
  version: number;
  customers: CustomerRecord[];
  projects: ProjectRecord[];
  service_settings: ServiceSettingsRecord[];
  tenants: TenantRecord[];
  volume_types: VolumeTypeRecord[];
  availability_zones: AvailabilityZoneRecord[];
  instances: InstanceRecord[];
  volumes: VolumeRecord[];
  snapshots: SnapshotRecord[];
  images: ImageRecord[];
  offerings: OfferingRecord[];
  marketplace_resources: MarketplaceResourceRecord[];
  orders: OrderRecord[];
  events: EventRecord[];
  users: UserRecord[];
  jobs: Job[];
  next_job_id: number;
  failures: FailureRule[];
}

export const DB_VERSION = 5;

/** A new object's UUID, as Waldur writes it: hex without dashes. */
export const newUuid = () => crypto.randomUUID().replaceAll('-', '');

/** What every resource starts as when it is created: scheduled, with no backend yet. */
export function newResourceRecord(
  fields: Pick<
    ResourceBase,
    'name' | 'description' | 'project_uuid' | 'tenant_uuid' | 'service_settings_uuid'
  >,
  now: string,
): Omit<ResourceBase, 'marketplace'> {
  return {
    uuid: newUuid(),
    ...fields,
    state: 'CREATION_SCHEDULED',
    runtime_state: '',
    action: '',
    action_details: {},
    error_message: '',
    error_traceback: '',
    backend_id: null,
    created: now,
    modified: now,
  };
}

/**
 * A new marketplace order by `user`. `approved` when the user needs no consumer review: it then
 * starts executing at once, reviewed by its own author.
 */
export function newOrderRecord(
  fields: Pick<
    OrderRecord,
    'type' | 'offering_uuid' | 'project_uuid' | 'resource_uuid' | 'resource_name' | 'attributes'
  >,
  user: string,
  approved: boolean,
  now: string,
): OrderRecord {
  return {
    uuid: newUuid(),
    ...fields,
    state: approved ? 'executing' : 'pending-consumer',
    created_by: user,
    consumer_reviewed_by: approved ? user : null,
    consumer_reviewed_at: approved ? now : null,
    error_message: '',
    error_traceback: '',
    created: now,
    modified: now,
    completed_at: null,
  };
}
