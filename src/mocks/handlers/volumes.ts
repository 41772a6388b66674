import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import type { SnapshotRecord, VolumeRecord } from '../db';
import type { ListSpec } from '../list';
import { conflict, json, listError, methodNotAllowed, permissionDenied } from '../responses';
import { isoMicro } from '../seed';
import { serializeSnapshot, serializeVolume, tenantUsage } from '../serializers';
import {
  FieldErrors,
  getObject,
  requireRuntimeState,
  requireState,
  resourceFilters,
  resourceOrdering,
  resourceReadHandlers,
  validateBoolean,
  validateChar,
} from './common';
import { resolveHyperlink } from './hyperlinks';

/** `/api/openstack-volumes/`: Waldur's `VolumeViewSet` (src/waldur_openstack/views.py). */

function volumeListSpec(ctx: HandlerContext): ListSpec<VolumeRecord> {
  const { db } = ctx.ser;
  const instanceName = (v: VolumeRecord) =>
    db.instances.find((i) => i.uuid === v.instance_uuid)?.name;
  const zoneName = (v: VolumeRecord) =>
    db.availability_zones.find((z) => z.uuid === v.availability_zone_uuid)?.name;
  return {
    filters: [
      ...resourceFilters<VolumeRecord>(ctx),
      { param: 'runtime_state', kind: 'exact', get: (v) => v.runtime_state },
      {
        param: 'instance',
        kind: 'url',
        collection: 'openstack-instances',
        get: (v) => v.instance_uuid,
      },
      { param: 'instance_uuid', kind: 'uuid', get: (v) => v.instance_uuid },
      {
        param: 'snapshot',
        kind: 'url',
        collection: 'openstack-snapshots',
        get: (v) => v.source_snapshot_uuid,
      },
      { param: 'snapshot_uuid', kind: 'uuid', get: (v) => v.source_snapshot_uuid },
      { param: 'availability_zone_name', kind: 'exact', get: zoneName },
      {
        // Volumes that could be attached to this instance: same tenant and project, not already on
        // it, and in the Cinder zone mapped to the instance's Nova zone when a mapping is configured.
        param: 'attach_instance_uuid',
        kind: 'custom',
        uuid: true,
        apply: (items, uuid) => {
          const instance = db.instances.find((i) => i.uuid === uuid);
          if (!instance) return []; // the real backend answers 500 here (a DoesNotExist it fails to catch)
          const tenant = db.tenants.find((t) => t.uuid === instance.tenant_uuid);
          const zones = tenant?.valid_availability_zones ?? {};
          const wanted = instance.availability_zone_name
            ? zones[instance.availability_zone_name]
            : undefined;
          return items.filter(
            (v) =>
              v.tenant_uuid === instance.tenant_uuid &&
              v.project_uuid === instance.project_uuid &&
              v.instance_uuid !== instance.uuid &&
              (Object.keys(zones).length === 0 || !wanted || zoneName(v) === wanted),
          );
        },
      },
    ],
    ordering: {
      ...resourceOrdering<VolumeRecord>(ctx),
      instance_name: instanceName,
      size: (v) => v.size,
    },
    defaultOrdering: ['name'],
    serialize: (v) => serializeVolume(ctx.ser, v),
  };
}

/** `is_administrator` for unsafe methods: runs after `get_object()`, so 404 comes before 403. */
function getVolumeForChange(ctx: HandlerContext): VolumeRecord {
  const volume = getObject(ctx, ctx.ser.db.volumes, 'Volume');
  if (!ctx.backend.canAdminister(ctx.user, volume.project_uuid)) throw permissionDenied();
  return volume;
}

/** Waldur's `validate_quota_change`; raised inside `save()`, hence a bare-list 400. */
function checkQuotas(ctx: HandlerContext, tenantUuid: string, deltas: Record<string, number>) {
  const tenant = ctx.ser.db.tenants.find((t) => t.uuid === tenantUuid);
  if (!tenant) return;
  const usage = tenantUsage(ctx.ser.db, tenantUuid);
  const exceeded: string[] = [];
  for (const [name, delta] of Object.entries(deltas)) {
    const limit = tenant.quota_limits[name] ?? -1;
    if (limit === -1 || delta <= 0) continue;
    const required = (usage[name] ?? 0) + delta;
    if (required > limit) exceeded.push(`${name} quota limit: ${limit}, requires ${required}`);
  }
  if (exceeded.length > 0)
    throw listError(`One or more quotas were exceeded: ${exceeded.join(';')}`);
}

/** PUT and PATCH: only name, description and bootable are writable; the rest is silently ignored. */
async function update(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  requireState(volume, 'OK');
  const data = await ctx.backend.readJson(ctx.request);
  const partial = ctx.request.method === 'PATCH';
  const errors = new FieldErrors();
  const name = validateChar(errors, data, 'name', { required: !partial, maxLength: 150 });
  const description = validateChar(errors, data, 'description', {
    allowBlank: true,
    maxLength: 4096,
  });
  const bootable = validateBoolean(errors, data, 'bootable');
  errors.throwIfAny();
  if (name !== undefined) volume.name = name;
  if (description !== undefined) volume.description = description;
  if (bootable !== undefined) volume.bootable = bootable;
  // UpdateExecutor: no `action`, but the same UPDATE_SCHEDULED → UPDATING → OK walk.
  ctx.backend.scheduleVolumeOperation(volume, 'update', volume.action, volume.action_details);
  return json(serializeVolume(ctx.ser, volume));
}

async function attach(ctx: HandlerContext) {
  const { db } = ctx.ser;
  const volume = getVolumeForChange(ctx);
  requireRuntimeState(volume, 'available');
  requireState(volume, 'OK');
  const data = await ctx.backend.readJson(ctx.request);
  const errors = new FieldErrors();
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
  ctx.backend.scheduleVolumeOperation(volume, 'attach', 'Attach', {
    message: `Attach volume to instance ${instance!.name}`,
  });
  return json({ status: 'attach was scheduled' }, 202);
}

function detach(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  if (volume.bootable) throw conflict('Volume cannot be bootable.');
  if (!volume.instance_uuid) throw conflict('Volume is not attached to an instance.');
  requireRuntimeState(volume, 'in-use');
  requireState(volume, 'OK');
  const instance = ctx.ser.db.instances.find((i) => i.uuid === volume.instance_uuid);
  ctx.backend.scheduleVolumeOperation(volume, 'detach', 'Detach', {
    message: `Detach volume from instance ${instance?.name ?? ''}`,
  });
  return json({ status: 'detach was scheduled' }, 202);
}

const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;

async function extend(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  const instance = ctx.ser.db.instances.find((i) => i.uuid === volume.instance_uuid);
  if (volume.bootable) throw conflict('Volume cannot be bootable.');
  if (instance && instance.state !== 'OK') throw conflict('Volume instance should be in OK state.');
  if (instance && instance.runtime_state !== 'SHUTOFF') {
    throw conflict('Volume instance should be in shutoff state.');
  }
  requireState(volume, 'OK');
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
  const type = ctx.ser.db.volume_types.find((t) => t.uuid === volume.type_uuid);
  checkQuotas(ctx, volume.tenant_uuid, {
    storage: delta,
    ...(type ? { [`gigabytes_${type.name}`]: delta / 1024 } : {}),
  });
  const oldSize = volume.size;
  volume.size = newSize; // saved at request time, as the serializer does
  ctx.backend.scheduleVolumeOperation(
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

async function retype(ctx: HandlerContext) {
  const { db } = ctx.ser;
  const volume = getVolumeForChange(ctx);
  requireRuntimeState(volume, 'available');
  requireState(volume, 'OK');
  const data = await ctx.backend.readJson(ctx.request);
  const errors = new FieldErrors();
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
  checkQuotas(ctx, volume.tenant_uuid, { [`gigabytes_${type!.name}`]: volume.size / 1024 });
  volume.type_uuid = type!.uuid; // saved at request time
  ctx.backend.scheduleVolumeOperation(volume, 'retype', 'Retype', {});
  return json({ status: 'retype was scheduled' }, 202);
}

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** No validators: the backend does not check the volume's state before a snapshot. */
async function snapshot(ctx: HandlerContext) {
  const { db } = ctx.ser;
  const volume = getVolumeForChange(ctx);
  const data = await ctx.backend.readJson(ctx.request);
  const errors = new FieldErrors();
  const name = validateChar(errors, data, 'name', { required: true, maxLength: 150 });
  const description = validateChar(errors, data, 'description', {
    allowBlank: true,
    maxLength: 4096,
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
  checkQuotas(ctx, volume.tenant_uuid, { snapshots: 1, snapshots_size: volume.size });
  const now = ctx.backend.now();
  const record: SnapshotRecord = {
    uuid: crypto.randomUUID().replaceAll('-', ''),
    name: name!,
    description: description ?? '',
    project_uuid: volume.project_uuid,
    tenant_uuid: volume.tenant_uuid,
    service_settings_uuid: volume.service_settings_uuid,
    state: 'CREATION_SCHEDULED',
    runtime_state: '',
    action: '',
    action_details: {},
    error_message: '',
    error_traceback: '',
    backend_id: null,
    created: now,
    modified: now,
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
  ctx.backend.scheduleSnapshotCreation(record.uuid, volume.uuid);
  return json(serializeSnapshot(ctx.ser, record), 201);
}

function pull(ctx: HandlerContext) {
  const volume = getVolumeForChange(ctx);
  requireState(volume, 'OK', 'ERRED');
  if (!volume.backend_id) throw listError('Resource does not have backend ID.');
  ctx.backend.scheduleVolumeOperation(volume, 'pull', 'Pull', {});
  return json({ detail: 'Pull operation was successfully scheduled.' }, 202);
}

/** Staff only, checked before the object is looked up; removes the row, nothing in OpenStack. */
function unlink(ctx: HandlerContext) {
  if (!ctx.user.is_staff) throw permissionDenied();
  const { db } = ctx.ser;
  const volume = getObject(ctx, db.volumes, 'Volume');
  db.volumes = db.volumes.filter((v) => v.uuid !== volume.uuid);
  for (const s of db.snapshots)
    if (s.source_volume_uuid === volume.uuid) s.source_volume_uuid = null;
  db.jobs = db.jobs.filter((job) => job.target !== volume.uuid);
  ctx.backend.changed();
  return new Response(null, { status: 204 });
}

async function setErred(ctx: HandlerContext) {
  if (!ctx.user.is_staff) throw permissionDenied();
  const volume = getObject(ctx, ctx.ser.db.volumes, 'Volume');
  const data = await ctx.backend.readJson(ctx.request);
  volume.state = 'ERRED';
  volume.error_message = typeof data.error_message === 'string' ? data.error_message : '';
  volume.error_traceback = typeof data.error_traceback === 'string' ? data.error_traceback : '';
  volume.modified = ctx.backend.now();
  ctx.backend.changed();
  return json({ detail: 'Resource has been marked as ERRED.' });
}

function setOk(ctx: HandlerContext) {
  if (!ctx.user.is_staff) throw permissionDenied();
  const volume = getObject(ctx, ctx.ser.db.volumes, 'Volume');
  volume.state = 'OK';
  volume.error_message = '';
  volume.error_traceback = '';
  volume.modified = ctx.backend.now();
  ctx.backend.changed();
  return json({ detail: 'Resource has been marked as OK.' });
}

export function volumeHandlers(backend: DemoBackend, origin: string) {
  const base = `${origin}/api/openstack-volumes`;
  const disabled = (method: string) =>
    backend.handler(() => {
      throw methodNotAllowed(method);
    });
  return [
    ...resourceReadHandlers(backend, base, {
      model: 'Volume',
      records: (ctx) => ctx.ser.db.volumes,
      listSpec: volumeListSpec,
    }),
    http.post(`${base}/`, disabled('POST')),
    http.put(`${base}/:uuid/`, backend.handler(update)),
    http.patch(`${base}/:uuid/`, backend.handler(update)),
    http.delete(`${base}/:uuid/`, disabled('DELETE')),
    http.post(`${base}/:uuid/attach/`, backend.handler(attach)),
    http.post(`${base}/:uuid/detach/`, backend.handler(detach)),
    http.post(`${base}/:uuid/extend/`, backend.handler(extend)),
    http.post(`${base}/:uuid/retype/`, backend.handler(retype)),
    http.post(`${base}/:uuid/snapshot/`, backend.handler(snapshot)),
    http.post(`${base}/:uuid/pull/`, backend.handler(pull)),
    http.post(`${base}/:uuid/unlink/`, backend.handler(unlink)),
    http.post(`${base}/:uuid/set_erred/`, backend.handler(setErred)),
    http.post(`${base}/:uuid/set_ok/`, backend.handler(setOk)),
  ];
}
