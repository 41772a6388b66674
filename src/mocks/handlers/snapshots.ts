import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import { resourceCreateRequested, volumeCreationScheduled, volumeImported } from '../callbacks';
import { isoMicro } from '../clock';
import {
  type MarketplaceResourceRecord,
  newResourceRecord,
  newUuid,
  type SnapshotRecord,
  type VolumeRecord,
} from '../db';
import { descriptionMaxLength } from '../deployment';
import { VOLUME_CATEGORY } from '../lifecycle';
import { type ListSpec, relationFilters } from '../list';
import { checkQuotas } from '../quotas';
import { json } from '../responses';
import { serializeRestoration, serializeSnapshot, serializeVolume } from '../serializers';
import {
  changeOkObject,
  getObject,
  getObjectForChange,
  resourceFilters,
  resourceOrdering,
  resourceReadHandlers,
} from './common';
import { FieldErrors, requireState, validateChar } from './validators';

/** `/api/openstack-snapshots/`: `SnapshotViewSet` (create is disabled; snapshots come from volumes). */
function snapshotListSpec(ctx: HandlerContext): ListSpec<SnapshotRecord> {
  const { db } = ctx;
  const sourceName = (s: SnapshotRecord) =>
    db.volumes.find((v) => v.uuid === s.source_volume_uuid)?.name;
  return {
    filters: [
      ...resourceFilters<SnapshotRecord>(ctx),
      ...relationFilters<SnapshotRecord>(
        'source_volume',
        'openstack-volumes',
        (s) => s.source_volume_uuid,
      ),
      // Backups are not modelled in the demo: no snapshot belongs to one.
      { param: 'backup_uuid', kind: 'custom', uuid: true, apply: () => [] },
      { param: 'backup', kind: 'custom', apply: () => [] },
    ],
    ordering: {
      ...resourceOrdering<SnapshotRecord>(ctx),
      source_volume_name: sourceName,
      size: (s) => s.size,
    },
    defaultOrdering: ['name'],
    serialize: (s) => serializeSnapshot(ctx, s),
  };
}

const getSnapshotForChange = (ctx: HandlerContext) =>
  getObjectForChange(ctx, ctx.db.snapshots, 'Snapshot');

async function update(ctx: HandlerContext) {
  const {
    object: snapshot,
    data,
    errors,
  } = await changeOkObject(ctx, ctx.db.snapshots, 'Snapshot');
  const name = validateChar(errors, data, 'name', {
    required: ctx.request.method === 'PUT',
    maxLength: 150,
  });
  const description = validateChar(errors, data, 'description', {
    allowBlank: true,
    maxLength: descriptionMaxLength(ctx),
  });
  errors.throwIfAny();
  if (name !== undefined) snapshot.name = name;
  if (description !== undefined) snapshot.description = description;
  if ('kept_until' in data) {
    snapshot.kept_until =
      typeof data.kept_until === 'string' ? isoMicro(Date.parse(data.kept_until)) : null;
  }
  // UpdateExecutor: the 200 already says UPDATE_SCHEDULED (`pre_apply`), then UPDATING → OK.
  ctx.backend.tasks.scheduleSnapshotUpdate(snapshot);
  return json(serializeSnapshot(ctx, snapshot));
}

/**
 * `restore/` (contract-lifecycle §4.1): a new volume from the snapshot, CREATION_SCHEDULED, with a
 * marketplace resource of the tenant's volume offering but no order; 201 with the new volume.
 */
async function restore(ctx: HandlerContext) {
  const { db, backend } = ctx;
  const snapshot = getSnapshotForChange(ctx);
  requireState(ctx, snapshot, 'OK');
  const data = await backend.readJson(ctx.request);
  const errors = new FieldErrors();
  const name = validateChar(errors, data, 'name', { required: true, maxLength: 150 });
  const description = validateChar(errors, data, 'description', {
    maxLength: descriptionMaxLength(ctx),
  });
  errors.throwIfAny();
  const source = db.volumes.find((v) => v.uuid === snapshot.source_volume_uuid);
  const type = db.volume_types.find((t) => t.uuid === source?.type_uuid);
  const deltas: Record<string, number> = {
    volumes: 1,
    volumes_size: snapshot.size,
    storage: snapshot.size,
  };
  if (type) deltas[`gigabytes_${type.name}`] = snapshot.size / 1024;
  checkQuotas(db, snapshot.tenant_uuid, deltas);
  const now = backend.now();
  const offering = db.offerings.find(
    (o) => o.tenant_uuid === snapshot.tenant_uuid && o.type === 'OpenStack.Volume',
  );
  const resource: MarketplaceResourceRecord | null = offering
    ? {
        uuid: newUuid(),
        name: name!,
        offering_uuid: offering.uuid,
        project_uuid: snapshot.project_uuid,
        state: 'Creating',
        scope_uuid: null,
        created: now,
        modified: now,
      }
    : null;
  const volume: VolumeRecord = {
    ...newResourceRecord(
      {
        name: name!,
        description: description ?? `Restored from snapshot ${snapshot.name}`,
        project_uuid: snapshot.project_uuid,
        tenant_uuid: snapshot.tenant_uuid,
        service_settings_uuid: snapshot.service_settings_uuid,
      },
      now,
    ),
    marketplace:
      offering && resource
        ? {
            offering_uuid: offering.uuid,
            offering_name: offering.name,
            category_uuid: VOLUME_CATEGORY.uuid,
            category_name: VOLUME_CATEGORY.title,
            resource_uuid: resource.uuid,
            plan_uuid: null,
            resource_state: 'Creating',
            is_usage_based: false,
            is_limit_based: true,
          }
        : null,
    size: snapshot.size,
    bootable: false,
    type_uuid: type?.uuid ?? null,
    availability_zone_uuid: null,
    instance_uuid: null,
    device: '',
    image: null,
    image_metadata: {},
    source_snapshot_uuid: snapshot.uuid,
    metadata: {},
    extend_enabled: true,
  };
  db.volumes.push(volume);
  const events = backend.eventSource();
  volumeCreationScheduled(db, events, volume);
  // `resource_imported`: the marketplace resource is made for the imported volume.
  if (resource) {
    resource.scope_uuid = volume.uuid;
    db.marketplace_resources.push(resource);
  }
  volumeImported(db, events, volume);
  if (resource) resourceCreateRequested(db, events, resource);
  backend.tasks.scheduleRestore(volume);
  return json(serializeVolume(ctx, volume), 201);
}

export function snapshotHandlers(backend: DemoBackend, origin: string) {
  const base = `${origin}/api/openstack-snapshots`;
  return [
    ...resourceReadHandlers(backend, base, {
      model: 'Snapshot',
      records: (ctx) => ctx.db.snapshots,
      listSpec: snapshotListSpec,
    }),
    http.put(`${base}/:uuid/`, backend.handler(update)),
    http.patch(`${base}/:uuid/`, backend.handler(update)),
    http.delete(
      `${base}/:uuid/`,
      backend.handler((ctx) => {
        const snapshot = getSnapshotForChange(ctx);
        requireState(ctx, snapshot, 'OK', 'ERRED');
        backend.tasks.scheduleSnapshotDeletion(snapshot);
        return json({ detail: 'Deletion was scheduled.' }, 202);
      }),
    ),
    http.post(`${base}/:uuid/restore/`, backend.handler(restore)),
    http.get(
      `${base}/:uuid/restorations/`,
      backend.handler((ctx) => {
        // Not paginated: every restoration, as a bare array without X-Result-Count or Link.
        const snapshot = getObject(ctx, ctx.db.snapshots, 'Snapshot');
        const restored = ctx.db.volumes.filter((v) => v.source_snapshot_uuid === snapshot.uuid);
        return json(restored.map((volume) => serializeRestoration(ctx, volume)));
      }),
    ),
  ];
}
