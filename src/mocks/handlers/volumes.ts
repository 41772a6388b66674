import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import type { VolumeRecord } from '../db';
import { descriptionMaxLength } from '../deployment';
import { volumeErredOnBackend } from '../history';
import { removeVolume } from '../lifecycle';
import { type ListSpec, relationFilters } from '../list';
import { json, methodNotAllowed, permissionDenied } from '../responses';
import { serializeVolume } from '../serializers';
import {
  changeOkObject,
  getObject,
  resourceFilters,
  resourceOrdering,
  resourceReadHandlers,
} from './common';
import { validateBoolean, validateChar } from './validators';
import { attach, detach, extend, pull, retype, snapshot } from './volume-actions';

// `/api/openstack-volumes/`: Waldur's `VolumeViewSet` (src/waldur_openstack/views.py): the list
// and retrieve, PUT/PATCH, staff unlink and set_ok/set_erred. The actions are in ./volume-actions.

function volumeListSpec(ctx: HandlerContext): ListSpec<VolumeRecord> {
  const { db } = ctx;
  const instanceName = (v: VolumeRecord) =>
    db.instances.find((i) => i.uuid === v.instance_uuid)?.name;
  const zoneName = (v: VolumeRecord) =>
    db.availability_zones.find((z) => z.uuid === v.availability_zone_uuid)?.name;
  return {
    filters: [
      ...resourceFilters<VolumeRecord>(ctx),
      ...relationFilters<VolumeRecord>('instance', 'openstack-instances', (v) => v.instance_uuid),
      ...relationFilters<VolumeRecord>(
        'snapshot',
        'openstack-snapshots',
        (v) => v.source_snapshot_uuid,
      ),
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
    serialize: (v) => serializeVolume(ctx, v),
  };
}

/** PUT and PATCH: only name, description and bootable are writable; the rest is silently ignored. */
async function update(ctx: HandlerContext) {
  const { object: volume, data, errors } = await changeOkObject(ctx, ctx.db.volumes, 'Volume');
  const partial = ctx.request.method === 'PATCH';
  const name = validateChar(errors, data, 'name', { required: !partial, maxLength: 150 });
  const description = validateChar(errors, data, 'description', {
    allowBlank: true,
    maxLength: descriptionMaxLength(ctx),
  });
  const bootable = validateBoolean(errors, data, 'bootable');
  errors.throwIfAny();
  const renames =
    (name !== undefined && name !== volume.name) ||
    (description !== undefined && description !== volume.description);
  if (bootable !== undefined && bootable !== volume.bootable) {
    // VolumeUpdateExecutor runs one branch (E2): with a name or description change it pushes only
    // those to Cinder, so the new `bootable` is saved here but never reaches Cinder, and the next
    // pull brings Cinder's value back.
    if (renames) volume.cinder_bootable ??= volume.bootable;
    else delete volume.cinder_bootable;
    volume.bootable = bootable;
  }
  if (name !== undefined) volume.name = name;
  if (description !== undefined) volume.description = description;
  // UpdateExecutor: no `action`, but the same UPDATE_SCHEDULED → UPDATING → OK walk.
  ctx.backend.tasks.scheduleVolumeOperation(volume, 'update', volume.action, volume.action_details);
  return json(serializeVolume(ctx, volume));
}

/** Staff only, checked before the object is looked up; removes the row, nothing in OpenStack. */
function unlink(ctx: HandlerContext) {
  if (!ctx.user.is_staff) throw permissionDenied();
  const volume = getObject(ctx, ctx.db.volumes, 'Volume');
  // The row goes with its snapshots (CASCADE, E4); the marketplace resource ends Terminated.
  removeVolume(ctx.db, volume, ctx.backend.eventSource(ctx.user));
  ctx.backend.changed();
  return new Response(null, { status: 204 });
}

async function setErred(ctx: HandlerContext) {
  if (!ctx.user.is_staff) throw permissionDenied();
  const volume = getObject(ctx, ctx.db.volumes, 'Volume');
  const data = await ctx.backend.readJson(ctx.request);
  if (volume.state === 'OK')
    volumeErredOnBackend(ctx.db, ctx.backend.eventSource(ctx.user), volume);
  volume.state = 'ERRED';
  volume.error_message = typeof data.error_message === 'string' ? data.error_message : '';
  volume.error_traceback = typeof data.error_traceback === 'string' ? data.error_traceback : '';
  volume.modified = ctx.backend.now();
  ctx.backend.changed();
  return json({ detail: 'Resource has been marked as ERRED.' });
}

function setOk(ctx: HandlerContext) {
  if (!ctx.user.is_staff) throw permissionDenied();
  const volume = getObject(ctx, ctx.db.volumes, 'Volume');
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
      records: (ctx) => ctx.db.volumes,
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
