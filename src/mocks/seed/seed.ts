// The demo world as it is when the demo starts (or is reset): deterministic, so the same seed and
// "now" always give the same database. See ./catalogue for its fixed ingredients.
import {
  DB_VERSION,
  type Db,
  type SnapshotRecord,
  type TenantRecord,
  type VolumeRecord,
} from '../db';
import { DEFAULT_SEED, GIB, TIGHT_QUOTA_TENANT, ZERO_QUOTA_TENANT } from './catalogue';
import { seedContext } from './context';
import { seedInstances } from './instances';
import { seedLifecycle } from './lifecycle';
import { seedOrganisations } from './organisations';
import { seedSnapshots } from './snapshots';
import { seedUsers } from './users';
import { seedVolumes } from './volumes';

export function createSeedDb(now: number, seed: number = DEFAULT_SEED): Db {
  const ctx = seedContext(now, seed);
  const orgs = seedOrganisations(ctx);
  const instances = seedInstances(ctx, orgs);
  const volumes = seedVolumes(ctx, orgs, instances);
  const snapshots = seedSnapshots(ctx, orgs.tenants, volumes);
  setQuotas(orgs.tenants, volumes, snapshots);
  const users = seedUsers(ctx, orgs.projects);
  const lifecycle = seedLifecycle(seed, orgs, volumes, users);
  return {
    version: DB_VERSION,
    ...orgs,
    instances,
    volumes,
    snapshots,
    ...lifecycle,
    users,
    jobs: [],
    next_job_id: 1,
    failures: [],
  };
}

function setQuotas(tenants: TenantRecord[], volumes: VolumeRecord[], snapshots: SnapshotRecord[]) {
  // Quotas: plenty of room everywhere except one tenant, which has 10 GiB of storage left.
  tenants.forEach((tenant, t) => {
    const used =
      volumes.filter((v) => v.tenant_uuid === tenant.uuid).reduce((sum, v) => sum + v.size, 0) +
      snapshots.filter((s) => s.tenant_uuid === tenant.uuid).reduce((sum, s) => sum + s.size, 0);
    if (t === ZERO_QUOTA_TENANT) tenant.quota_limits = { ...tenant.quota_limits, volumes: 0 };
    if (t === TIGHT_QUOTA_TENANT) {
      tenant.quota_limits = {
        storage: used + 10 * GIB,
        snapshots: snapshots.filter((s) => s.tenant_uuid === tenant.uuid).length + 2,
      };
    }
  });
}
