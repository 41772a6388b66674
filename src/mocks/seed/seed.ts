// The demo world as it is when the demo starts (or is reset): deterministic, so the same seed and
// "now" always give the same database. See ./catalogue for its fixed ingredients.
import { DB_VERSION, type Db } from '../db';
import { tenantUsage, typeQuota } from '../quotas';
import {
  DEFAULT_SEED,
  GIB,
  TIGHT_QUOTA_TENANT,
  TIGHT_TYPE,
  TIGHT_TYPE_LEFT,
  TIGHT_TYPE_TENANT,
  ZERO_QUOTA_TENANT,
} from './catalogue';
import { seedContext } from './context';
import { seedInstances } from './instances';
import { seedLifecycle } from './lifecycle';
import { type Organisations, seedOrganisations, typesOf } from './organisations';
import { seedPricing } from './pricing';
import { seedSnapshots } from './snapshots';
import { seedUsers } from './users';
import { seedVolumes } from './volumes';

export function createSeedDb(now: number, seed: number = DEFAULT_SEED): Db {
  const ctx = seedContext(now, seed);
  const orgs = seedOrganisations(ctx);
  const instances = seedInstances(ctx, orgs);
  const volumes = seedVolumes(ctx, orgs, instances);
  const snapshots = seedSnapshots(ctx, orgs.tenants, volumes);
  const users = seedUsers(ctx, orgs.projects);
  const lifecycle = seedLifecycle(seed, orgs, volumes, users);
  seedPricing(seed, orgs, lifecycle.offerings, volumes);
  setQuotas(orgs, { volumes, snapshots, volume_types: orgs.volume_types });
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

/**
 * Quota limits, as Cinder reports them (-1: unlimited): plenty of room everywhere, except one
 * tenant with 10 GiB of storage and two snapshots left, one whose `volumes` limit is stored as 0,
 * and the dynamic-storage tenant, whose limits are per volume type (`storage` is their sum, as
 * Waldur pushes it: `map_limits_to_quotas`), with only 50 GiB of ssd left.
 */
function setQuotas(
  orgs: Organisations,
  records: Pick<Db, 'volumes' | 'snapshots' | 'volume_types'>,
) {
  orgs.tenants.forEach((tenant, t) => {
    const usage = tenantUsage(records, tenant.uuid);
    if (t === ZERO_QUOTA_TENANT) tenant.quota_limits = { ...tenant.quota_limits, volumes: 0 };
    if (t === TIGHT_QUOTA_TENANT) {
      tenant.quota_limits = {
        storage: usage.storage! + 10 * GIB,
        snapshots: usage.snapshots! + 2,
      };
    }
    if (t === TIGHT_TYPE_TENANT) {
      // GiB: the tight type 50 left; the others a round 1 TiB or more left.
      const perType = Object.fromEntries(
        typesOf(orgs, tenant).map(({ name }) => {
          const used = usage[typeQuota(name)]!;
          const limit =
            name === TIGHT_TYPE ? used + TIGHT_TYPE_LEFT : Math.ceil((used + 1024) / 1024) * 1024;
          return [typeQuota(name), limit];
        }),
      );
      const gigabytes = Object.values(perType).reduce((sum, limit) => sum + limit, 0);
      tenant.quota_limits = { ...tenant.quota_limits, ...perType, storage: gigabytes * GIB };
    }
  });
}
