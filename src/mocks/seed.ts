import {
  type AvailabilityZoneRecord,
  type CustomerRecord,
  DB_VERSION,
  type Db,
  type InstanceRecord,
  type MarketplaceInfo,
  type ProjectRecord,
  type ServiceSettingsRecord,
  type SnapshotRecord,
  type TenantRecord,
  type UserRecord,
  type VolumeRecord,
  type VolumeTypeRecord,
} from './db';
import { createRandom, type Random } from './random';

/**
 * The demo's starting data: 4 customers, 6 projects with one OpenStack tenant each, 24 instances,
 * 3 volume types per tenant, 250 volumes covering every state and the common Cinder runtime states,
 * and their snapshots. Deterministic: the same seed and `now` always give the same database.
 */
export const DEFAULT_SEED = 20261126;
export const SEED_VOLUME_COUNT = 250;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const GIB = 1024;

/** Waldur writes datetimes with microseconds: 2020-07-02T21:14:46.209733Z. */
export function isoMicro(ms: number): string {
  const micros = String(Math.abs(Math.floor(ms * 7)) % 1000).padStart(3, '0');
  return new Date(ms).toISOString().replace('Z', `${micros}Z`);
}

const CUSTOMERS = [
  { name: 'Alpha Research Institute', abbreviation: 'ARI', native_name: 'Alfa Uurimisinstituut' },
  { name: 'Borealis Analytics', abbreviation: 'BOR', native_name: '' },
  { name: 'Cobalt Genomics', abbreviation: 'CBG', native_name: '' },
  { name: 'Delta Space Agency', abbreviation: 'DSA', native_name: 'Delta Kosmoseagentuur' },
];

/** [customer index, project name, tenant name] */
const PROJECTS: [number, string, string][] = [
  [0, 'Climate Models', 'climate-models'],
  [0, 'Ocean Sensors', 'ocean-sensors'],
  [1, 'Retail Forecasts', 'retail-forecasts'],
  [1, 'Fraud Detection', 'fraud-detection'],
  [2, 'Sequencing Pipeline', 'sequencing'],
  [3, 'Telemetry Archive', 'telemetry'],
];

/** Index of the tenant whose storage quota is nearly used up, so extend can meet a quota error. */
export const TIGHT_QUOTA_TENANT = 3;
/** Index of the tenant that maps Nova zones to Cinder zones, so attach can meet a zone error. */
const ZONED_TENANT = 4;

const VOLUME_TYPES = [
  { name: 'ssd', description: 'Replicated SSD (Ceph, 3 copies)' },
  { name: 'hdd', description: 'Capacity HDD for archives' },
  { name: 'nvme', description: 'Local NVMe, not replicated' },
];

const IMAGES = ['Ubuntu 24.04 LTS', 'Rocky Linux 9.5', 'Debian 12', 'AlmaLinux 9'];
const FLAVORS = [
  { name: 'm1.small', cores: 1, ram: 2048, disk: 20480 },
  { name: 'm1.medium', cores: 2, ram: 4096, disk: 40960 },
  { name: 'm1.large', cores: 4, ram: 8192, disk: 81920 },
  { name: 'c1.xlarge', cores: 8, ram: 16384, disk: 81920 },
];

const INSTANCE_ROLES = ['web', 'db', 'worker', 'batch'];

/** The fourth instance of each tenant varies, so every instance state the UI must handle exists. */
const ODD_INSTANCES: { state: string; runtime_state: string; action?: string }[] = [
  { state: 'ERRED', runtime_state: 'ERROR' },
  { state: 'CREATING', runtime_state: 'BUILDING' },
  { state: 'OK', runtime_state: 'PAUSED' },
  { state: 'UPDATING', runtime_state: 'ACTIVE', action: 'Resize' },
  { state: 'OK', runtime_state: 'SHUTOFF' },
  { state: 'OK', runtime_state: 'SUSPENDED' },
];

const NAME_PREFIXES = [
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

const SIZES = [
  1024, 2048, 5120, 10240, 10240, 20480, 20480, 51200, 102400, 1536, 3584, 204800, 512000,
];

const TRACEBACK = (message: string, frame: string) => `Traceback (most recent call last):
  File "/usr/src/waldur/src/waldur_core/core/tasks.py", line 255, in execute
    return getattr(backend, self.backend_method)(*args, **kwargs)
  File "/usr/src/waldur/src/waldur_openstack/backend.py", line ${frame}
    raise OpenStackBackendError(e)
waldur_openstack.exceptions.OpenStackBackendError: ${message}
`;

const ERRORS: { runtime_state: string; message: string; frame: string }[] = [
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

function marketplace(random: Random, state: string): MarketplaceInfo | null {
  if (random.chance(0.12)) return null; // imported volumes have no marketplace resource
  const resource_state =
    state === 'OK'
      ? 'OK'
      : state === 'ERRED'
        ? 'Erred'
        : state.startsWith('CREAT')
          ? 'Creating'
          : state.startsWith('DELET')
            ? 'Terminating'
            : 'Updating';
  return {
    offering_uuid: 'a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d',
    offering_name: 'OpenStack volumes (Tartu)',
    category_uuid: '6dfc3a0b2b8b4d1f9a1e5c7d9b3f2e10',
    category_name: 'Block storage',
    resource_uuid: random.uuid(),
    plan_uuid: random.chance(0.5) ? 'f0e1d2c3b4a54968a7b6c5d4e3f2a1b0' : null,
    resource_state,
    is_usage_based: false,
    is_limit_based: true,
  };
}

export function createSeedDb(now: number, seed: number = DEFAULT_SEED): Db {
  const random = createRandom(seed);
  const ago = (min: number, max: number) => isoMicro(now - random.int(min, max));

  const customers: CustomerRecord[] = CUSTOMERS.map((c) => ({
    uuid: random.uuid(),
    ...c,
    created: ago(400 * DAY, 900 * DAY),
  }));

  const projects: ProjectRecord[] = PROJECTS.map(([customer, name]) => ({
    uuid: random.uuid(),
    name,
    customer_uuid: customers[customer]!.uuid,
    created: ago(200 * DAY, 400 * DAY),
  }));

  const service_settings: ServiceSettingsRecord[] = PROJECTS.map(([, , tenant], index) => ({
    uuid: random.uuid(),
    name: `Tartu cloud / ${tenant}`,
    state: index === 5 ? 'ERRED' : 'OK',
    error_message:
      index === 5
        ? 'Unable to authenticate in Keystone: The request you have made requires authentication. (HTTP 401)'
        : '',
  }));

  const tenants: TenantRecord[] = PROJECTS.map(([, , name], index) => ({
    uuid: random.uuid(),
    name,
    project_uuid: projects[index]!.uuid,
    service_settings_uuid: service_settings[index]!.uuid,
    backend_id: random.hex(32),
    created: ago(150 * DAY, 200 * DAY),
    quota_limits: { storage: 10 * 1024 * GIB, snapshots: 100 },
    valid_availability_zones:
      index === ZONED_TENANT
        ? ({ nova: 'nova', 'zone-b': 'zone-b' } as Record<string, string>)
        : {},
  }));

  const volume_types: VolumeTypeRecord[] = [];
  const availability_zones: AvailabilityZoneRecord[] = [];
  for (const tenant of tenants) {
    for (const type of VOLUME_TYPES) {
      volume_types.push({
        uuid: random.uuid(),
        ...type,
        settings_uuid: tenant.service_settings_uuid,
        tenant_uuids: [tenant.uuid],
      });
    }
    for (const zone of ['nova', 'zone-b']) {
      availability_zones.push({
        uuid: random.uuid(),
        name: zone,
        settings_uuid: tenant.service_settings_uuid,
        tenant_uuid: tenant.uuid,
        available: true,
      });
    }
  }
  const typesOf = (tenant: TenantRecord) =>
    volume_types.filter((t) => t.tenant_uuids.includes(tenant.uuid));
  const zoneOf = (tenant: TenantRecord, name: string) =>
    availability_zones.find((z) => z.tenant_uuid === tenant.uuid && z.name === name)!;

  const base = (tenant: TenantRecord, name: string, state: string, runtime_state: string) => ({
    uuid: random.uuid(),
    name,
    description: '',
    project_uuid: tenant.project_uuid,
    tenant_uuid: tenant.uuid,
    service_settings_uuid: tenant.service_settings_uuid,
    state,
    runtime_state,
    action: '',
    action_details: {},
    error_message: '',
    error_traceback: '',
    backend_id: random.uuid().replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
    created: ago(2 * DAY, 300 * DAY),
    modified: ago(HOUR, 2 * DAY),
    marketplace: marketplace(random, state),
  });

  const instances: InstanceRecord[] = [];
  tenants.forEach((tenant, t) => {
    for (let j = 0; j < 4; j++) {
      const odd = j === 3 ? ODD_INSTANCES[t]! : null;
      const state = odd?.state ?? 'OK';
      const runtime_state = odd?.runtime_state ?? (j === 1 ? 'SHUTOFF' : 'ACTIVE');
      const flavor = random.pick(FLAVORS);
      const number = String(instances.length + 1).padStart(2, '0');
      const instance: InstanceRecord = {
        ...base(tenant, `${INSTANCE_ROLES[j]}-${number}`, state, runtime_state),
        action: odd?.action ?? '',
        availability_zone_name: t === ZONED_TENANT && j === 2 ? 'zone-b' : 'nova',
        image_name: random.pick(IMAGES),
        flavor_name: flavor.name,
        cores: flavor.cores,
        ram: flavor.ram,
        disk: flavor.disk,
        internal_ips: [`10.${t}.0.${10 + j}`],
        external_ips: j === 0 ? [`193.40.${t}.${100 + j}`] : [],
        start_time: state === 'OK' ? ago(DAY, 30 * DAY) : null,
      };
      if (state === 'ERRED') {
        instance.error_message = 'Instance runtime state become erred: ERROR';
      }
      if (state === 'CREATING') instance.backend_id = null;
      instances.push(instance);
    }
  });

  const volumes: VolumeRecord[] = [];
  const nameCounters = new Map<string, number>();
  const nextName = (prefix: string) => {
    const n = (nameCounters.get(prefix) ?? 0) + 1;
    nameCounters.set(prefix, n);
    return `${prefix}-${String(n).padStart(2, '0')}`;
  };
  const tenantOf = (uuid: string) => tenants.find((t) => t.uuid === uuid)!;
  const devicesInUse = new Map<string, number>();
  const nextDevice = (instanceUuid: string) => {
    const used = devicesInUse.get(instanceUuid) ?? 0;
    devicesInUse.set(instanceUuid, used + 1);
    return `/dev/vd${'abcdefghijklmnop'[used] ?? 'z'}`;
  };

  const makeVolume = (tenant: TenantRecord, name: string, state: string, runtime_state: string) => {
    const types = typesOf(tenant);
    const type = random.chance(0.1) ? null : random.pick(types);
    const zone = random.chance(0.15) ? null : zoneOf(tenant, 'nova');
    const volume: VolumeRecord = {
      ...base(tenant, name, state, runtime_state),
      size: random.pick(SIZES),
      bootable: false,
      type_uuid: type?.uuid ?? null,
      availability_zone_uuid: zone?.uuid ?? null,
      instance_uuid: null,
      device: '',
      image: null,
      image_metadata: {},
      source_snapshot_uuid: null,
      metadata: {},
      extend_enabled: true,
    };
    if (random.chance(0.3)) {
      volume.description = random.pick([
        'Primary data disk',
        'Nightly dumps, kept for 14 days',
        'Scratch space for batch jobs; safe to wipe',
        'Write-ahead log for the main PostgreSQL cluster',
        'Raw instrument data (read-only after ingest)',
      ]);
    }
    if (random.chance(0.25)) {
      volume.metadata = {
        owner: random.pick(['mari', 'jaan', 'kati', 'ops']),
        purpose: random.pick(['db', 'ml', 'etl']),
      };
    }
    volumes.push(volume);
    return volume;
  };

  // 1. A system (boot) volume for every instance.
  for (const instance of instances) {
    const tenant = tenantOf(instance.tenant_uuid);
    const creating = instance.state === 'CREATING';
    const volume = makeVolume(
      tenant,
      `${instance.name}-system`,
      creating ? 'CREATING' : 'OK',
      creating ? 'creating' : 'in-use',
    );
    volume.bootable = true;
    volume.size = random.pick([20480, 40960, 81920]);
    volume.type_uuid = typesOf(tenant).find((t) => t.name === 'ssd')!.uuid;
    volume.availability_zone_uuid = zoneOf(tenant, 'nova').uuid;
    volume.image = { uuid: random.uuid(), name: instance.image_name };
    volume.image_metadata = {
      os_distro: instance.image_name.split(' ')[0]!.toLowerCase(),
      hw_disk_bus: 'virtio',
    };
    if (!creating) {
      volume.instance_uuid = instance.uuid;
      volume.device = nextDevice(instance.uuid);
    } else {
      volume.backend_id = null;
    }
  }

  // 2. Volumes in every state the UI must show, then ordinary data volumes up to 250.
  type Special = {
    state: string;
    runtime_state: string;
    action?: string;
    message?: string;
    error?: number;
  };
  const specials: Special[] = [
    ...ERRORS.map((e, i) => ({ state: 'ERRED', runtime_state: e.runtime_state, error: i })),
    ...ERRORS.map((e, i) => ({ state: 'ERRED', runtime_state: e.runtime_state, error: i })),
    { state: 'CREATION_SCHEDULED', runtime_state: '' },
    { state: 'CREATION_SCHEDULED', runtime_state: '' },
    { state: 'CREATION_SCHEDULED', runtime_state: '' },
    { state: 'CREATING', runtime_state: 'creating' },
    { state: 'CREATING', runtime_state: 'creating' },
    { state: 'CREATING', runtime_state: 'downloading' },
    { state: 'CREATING', runtime_state: 'creating' },
    {
      state: 'UPDATE_SCHEDULED',
      runtime_state: 'available',
      action: 'Extend',
      message: 'Extend volume from 10240 MB to 20480 MB',
    },
    { state: 'UPDATE_SCHEDULED', runtime_state: 'available', action: 'Retype' },
    { state: 'UPDATE_SCHEDULED', runtime_state: 'in-use', action: 'Pull' },
    {
      state: 'UPDATING',
      runtime_state: 'extending',
      action: 'Extend',
      message: 'Extend volume from 5120 MB to 10240 MB',
    },
    {
      state: 'UPDATING',
      runtime_state: 'attaching',
      action: 'Attach',
      message: 'Attach volume to instance web-01',
    },
    {
      state: 'UPDATING',
      runtime_state: 'detaching',
      action: 'Detach',
      message: 'Detach volume from instance db-02',
    },
    { state: 'UPDATING', runtime_state: 'retyping', action: 'Retype' },
    { state: 'UPDATING', runtime_state: 'available', action: 'Pull' },
    { state: 'DELETION_SCHEDULED', runtime_state: 'available' },
    { state: 'DELETION_SCHEDULED', runtime_state: 'available' },
    { state: 'DELETING', runtime_state: 'deleting' },
    { state: 'DELETING', runtime_state: 'deleting' },
    { state: 'OK', runtime_state: 'maintenance' },
    { state: 'OK', runtime_state: 'backing-up' },
    { state: 'OK', runtime_state: 'error' },
    { state: 'OK', runtime_state: 'reserved' },
    { state: 'OK', runtime_state: 'uploading' },
  ];

  let index = 0;
  while (volumes.length < SEED_VOLUME_COUNT) {
    const tenant = tenants[index % tenants.length]!;
    const special = specials[index];
    index += 1;
    const prefix = random.pick(NAME_PREFIXES);
    if (special) {
      const volume = makeVolume(tenant, nextName(prefix), special.state, special.runtime_state);
      if (special.action) {
        volume.action = special.action;
        volume.action_details = special.message ? { message: special.message } : {};
      }
      if (special.error !== undefined) {
        const error = ERRORS[special.error]!;
        volume.error_message = error.message;
        volume.error_traceback = TRACEBACK(error.message, error.frame);
      }
      if (special.state === 'CREATION_SCHEDULED') {
        volume.backend_id = null;
        volume.modified = volume.created = ago(MINUTE, 20 * MINUTE);
      } else if (special.state !== 'OK' && special.state !== 'ERRED') {
        // Half are recent, half have been stuck for hours (support's "Stuck" view finds those).
        volume.modified = index % 2 === 0 ? ago(MINUTE, 10 * MINUTE) : ago(2 * HOUR, 3 * DAY);
      }
      if (special.runtime_state === 'detaching' || special.runtime_state === 'in-use') {
        const instance = instances.find((i) => i.tenant_uuid === tenant.uuid && i.state === 'OK')!;
        volume.instance_uuid = instance.uuid;
        volume.device = nextDevice(instance.uuid);
      }
      if (special.action === 'Attach') {
        volume.instance_uuid = instances.find(
          (i) => i.tenant_uuid === tenant.uuid && i.state === 'OK',
        )!.uuid;
      }
      continue;
    }
    const candidates = instances.filter(
      (i) =>
        i.tenant_uuid === tenant.uuid &&
        i.state === 'OK' &&
        ['ACTIVE', 'SHUTOFF'].includes(i.runtime_state),
    );
    const attach = random.chance(0.4) && candidates.length > 0;
    const volume = makeVolume(tenant, nextName(prefix), 'OK', attach ? 'in-use' : 'available');
    if (attach) {
      const instance = random.pick(candidates);
      volume.instance_uuid = instance.uuid;
      volume.device = nextDevice(instance.uuid);
    } else if (random.chance(0.06)) {
      volume.bootable = true;
      volume.image = { uuid: random.uuid(), name: random.pick(IMAGES) };
      volume.image_metadata = { hw_disk_bus: 'virtio' };
    }
    if (random.chance(0.03)) volume.backend_id = null; // imported before Cinder knew it: pull refuses
  }

  // Instance names used in seeded action messages must match real instances of that tenant.
  for (const volume of volumes) {
    const message = volume.action_details.message;
    if (typeof message === 'string' && volume.instance_uuid && /instance /.test(message)) {
      const instance = instances.find((i) => i.uuid === volume.instance_uuid)!;
      volume.action_details = {
        message: message.replace(/instance .*$/, `instance ${instance.name}`),
      };
    }
  }

  // 3. Snapshots: 24 volumes have a series of two or three (nightlies, before-upgrade copies).
  const snapshots: SnapshotRecord[] = [];
  const snapshotSources = volumes.filter((v) => v.state === 'OK' && !v.bootable);
  for (let i = 0; i < 64; i++) {
    const source = snapshotSources[((i % 24) * 7) % snapshotSources.length]!;
    const tenant = tenantOf(source.tenant_uuid);
    const state = i === 5 || i === 40 ? 'ERRED' : i === 12 ? 'CREATING' : 'OK';
    const snapshot: SnapshotRecord = {
      ...base(
        tenant,
        `${source.name}-${i % 3 === 0 ? 'nightly' : 'snap'}-${String(i + 1).padStart(2, '0')}`,
        state,
        state === 'OK' ? 'available' : state === 'ERRED' ? 'error' : 'creating',
      ),
      source_volume_uuid: source.uuid,
      size: source.size,
      metadata: i % 4 === 0 ? { reason: 'before upgrade' } : {},
      kept_until: i % 3 === 0 ? isoMicro(now + random.int(2 * DAY, 60 * DAY)) : null,
    };
    if (state === 'ERRED')
      snapshot.error_message = 'Snapshot creation failed: backend reported error status';
    if (state === 'CREATING') snapshot.backend_id = null;
    snapshots.push(snapshot);
  }
  // A few volumes restored from a snapshot.
  for (let i = 0; i < 4; i++) {
    const snapshot = snapshots[i * 3 + 1]!;
    const volume = volumes.find(
      (v) =>
        v.tenant_uuid === snapshot.tenant_uuid &&
        v.state === 'OK' &&
        !v.bootable &&
        v.source_snapshot_uuid === null &&
        v.uuid !== snapshot.source_volume_uuid,
    );
    if (volume) volume.source_snapshot_uuid = snapshot.uuid;
  }

  // Quotas: plenty of room everywhere except one tenant, which has 10 GiB of storage left.
  tenants.forEach((tenant, t) => {
    const used =
      volumes.filter((v) => v.tenant_uuid === tenant.uuid).reduce((sum, v) => sum + v.size, 0) +
      snapshots.filter((s) => s.tenant_uuid === tenant.uuid).reduce((sum, s) => sum + s.size, 0);
    if (t === TIGHT_QUOTA_TENANT) {
      tenant.quota_limits = {
        storage: used + 10 * GIB,
        snapshots: snapshots.filter((s) => s.tenant_uuid === tenant.uuid).length + 2,
      };
    }
  });

  const users: UserRecord[] = [
    {
      uuid: random.uuid(),
      username: 'alice',
      full_name: 'Alice Tamm',
      email: 'alice@example.org',
      is_staff: true,
      is_support: false,
      is_active: true,
      token: random.hex(40),
      roles: [],
      date_joined: ago(500 * DAY, 800 * DAY),
    },
    {
      uuid: random.uuid(),
      username: 'pat',
      full_name: 'Pat Kask',
      email: 'pat@ari.example.org',
      is_staff: false,
      is_support: false,
      is_active: true,
      token: random.hex(40),
      roles: [0, 1, 2].map((p) => ({
        scope_uuid: projects[p]!.uuid,
        role: 'PROJECT.ADMIN' as const,
        created: ago(30 * DAY, 90 * DAY),
      })),
      date_joined: ago(100 * DAY, 300 * DAY),
    },
    {
      uuid: random.uuid(),
      username: 'sam',
      full_name: 'Sam Saar',
      email: 'sam@support.example.org',
      is_staff: false,
      is_support: true,
      is_active: true,
      token: random.hex(40),
      roles: [],
      date_joined: ago(100 * DAY, 300 * DAY),
    },
  ];

  return {
    version: DB_VERSION,
    customers,
    projects,
    service_settings,
    tenants,
    volume_types,
    availability_zones,
    instances,
    volumes,
    snapshots,
    users,
    jobs: [],
    next_job_id: 1,
    failures: [],
  };
}

/** The three demo users: who each one is, for the persona switcher and for tests. */
export const DEMO_PERSONAS = {
  staff: 'alice',
  admin: 'pat',
  support: 'sam',
} as const;
export type DemoPersona = keyof typeof DEMO_PERSONAS;
