// Waldur's quotas for a tenant: what its volumes and snapshots use (`storage`, `volumes_size` and
// `snapshots_size` in MiB, `volumes` and `snapshots` counts, `gigabytes_<type>` in GiB), the list
// `Tenant.quotas` and `offering.quotas` show, and `validate_quota_change`, which refuses a change
// past a limit (pricing.md §5).
import type { Db, TenantRecord } from './db';
import { listError } from './responses';

/**
 * What a tenant uses, as Waldur's local accounting counts it between two quota pulls: each volume
 * adds `Volume.get_quota_deltas()` (`volumes` 1, `volumes_size` and `storage` its size, and
 * `gigabytes_<type>` its size / 1024 when it has a type, stored as a whole number, the way Django's
 * BigIntegerField keeps it); each snapshot adds `Snapshot.get_quota_deltas()` (`snapshots` 1,
 * `snapshots_size` its size) and nothing to `storage`.
 *
 * The demo never pulls quotas, so what a pull would change stays out: Cinder's `gigabytes.in_use`
 * (which would put snapshots into `storage` after the 12-hourly pull) is not copied. The demo
 * counts from the records as they are now, so `volumes_size` follows an extend (Waldur's extend adds
 * to `storage` and `gigabytes_<type>` only; the next pull catches `volumes_size` up), and a volume
 * ordered without a type counts in its default type once Cinder gave it one.
 */
export function tenantUsage(db: Pick<Db, 'volumes' | 'snapshots' | 'volume_types'>, uuid: string) {
  const volumes = db.volumes.filter((v) => v.tenant_uuid === uuid);
  const snapshots = db.snapshots.filter((s) => s.tenant_uuid === uuid);
  const volumesSize = volumes.reduce((sum, v) => sum + v.size, 0);
  const usage: Record<string, number> = {
    storage: volumesSize,
    volumes: volumes.length,
    volumes_size: volumesSize,
    snapshots: snapshots.length,
    snapshots_size: snapshots.reduce((sum, s) => sum + s.size, 0),
  };
  for (const type of db.volume_types.filter((t) => t.tenant_uuids.includes(uuid))) {
    usage[typeQuota(type.name)] = volumes
      .filter((v) => v.type_uuid === type.uuid)
      .reduce((sum, v) => sum + Math.trunc(v.size / 1024), 0);
  }
  return usage;
}

/** `volume_type_name_to_quota_name`: Cinder's per-type gigabytes quota. */
export const typeQuota = (typeName: string) => `gigabytes_${typeName}`;

/**
 * `QuotaModelMixin.quotas`: every name with a usage or a limit, as `{name, usage, limit}`, where
 * `limits.get(name) or -1` shows a stored 0 as -1, like unlimited (contract-lifecycle E6).
 */
export function tenantQuotas(db: Db, tenant: TenantRecord) {
  const usage = tenantUsage(db, tenant.uuid);
  const names = [
    ...Object.keys(usage),
    ...Object.keys(tenant.quota_limits).filter((name) => !(name in usage)),
  ];
  return names.map((name) => ({
    name,
    usage: usage[name] ?? 0,
    limit: tenant.quota_limits[name] || -1,
  }));
}

/**
 * Python's `str()` of a sum: `gigabytes_<type>` deltas are `size / 1024`, a float, so Waldur's
 * message says `requires 60.0`; the other quotas are whole numbers.
 */
function pythonNumber(value: number, float: boolean) {
  return float && Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * Waldur's `add_quota_usage(name, delta, validate=True)` for each delta in turn (what
 * `increase_backend_quotas_usage` and the extend, retype and snapshot serializers do): the first
 * quota a change would take past its limit refuses it, alone, raised inside `save()`, hence a
 * bare-list 400. A zero delta is skipped; a limit of -1 is unlimited; a stored limit of 0 is
 * enforced as 0 (though Waldur shows it as -1). Pass the deltas in Waldur's order.
 */
export function checkQuotas(db: Db, tenantUuid: string, deltas: Record<string, number>) {
  const tenant = db.tenants.find((t) => t.uuid === tenantUuid);
  if (!tenant) return;
  const usage = tenantUsage(db, tenantUuid);
  for (const [name, delta] of Object.entries(deltas)) {
    if (!delta) continue;
    const limit = tenant.quota_limits[name] ?? -1;
    if (limit === -1) continue;
    const required = (usage[name] ?? 0) + delta;
    if (required > limit) {
      const float = name.startsWith('gigabytes_');
      throw listError(
        `One or more quotas were exceeded: ${name} quota limit: ${limit}, requires ${pythonNumber(required, float)}`,
      );
    }
  }
}
