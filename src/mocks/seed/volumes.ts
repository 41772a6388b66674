// 250 volumes: a system volume for every instance, volumes in every state and common Cinder
// runtime state the UI must show (erred ones with messages and tracebacks, stuck ones), and
// ordinary data volumes, some attached.
import type { InstanceRecord, TenantRecord, VolumeRecord } from '../db';
import {
  DAY,
  ERRORS,
  HOUR,
  IMAGES,
  MINUTE,
  NAME_PREFIXES,
  SEED_VOLUME_COUNT,
  SIZES,
  SPECIAL_VOLUMES,
  TRACEBACK,
} from './catalogue';
import { resourceBase, type SeedContext } from './context';
import { type Organisations, typesOf, zoneOf } from './organisations';

export function seedVolumes(
  ctx: SeedContext,
  orgs: Organisations,
  instances: InstanceRecord[],
): VolumeRecord[] {
  const { random, ago } = ctx;
  const { tenants } = orgs;
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
    const types = typesOf(orgs, tenant);
    const type = random.chance(0.1) ? null : random.pick(types);
    const zone = random.chance(0.15) ? null : zoneOf(orgs, tenant, 'nova');
    const volume: VolumeRecord = {
      ...resourceBase(ctx, tenant, name, state, runtime_state),
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
    volume.type_uuid = typesOf(orgs, tenant).find((t) => t.name === 'ssd')!.uuid;
    volume.availability_zone_uuid = zoneOf(orgs, tenant, 'nova').uuid;
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
  let index = 0;
  while (volumes.length < SEED_VOLUME_COUNT) {
    const tenant = tenants[index % tenants.length]!;
    const special = SPECIAL_VOLUMES[index];
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
  return volumes;
}
