// The volume actions of `VolumeViewSet` (attach, detach, extend, retype, snapshot, pull): each
// one's validators in the backend's order (404, 403, then 409), its serializer's 400s, and what an
// accepted one saves at once before the task queue takes over (contract.md §3).
import type { HandlerContext } from '../backend';
import { isoMicro } from '../clock';
import { newResourceRecord, type SnapshotRecord } from '../db';
import { descriptionMaxLength } from '../deployment';
import { checkQuotas, typeQuota } from '../quotas';
import { conflict, json, listError } from '../responses';
import { serializeSnapshot } from '../serializers';
import { getObjectForChange } from './common';
import { resolveHyperlink } from './hyperlinks';
import { FieldErrors, requireRuntimeState, requireState, validateChar } from './validators';

/** `is_administrator` for unsafe methods: runs after `get_object()`, so 404 comes before 403. */
const getVolumeForChange = (ctx: HandlerContext) =>
  getObjectForChange(ctx, ctx.db.volumes, 'Volume');

/**
 * What attach and retype check before their body, in Waldur's order: the volume (404, 403), that
 * it is available (not attached) and OK (409). Then the body is read.
 */
async function availableVolume(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  requireRuntimeState(volume, 'available');
  requireState(ctx, volume, 'OK');
  return { volume, data: await ctx.backend.readJson(ctx.request), errors: new FieldErrors() };
}

export async function attach(ctx: HandlerContext) {
  const { db } = ctx;
  const { volume, data, errors } = await availableVolume(ctx);
  // The instance queryset is filtered by the user's permissions: invisible instances "do not exist".
  const uuid = resolveHyperlink(errors, data, 'instance', 'openstack-instances', (id) =>
    db.instances.some((i) => i.uuid === id && ctx.backend.canSee(ctx.user, i.project_uuid)),
  );
  const instance = uuid ? db.instances.find((i) => i.uuid === uuid) : undefined;
  if (instance) {
    const tenant = db.tenants.find((t) => t.uuid === volume.tenant_uuid);
    const zones = tenant?.valid_availability_zones ?? {};
    const volumeZone = db.availability_zones.find(
      (z) => z.uuid === volume.availability_zone_uuid,
    )?.name;
    if (instance.state !== 'OK' || !['SHUTOFF', 'ACTIVE'].includes(instance.runtime_state)) {
      errors.add(
        'instance',
        'Volume can be attached only to shutoff or active instance in OK state.',
      );
    } else if (
      instance.service_settings_uuid !== volume.service_settings_uuid ||
      instance.project_uuid !== volume.project_uuid
    ) {
      errors.add('instance', 'Volume and instance should belong to the same service and project.');
    } else if (
      volumeZone &&
      instance.availability_zone_name &&
      Object.keys(zones).length > 0 &&
      zones[instance.availability_zone_name] !== volumeZone
    ) {
      errors.add(
        'instance',
        'Volume cannot be attached to virtual machine related to the other availability zone.',
      );
    }
  }
  errors.throwIfAny();
  // The serializer saves the instance at once: a GET right after the 202 shows it.
  volume.instance_uuid = instance!.uuid;
  ctx.backend.tasks.scheduleVolumeOperation(volume, 'attach', 'Attach', {
    message: `Attach volume to instance ${instance!.name}`,
  });
  return json({ status: 'attach was scheduled' }, 202);
}

export function detach(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  if (volume.bootable) throw conflict('Volume cannot be bootable.');
  if (!volume.instance_uuid) throw conflict('Volume is not attached to an instance.');
  requireRuntimeState(volume, 'in-use');
  requireState(ctx, volume, 'OK');
  const instance = ctx.db.instances.find((i) => i.uuid === volume.instance_uuid);
  ctx.backend.tasks.scheduleVolumeOperation(volume, 'detach', 'Detach', {
    message: `Detach volume from instance ${instance?.name ?? ''}`,
  });
  return json({ status: 'detach was scheduled' }, 202);
}

const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;

export async function extend(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  const instance = ctx.db.instances.find((i) => i.uuid === volume.instance_uuid);
  if (volume.bootable) throw conflict('Volume cannot be bootable.');
  if (instance && instance.state !== 'OK') throw conflict('Volume instance should be in OK state.');
  if (instance && instance.runtime_state !== 'SHUTOFF') {
    throw conflict('Volume instance should be in shutoff state.');
  }
  requireState(ctx, volume, 'OK');
  const data = await ctx.backend.readJson(ctx.request);
  const errors = new FieldErrors();
  let size: number | undefined;
  if (!('disk_size' in data)) errors.add('disk_size', 'This field is required.');
  else if (data.disk_size === null) errors.add('disk_size', 'This field may not be null.');
  else if (typeof data.disk_size === 'boolean' || !INTEGER.test(String(data.disk_size))) {
    errors.add('disk_size', 'A valid integer is required.');
  } else {
    size = Number.parseInt(String(data.disk_size), 10);
    if (size < 1) errors.add('disk_size', 'Ensure this value is greater than or equal to 1.');
    else if (size < volume.size + 1024) {
      errors.add('disk_size', `Disk size should be greater or equal to ${volume.size + 1024}`);
    }
  }
  errors.throwIfAny();
  const newSize = size!;
  const delta = newSize - volume.size;
  const type = ctx.db.volume_types.find((t) => t.uuid === volume.type_uuid);
  // `VolumeExtendSerializer.update`: `storage`, then the type's gigabytes, each checked alone.
  checkQuotas(ctx.db, volume.tenant_uuid, {
    storage: delta,
    ...(type ? { [typeQuota(type.name)]: delta / 1024 } : {}),
  });
  const oldSize = volume.size;
  volume.size = newSize; // saved at request time, as the serializer does
  ctx.backend.tasks.scheduleVolumeOperation(
    volume,
    'extend',
    'Extend',
    {
      message: `Extend volume from ${oldSize} MB to ${newSize} MB`,
      old_size: oldSize,
      new_size: newSize,
    },
    { instance },
  );
  return json({ status: 'extend was scheduled' }, 202);
}

export async function retype(ctx: HandlerContext) {
  const { db } = ctx;
  const { volume, data, errors } = await availableVolume(ctx);
  const uuid = resolveHyperlink(errors, data, 'type', 'openstack-volume-types', (id) =>
    db.volume_types.some((t) => t.uuid === id),
  );
  const type = uuid ? db.volume_types.find((t) => t.uuid === uuid) : undefined;
  if (type) {
    if (type.uuid === volume.type_uuid) errors.add('type', 'Volume already has requested type.');
    else if (!type.tenant_uuids.includes(volume.tenant_uuid)) {
      errors.add('type', 'Volume type is not visible in tenant.');
    }
  }
  errors.throwIfAny();
  // `VolumeRetypeSerializer.update`: the old type's gigabytes go down, the new type's up, each
  // through `add_quota_usage(..., validate=True)`.
  const old = db.volume_types.find((t) => t.uuid === volume.type_uuid);
  checkQuotas(ctx.db, volume.tenant_uuid, {
    ...(old ? { [typeQuota(old.name)]: -volume.size / 1024 } : {}),
    [typeQuota(type!.name)]: volume.size / 1024,
  });
  volume.type_uuid = type!.uuid; // saved at request time
  ctx.backend.tasks.scheduleVolumeOperation(volume, 'retype', 'Retype', {});
  return json({ status: 'retype was scheduled' }, 202);
}

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** No validators: the backend does not check the volume's state before a snapshot. */
export async function snapshot(ctx: HandlerContext) {
  const { db } = ctx;
  // The action validates its body first (`serializer.is_valid()`), and looks the volume up only
  // in the serializer's `validate()`: a bad body gives 400 even for a volume the user cannot see.
  const data = await ctx.backend.readJson(ctx.request);
  const errors = new FieldErrors();
  const name = validateChar(errors, data, 'name', { required: true, maxLength: 150 });
  const description = validateChar(errors, data, 'description', {
    allowBlank: true,
    maxLength: descriptionMaxLength(ctx),
  });
  let keptUntil: string | null = null;
  if ('kept_until' in data && data.kept_until !== null) {
    const value = data.kept_until;
    if (typeof value !== 'string' || !DATETIME.test(value) || Number.isNaN(Date.parse(value))) {
      errors.add(
        'kept_until',
        'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
      );
    } else {
      keptUntil = isoMicro(Date.parse(value));
    }
  }
  const metadata = data.metadata;
  errors.throwIfAny();
  const volume = getVolumeForChange(ctx);
  checkQuotas(ctx.db, volume.tenant_uuid, { snapshots: 1, snapshots_size: volume.size });
  const now = ctx.backend.now();
  const record: SnapshotRecord = {
    ...newResourceRecord(
      {
        name: name!,
        description: description ?? '',
        project_uuid: volume.project_uuid,
        tenant_uuid: volume.tenant_uuid,
        service_settings_uuid: volume.service_settings_uuid,
      },
      now,
    ),
    marketplace: null,
    source_volume_uuid: volume.uuid,
    size: volume.size,
    metadata:
      metadata && typeof metadata === 'object' && !Array.isArray(metadata)
        ? (metadata as Record<string, unknown>)
        : {},
    kept_until: keptUntil,
  };
  db.snapshots.push(record);
  ctx.backend.tasks.scheduleSnapshotCreation(record.uuid, volume.uuid);
  return json(serializeSnapshot(ctx, record), 201);
}

export function pull(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  requireState(ctx, volume, 'OK', 'ERRED');
  if (!volume.backend_id) throw listError('Resource does not have backend ID.');
  ctx.backend.tasks.scheduleVolumeOperation(volume, 'pull', 'Pull', {});
  return json({ detail: 'Pull operation was successfully scheduled.' }, 202);
}
