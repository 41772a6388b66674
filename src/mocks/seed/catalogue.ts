// The demo world's fixed ingredients: names, sizes, images, flavours, prices, and the failures a
// real deployment shows in its volumes' error messages and tracebacks. From these, the seed makes
// 4 customers, 6 projects with one OpenStack tenant each, 24 instances, 3 volume types per tenant
// (and Cinder's `__DEFAULT__` as a fourth in one), 250 volumes covering every state and the common
// Cinder runtime states, and their snapshots.

/** The random seed of the demo world. */
export const DEFAULT_SEED = 20261126;
export const SEED_VOLUME_COUNT = 250;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const GIB = 1024;

export const CUSTOMERS = [
  { name: 'Alpha Research Institute', abbreviation: 'ARI', native_name: 'Alfa Uurimisinstituut' },
  { name: 'Borealis Analytics', abbreviation: 'BOR', native_name: '' },
  { name: 'Cobalt Genomics', abbreviation: 'CBG', native_name: '' },
  { name: 'Delta Space Agency', abbreviation: 'DSA', native_name: 'Delta Kosmoseagentuur' },
];

/** [customer index, project name, tenant name] */
export const PROJECTS: [number, string, string][] = [
  [0, 'Climate Models', 'climate-models'],
  [0, 'Ocean Sensors', 'ocean-sensors'],
  [1, 'Retail Forecasts', 'retail-forecasts'],
  [1, 'Fraud Detection', 'fraud-detection'],
  [2, 'Sequencing Pipeline', 'sequencing'],
  [3, 'Telemetry Archive', 'telemetry'],
];

/** Index of the tenant whose storage quota is nearly used up, so extend can meet a quota error. */
export const TIGHT_QUOTA_TENANT = 3;
/**
 * Index of the tenant whose `volumes` quota is stored as 0: Waldur shows it as -1 (like unlimited)
 * and enforces 0, so a new volume there meets Waldur's own quota error (contract-lifecycle E6).
 */
export const ZERO_QUOTA_TENANT = 5;
/** Index of the tenant that maps Nova zones to Cinder zones, so attach can meet a zone error. */
export const ZONED_TENANT = 4;

/**
 * Index of the project whose start the demo can move into the future (the deployment switch
 * `futureProjectStart`): the project admin and the member persona both order there without review.
 */
export const FUTURE_PROJECT = 2;

/** Every tenant's `default_volume_type_name`: the cheap tier, not the first type listed. */
export const DEFAULT_VOLUME_TYPE = 'hdd';

export const VOLUME_TYPES = [
  { name: 'ssd', description: 'Replicated SSD (Ceph, 3 copies)' },
  { name: 'hdd', description: 'Capacity HDD for archives' },
  { name: 'nvme', description: 'Local NVMe, not replicated' },
];

/** Index of the tenant whose `nvme` type has no description (Cinder's description is optional). */
export const UNDESCRIBED_TYPE_TENANT = 5;

/**
 * Cinder's built-in default volume type (Train and later), pulled like any other. One tenant has it
 * as a fourth type, and a few of its older volumes (made without a type) have it.
 */
export const CINDER_DEFAULT_TYPE = { name: '__DEFAULT__', description: 'Default Volume Type' };
/** Index of the tenant that has `__DEFAULT__`. */
export const CINDER_DEFAULT_TYPE_TENANT = 0;
/** How many of that tenant's untyped volumes have `__DEFAULT__` instead. */
export const CINDER_DEFAULT_TYPE_VOLUMES = 2;

// Pricing (pricing.md §1–2): each tenant was bought from its own `OpenStack.Tenant` offering, the
// parent of its volume offering; the plans live there. Prices are per core, per GB of RAM and per
// GiB of storage, per the plan's unit.

/** Index of the tenant whose offering is in dynamic storage mode: priced and limited per type. */
export const DYNAMIC_STORAGE_TENANT = 4;
/** Index of the tenant whose plan is priced per month, with an archived plan sorting before it. */
export const MONTHLY_PLAN_TENANT = 2;
/** Index of the tenant whose plan prices nothing: every price is 0 (a free offering). */
export const FREE_TENANT = 5;
/**
 * Index of the tenant with a volume-type quota tighter than its storage quota: only
 * `TIGHT_TYPE_LEFT` GiB of `gigabytes_<TIGHT_TYPE>` left, and plenty of `storage`.
 */
export const TIGHT_TYPE_TENANT = DYNAMIC_STORAGE_TENANT;
export const TIGHT_TYPE = 'ssd';
export const TIGHT_TYPE_LEFT = 50;

export interface SeedPlan {
  name: string;
  unit: 'month' | 'day';
  archived: boolean;
  prices: Record<string, number>;
}

/** Most tenants: one plan, per day, in fixed storage mode (`storage` priced per GiB). */
export const STANDARD_PLAN: SeedPlan = {
  name: 'Standard',
  unit: 'day',
  archived: false,
  prices: { cores: 0.048, ram: 0.016, storage: 0.0016 },
};

/**
 * The monthly tenant's plans, as Waldur orders them (by name): an archived one first (HomePort's
 * `plans[0]` would take it), then the one the tenant is billed by.
 */
export const MONTHLY_PLANS: SeedPlan[] = [
  {
    name: 'Basic (2024)',
    unit: 'month',
    archived: true,
    prices: { cores: 1.2, ram: 0.4, storage: 0.04 },
  },
  {
    name: 'Standard (monthly)',
    unit: 'month',
    archived: false,
    prices: { cores: 1.44, ram: 0.48, storage: 0.05 },
  },
];

/**
 * The dynamic tenant's plan: `gigabytes_<type>` per GiB per day, and no `storage` price (its
 * offering components exclude `storage` in dynamic mode).
 */
export const DYNAMIC_PLAN: SeedPlan = {
  name: 'Standard (per volume type)',
  unit: 'day',
  archived: false,
  prices: {
    cores: 0.048,
    ram: 0.016,
    gigabytes_ssd: 0.0025,
    gigabytes_hdd: 0.0008,
    gigabytes_nvme: 0.004,
  },
};

/**
 * The free tenant's plan: every component priced 0, as Waldur's `create_plan` leaves a plan whose
 * prices were never set (a `PlanComponent` per component, price 0).
 */
export const FREE_PLAN: SeedPlan = {
  name: 'Research allocation',
  unit: 'day',
  archived: false,
  prices: { cores: 0, ram: 0, storage: 0 },
};

export const IMAGES = ['Ubuntu 24.04 LTS', 'Rocky Linux 9.5', 'Debian 12', 'AlmaLinux 9'];
export const FLAVORS = [
  { name: 'm1.small', cores: 1, ram: 2048, disk: 20480 },
  { name: 'm1.medium', cores: 2, ram: 4096, disk: 40960 },
  { name: 'm1.large', cores: 4, ram: 8192, disk: 81920 },
  { name: 'c1.xlarge', cores: 8, ram: 16384, disk: 81920 },
];

export const INSTANCE_ROLES = ['web', 'db', 'worker', 'batch'];

/** The fourth instance of each tenant varies, so every instance state the UI must handle exists. */
export const ODD_INSTANCES: { state: string; runtime_state: string; action?: string }[] = [
  { state: 'ERRED', runtime_state: 'ERROR' },
  { state: 'CREATING', runtime_state: 'BUILDING' },
  { state: 'OK', runtime_state: 'PAUSED' },
  { state: 'UPDATING', runtime_state: 'ACTIVE', action: 'Resize' },
  { state: 'OK', runtime_state: 'SHUTOFF' },
  { state: 'OK', runtime_state: 'SUSPENDED' },
];

export const NAME_PREFIXES = [
  'data',
  'scratch',
  'pg-data',
  'pg-wal',
  'backup',
  'logs',
  'archive',
  'cache',
  'models',
  'results',
  'home',
  'shared',
  'ingest',
  'mysql',
  'elastic',
  'minio',
  'registry',
  'staging',
];

export const SIZES = [
  1024, 2048, 5120, 10240, 10240, 20480, 20480, 51200, 102400, 1536, 3584, 204800, 512000,
];

export const TRACEBACK = (message: string, frame: string) => `Traceback (most recent call last):
  File "/usr/src/waldur/src/waldur_core/core/tasks.py", line 255, in execute
    return getattr(backend, self.backend_method)(*args, **kwargs)
  File "/usr/src/waldur/src/waldur_openstack/backend.py", line ${frame}
    raise OpenStackBackendError(e)
waldur_openstack.exceptions.OpenStackBackendError: ${message}
`;

export const ERRORS: { runtime_state: string; message: string; frame: string }[] = [
  {
    runtime_state: 'error',
    message: 'Volume (PK: 4127) runtime state become erred: error',
    frame: '1412, in pull_volume_runtime_state',
  },
  {
    runtime_state: 'error_extending',
    message:
      'Invalid input received: New size for extend must be greater than current size. (current: 50, extended: 50) (HTTP 400) (Request-ID: req-6b1c2f0e-9f1d-4c55-8f0e-2f8f6a7c1d3e)',
    frame: '1530, in extend_volume',
  },
  {
    runtime_state: 'error',
    message:
      'No valid host was found. Insufficient free space for volume creation on host ceph@rbd#rbd (requested / avail): 500/312.4',
    frame: '1288, in create_volume',
  },
  {
    runtime_state: 'error_deleting',
    message: 'Volume is busy: volume has dependent snapshots or is still attached (HTTP 400)',
    frame: '1376, in delete_volume',
  },
  {
    runtime_state: 'available',
    message:
      'Unable to connect to Cinder at https://cinder.tartu.example:8776/v3: Read timed out. (read timeout=60)',
    frame: '1412, in pull_volume',
  },
  {
    runtime_state: 'error',
    message:
      "Quota exceeded for resources: ['gigabytes_ssd'] (HTTP 413) (Request-ID: req-31c0a5e7-5a42-4f0e-bb1c-0c6e5f7f2a11)",
    frame: '1288, in create_volume',
  },
];

export interface SpecialVolume {
  state: string;
  runtime_state: string;
  action?: string;
  message?: string;
  error?: number;
}

/** A volume in `state` (and `runtime_state`), in the middle of `action` when one is given. */
function special(state: string, runtime_state: string, action = '', message = ''): SpecialVolume {
  return { state, runtime_state, ...(action ? { action } : {}), ...(message ? { message } : {}) };
}

/** Volumes in every state the UI must show (index 0 of the seed's data volumes onwards). */
export const SPECIAL_VOLUMES: SpecialVolume[] = [
  ...ERRORS.map((e, i) => ({ state: 'ERRED', runtime_state: e.runtime_state, error: i })),
  ...ERRORS.map((e, i) => ({ state: 'ERRED', runtime_state: e.runtime_state, error: i })),
  special('CREATION_SCHEDULED', ''),
  special('CREATION_SCHEDULED', ''),
  special('CREATION_SCHEDULED', ''),
  special('CREATING', 'creating'),
  special('CREATING', 'creating'),
  special('CREATING', 'downloading'),
  special('CREATING', 'creating'),
  special('UPDATE_SCHEDULED', 'available', 'Extend', 'Extend volume from 10240 MB to 20480 MB'),
  special('UPDATE_SCHEDULED', 'available', 'Retype'),
  special('UPDATE_SCHEDULED', 'in-use', 'Pull'),
  special('UPDATING', 'extending', 'Extend', 'Extend volume from 5120 MB to 10240 MB'),
  special('UPDATING', 'attaching', 'Attach', 'Attach volume to instance web-01'),
  special('UPDATING', 'detaching', 'Detach', 'Detach volume from instance db-02'),
  special('UPDATING', 'retyping', 'Retype'),
  special('UPDATING', 'available', 'Pull'),
  special('DELETION_SCHEDULED', 'available'),
  special('DELETION_SCHEDULED', 'available'),
  special('DELETING', 'deleting'),
  special('DELETING', 'deleting'),
  special('OK', 'maintenance'),
  special('OK', 'backing-up'),
  special('OK', 'error'),
  special('OK', 'reserved'),
  special('OK', 'uploading'),
];
