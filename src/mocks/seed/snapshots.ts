// 64 snapshots: 24 volumes have a series of two or three (nightlies, before-upgrade copies), a
// few are erred or still being created; four volumes were restored from one.
import { isoMicro } from '../clock';
import type { SnapshotRecord, TenantRecord, VolumeRecord } from '../db';
import { DAY } from './catalogue';
import { resourceBase, type SeedContext } from './context';

export function seedSnapshots(
  ctx: SeedContext,
  tenants: TenantRecord[],
  volumes: VolumeRecord[],
): SnapshotRecord[] {
  const { random, now } = ctx;
  const tenantOf = (uuid: string) => tenants.find((t) => t.uuid === uuid)!;
  // 3. Snapshots: 24 volumes have a series of two or three (nightlies, before-upgrade copies).
  const snapshots: SnapshotRecord[] = [];
  const snapshotSources = volumes.filter((v) => v.state === 'OK' && !v.bootable);
  for (let i = 0; i < 64; i++) {
    const source = snapshotSources[((i % 24) * 7) % snapshotSources.length]!;
    const tenant = tenantOf(source.tenant_uuid);
    const state = i === 5 || i === 40 ? 'ERRED' : i === 12 ? 'CREATING' : 'OK';
    const snapshot: SnapshotRecord = {
      ...resourceBase(
        ctx,
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
  return snapshots;
}
