// Waldur's quotas for a tenant: what its volumes and snapshots use (`storage` in MiB, counts,
// `gigabytes_<type>` in GiB), and `validate_quota_change`, which refuses a change past a limit.
import type { Db } from './db';
import { listError } from './responses';

/** Storage in use in a tenant: its volumes plus its snapshots, in MiB (Waldur's `storage` quota). */
export function tenantUsage(db: Db, tenantUuid: string) {
  const volumes = db.volumes.filter((v) => v.tenant_uuid === tenantUuid);
  const snapshots = db.snapshots.filter((s) => s.tenant_uuid === tenantUuid);
  const volumesSize = volumes.reduce((sum, v) => sum + v.size, 0);
  const snapshotsSize = snapshots.reduce((sum, s) => sum + s.size, 0);
  const usage: Record<string, number> = {
    storage: volumesSize + snapshotsSize,
    volumes: volumes.length,
    volumes_size: volumesSize,
    snapshots: snapshots.length,
    snapshots_size: snapshotsSize,
  };
  for (const type of db.volume_types.filter((t) => t.tenant_uuids.includes(tenantUuid))) {
    usage[`gigabytes_${type.name}`] =
      volumes.filter((v) => v.type_uuid === type.uuid).reduce((sum, v) => sum + v.size, 0) / 1024;
  }
  return usage;
}

/**
 * Waldur's `validate_quota_change`: raised inside `save()`, hence a bare-list 400. A limit of -1 is
 * unlimited; a stored limit of 0 is enforced as 0 (though Waldur shows it as -1).
 */
export function checkQuotas(db: Db, tenantUuid: string, deltas: Record<string, number>) {
  const tenant = db.tenants.find((t) => t.uuid === tenantUuid);
  if (!tenant) return;
  const usage = tenantUsage(db, tenantUuid);
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
