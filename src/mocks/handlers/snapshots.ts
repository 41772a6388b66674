import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import { isoMicro } from '../clock';
import type { SnapshotRecord } from '../db';
import type { ListSpec } from '../list';
import { json } from '../responses';
import { serializeSnapshot } from '../serializers';
import {
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
      { param: 'runtime_state', kind: 'exact', get: (s) => s.runtime_state },
      {
        param: 'source_volume',
        kind: 'url',
        collection: 'openstack-volumes',
        get: (s) => s.source_volume_uuid,
      },
      { param: 'source_volume_uuid', kind: 'uuid', get: (s) => s.source_volume_uuid },
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
  const snapshot = getSnapshotForChange(ctx);
  requireState(ctx, snapshot, 'OK');
  const data = await ctx.backend.readJson(ctx.request);
  const errors = new FieldErrors();
  const name = validateChar(errors, data, 'name', {
    required: ctx.request.method === 'PUT',
    maxLength: 150,
  });
  const description = validateChar(errors, data, 'description', {
    allowBlank: true,
    maxLength: 4096,
  });
  errors.throwIfAny();
  if (name !== undefined) snapshot.name = name;
  if (description !== undefined) snapshot.description = description;
  if ('kept_until' in data) {
    snapshot.kept_until =
      typeof data.kept_until === 'string' ? isoMicro(Date.parse(data.kept_until)) : null;
  }
  snapshot.modified = ctx.backend.now();
  ctx.backend.changed();
  return json(serializeSnapshot(ctx, snapshot));
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
  ];
}
