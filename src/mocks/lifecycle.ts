// A volume's birth and death, as Waldur's marketplace and executors run them after the request
// (contract-lifecycle §2.7, §3.3, §4.1): an executing Create order makes the volume
// (CREATION_SCHEDULED), which goes CREATING at its first task and OK at the first poll after Cinder
// is done (30 s later); a Terminate order checks the volume's delete preconditions and schedules
// the deletion (DELETION_SCHEDULED → DELETING → the row is gone), or ends erred; a restored volume
// walks like a new one. The task queue (./tasks) calls these; they only change records and log
// events (./history), and ask the queue for the next steps.
import type { DemoDeployment } from '@/lib/demo-controls';
import {
  orderProcessingFailed,
  volumeCreationEnded,
  volumeCreationScheduled,
  volumeDeleted,
  volumeDeletionFailed,
  volumeDeletionScheduled,
} from './callbacks';
import { isoMicro } from './clock';
import { type Db, type Job, newResourceRecord, type OrderRecord, type VolumeRecord } from './db';
import { takeFailure } from './failures';
import type { EventSource } from './history';

/** Queues a step `delayMs` of Waldur time from now. */
export type Later = (delayMs: number, job: Omit<Job, 'id' | 'at'>) => void;

/** What a Create order's volume is made of: its validated attributes (links kept as paths). */
export interface VolumeSpec {
  name: string;
  description: string;
  size: number;
  type_uuid: string | null;
  availability_zone_uuid: string | null;
  image_uuid: string | null;
}

const uuidIn = (value: unknown) =>
  typeof value === 'string' ? (/\/([0-9a-f]{32})\/$/.exec(value)?.[1] ?? null) : null;

export function specOf(order: OrderRecord): VolumeSpec {
  const a = order.attributes;
  return {
    name: String(a.name ?? ''),
    description: typeof a.description === 'string' ? a.description : '',
    size: Number(a.size),
    type_uuid: uuidIn(a.type),
    availability_zone_uuid: uuidIn(a.availability_zone),
    image_uuid: uuidIn(a.image),
  };
}

/** Celery picks an order up right after the request's transaction commits. */
export const ORDER_PICKUP_MS = 1_000;
const FIRST_TASK_MS = 2_000;

/** An executing order goes to the queue (approval is a separate step: `approve`). */
export function queueOrder(later: Later, order: OrderRecord) {
  later(ORDER_PICKUP_MS, {
    step: 'order:process',
    target: order.uuid,
    operation: order.type === 'Create' ? 'create' : 'delete',
  });
}

/** The volume walk after the row exists: first task, then the end (or the failure). */
export function queueVolumeWalk(
  db: Db,
  later: Later,
  volume: VolumeRecord,
  operation: 'create' | 'restore' | 'delete',
  settleMs: number,
) {
  const failure = takeFailure(db, operation === 'restore' ? 'create' : operation, volume.uuid);
  const job = { target: volume.uuid, operation };
  if (failure) {
    later(FIRST_TASK_MS, { ...job, step: 'volume:fail', failure });
    return;
  }
  later(FIRST_TASK_MS, { ...job, step: 'volume:begin' });
  later(FIRST_TASK_MS + settleMs, {
    ...job,
    step: operation === 'delete' ? 'volume:gone' : 'volume:finish',
  });
}

/**
 * The volume row the order's internal POST makes (CREATION_SCHEDULED): what the order says, no
 * more. Its type (when none was ordered) and `bootable` come from Cinder later (`beginLifecycle`).
 */
function newVolume(db: Db, order: OrderRecord, spec: VolumeSpec, at: number): VolumeRecord {
  const offering = db.offerings.find((o) => o.uuid === order.offering_uuid)!;
  const tenant = db.tenants.find((t) => t.uuid === offering.tenant_uuid)!;
  const image = db.images.find((i) => i.uuid === spec.image_uuid);
  const created = isoMicro(at);
  return {
    ...newResourceRecord(
      {
        name: spec.name,
        description: spec.description,
        project_uuid: order.project_uuid,
        tenant_uuid: tenant.uuid,
        service_settings_uuid: tenant.service_settings_uuid,
      },
      created,
    ),
    marketplace: {
      offering_uuid: offering.uuid,
      offering_name: offering.name,
      category_uuid: VOLUME_CATEGORY.uuid,
      category_name: VOLUME_CATEGORY.title,
      resource_uuid: order.resource_uuid,
      plan_uuid: null,
      resource_state: 'Creating',
      is_usage_based: false,
      is_limit_based: true,
    },
    size: spec.size,
    bootable: false,
    type_uuid: spec.type_uuid,
    availability_zone_uuid: spec.availability_zone_uuid,
    instance_uuid: null,
    device: '',
    image: image ? { uuid: image.uuid, name: image.name } : null,
    image_metadata: {},
    source_snapshot_uuid: null,
    metadata: {},
    extend_enabled: true,
  };
}

/** `MarketplaceVolumeViewSet.destroy_validators`' runtime states (`_can_destroy_volume`). */
const DELETABLE_RUNTIME = ['available', 'error', 'error_restoring', 'error_extending', ''];

/**
 * What stops a volume's deletion, in Waldur's words (`_can_destroy_volume`,
 * `_volume_snapshots_exist`, waldur_openstack/views.py; the same checks in newer
 * marketplace_openstack/utils.py `delete_volume`), or null. An ERRED volume skips the state and
 * runtime checks, not the snapshot one.
 */
export function deleteProblem(db: Db, volume: VolumeRecord): string | null {
  if (volume.state !== 'ERRED') {
    if (volume.state !== 'OK') return 'Volume should be in OK state.';
    if (!DELETABLE_RUNTIME.includes(volume.runtime_state))
      return `Valid runtime states for operation: ${DELETABLE_RUNTIME.join(', ')}.`;
  }
  if (db.snapshots.some((s) => s.source_volume_uuid === volume.uuid))
    return 'Volume has dependent snapshots.';
  return null;
}

/**
 * `str(e)` of the exception a refused deletion raises inside `process_order`: newer Waldur's
 * `delete_volume` raises the `IncorrectStateException` itself; up to 8.x the processor's internal
 * DELETE answers 409 and `DeleteScopedResourceProcessor.send_request` raises
 * `ValidationError(response.data)` (marketplace/processors.py), whose text is the dict (derived).
 */
function refusedDeletion(problem: string, version: DemoDeployment['version']) {
  return version === 'newer'
    ? problem
    : `{'detail': ErrorDetail(string='${problem}', code='error')}`;
}

/** The order's Celery task (`process_order`): create the volume, or schedule its deletion. */
export function processOrder(
  db: Db,
  later: Later,
  job: Job,
  source: EventSource,
  settleMs: number,
  version: DemoDeployment['version'] = '8.x',
) {
  const order = db.orders.find((o) => o.uuid === job.target);
  if (order?.state !== 'executing') return;
  const resource = db.marketplace_resources.find((r) => r.uuid === order.resource_uuid);
  if (!resource) return;
  if (order.type === 'Create') {
    const volume = newVolume(db, order, specOf(order), source.at);
    db.volumes.push(volume);
    resource.scope_uuid = volume.uuid;
    volumeCreationScheduled(db, source, volume);
    queueVolumeWalk(db, later, volume, 'create', settleMs);
    return;
  }
  const volume = db.volumes.find((v) => v.uuid === resource.scope_uuid);
  if (!volume) return;
  // Checked again now: newer Waldur checks only here; older ones already did in the request, and
  // refuse here only what changed meanwhile. The volume stays as it is.
  const problem = deleteProblem(db, volume);
  if (problem) {
    orderProcessingFailed(db, source, order, resource, refusedDeletion(problem, version));
    return;
  }
  volume.state = 'DELETION_SCHEDULED';
  volume.modified = isoMicro(source.at);
  volumeDeletionScheduled(db, source, volume);
  queueVolumeWalk(db, later, volume, 'delete', settleMs);
}

/**
 * The first task of a create, restore or delete. For a new volume that is `create_volume`
 * (waldur_openstack/backend.py): without a type, Cinder gets the tenant's
 * `default_volume_type_name` and the volume takes that type (not for a restore: RHOS13 refuses a
 * type with a snapshot); `bootable` is what Cinder answers (the demo's Cinder: true when made from
 * an image).
 */
export function beginLifecycle(db: Db, volume: VolumeRecord, operation: string) {
  if (operation === 'delete') {
    volume.state = 'DELETING';
    volume.runtime_state = 'deleting';
    return;
  }
  volume.state = 'CREATING';
  volume.runtime_state = 'creating';
  if (operation !== 'create') return;
  const tenant = db.tenants.find((t) => t.uuid === volume.tenant_uuid);
  volume.type_uuid ??=
    db.volume_types.find(
      (t) =>
        t.name === tenant?.default_volume_type_name &&
        t.settings_uuid === volume.service_settings_uuid,
    )?.uuid ?? null;
  volume.bootable = volume.image !== null;
}

/** Cinder reports the new volume `available`: OK, with its backend ID. */
export function finishCreation(
  db: Db,
  volume: VolumeRecord,
  operation: string,
  source: EventSource,
) {
  volume.state = 'OK';
  volume.runtime_state = 'available';
  volume.backend_id ??= crypto.randomUUID();
  // A restore removes the bootable flag Cinder copied from the snapshot, then pulls.
  if (operation === 'restore') volume.bootable = false;
  volumeCreationEnded(db, source, volume, true, true);
}

/** A create, restore or delete that failed: the volume is ERRED and the marketplace follows. */
export function failLifecycle(
  db: Db,
  volume: VolumeRecord,
  operation: string,
  source: EventSource,
) {
  const wasCreating = volume.state === 'CREATING';
  volume.state = 'ERRED';
  if (operation === 'delete') {
    volumeDeletionFailed(db, source, volume);
    return;
  }
  volumeCreationEnded(db, source, volume, false, wasCreating);
}

/**
 * The volume row is deleted (its deletion finished, or staff unlinked it): the `pre_delete`
 * handlers log it and end the marketplace side; `Snapshot.source_volume` is on_delete=CASCADE, so
 * its snapshots go from Waldur too (E4), and volumes restored from those lose their source
 * (SET_NULL). Nothing is queued for it any more.
 */
export function removeVolume(db: Db, volume: VolumeRecord, source: EventSource) {
  volumeDeleted(db, source, volume);
  db.volumes = db.volumes.filter((v) => v.uuid !== volume.uuid);
  const gone = new Set(
    db.snapshots.filter((s) => s.source_volume_uuid === volume.uuid).map((s) => s.uuid),
  );
  db.snapshots = db.snapshots.filter((s) => !gone.has(s.uuid));
  for (const v of db.volumes)
    if (v.source_snapshot_uuid && gone.has(v.source_snapshot_uuid)) v.source_snapshot_uuid = null;
  db.jobs = db.jobs.filter((job) => job.target !== volume.uuid);
}

export const VOLUME_CATEGORY = {
  uuid: '6dfc3a0b2b8b4d1f9a1e5c7d9b3f2e10',
  title: 'Block storage',
};

/** The marketplace category of the tenants' own offerings (`OpenStack.Tenant`). */
export const TENANT_CATEGORY = {
  uuid: '3b0e6d2f9c8a4e17b5d4a2c1f0e9d8c7',
  title: 'Private clouds',
};
