// The demo world's fixed ingredients: names, sizes, images, flavours, and the failures a real
// deployment shows in its volumes' error messages and tracebacks. From these, the seed makes
// 4 customers, 6 projects with one OpenStack tenant each, 24 instances, 3 volume types per tenant,
// 250 volumes covering every state and the common Cinder runtime states, and their snapshots.

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
