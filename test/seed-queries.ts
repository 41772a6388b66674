// Named questions about the demo's data, shared by unit tests (over the test backend's database)
// and browser tests (over a seed built in the test process: the seed is deterministic, so names
// and UUIDs match the page's). Tests compute what they expect from here instead of copying today's
// counts.
import type { Db, InstanceRecord, VolumeRecord, VolumeTypeRecord } from '@/mocks/db';

export type VolumePredicate = (volume: VolumeRecord, db: Db) => boolean;

/** The first volume of `db` that matches; throws when none does (the test needs a new seed). */
export function findVolume(db: Db, predicate: VolumePredicate): VolumeRecord {
  const found = db.volumes.find((volume) => predicate(volume, db));
  if (!found) throw new Error(`No seed volume matches ${predicate.toString()}`);
  return found;
}

export function instanceOf(db: Db, volume: VolumeRecord): InstanceRecord {
  return db.instances.find((i) => i.uuid === volume.instance_uuid)!;
}

/** OK, detached, not a boot volume, known to Cinder: every action but detach applies. */
export const okAvailable: VolumePredicate = (v) =>
  v.state === 'OK' && v.runtime_state === 'available' && !v.bootable && v.backend_id !== null;

/** `okAvailable` with a volume type (retype has something to change from). */
export const okAvailableTyped: VolumePredicate = (v, db) =>
  okAvailable(v, db) && v.type_uuid !== null;

/** OK, attached, not a boot volume, on an instance that passes `instance`. */
export const attachedTo =
  (instance: (i: InstanceRecord) => boolean = () => true): VolumePredicate =>
  (v, db) =>
    v.state === 'OK' &&
    v.runtime_state === 'in-use' &&
    !v.bootable &&
    v.instance_uuid !== null &&
    instance(instanceOf(db, v));

/** An instance the volume could be attached to right now: same tenant and project, OK, running or stopped. */
export const hasAttachableInstance: VolumePredicate = (v, db) =>
  db.instances.some(
    (i) =>
      i.project_uuid === v.project_uuid &&
      i.tenant_uuid === v.tenant_uuid &&
      i.state === 'OK' &&
      ['ACTIVE', 'SHUTOFF'].includes(i.runtime_state),
  );

export const named =
  (name: string): VolumePredicate =>
  (v) =>
    v.name === name;

/** How many volumes match. */
export function countVolumes(db: Db, predicate: VolumePredicate): number {
  return db.volumes.filter((v) => predicate(v, db)).length;
}

/** A volume type of the volume's tenant other than its own (what a retype can choose). */
export function otherTypeOf(db: Db, volume: VolumeRecord): VolumeTypeRecord {
  const type = db.volume_types.find(
    (t) => t.tenant_uuids.includes(volume.tenant_uuid) && t.uuid !== volume.type_uuid,
  );
  if (!type) throw new Error(`No other volume type in the tenant of ${volume.name}`);
  return type;
}
