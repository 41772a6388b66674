// A tenant's quotas as Waldur shows them (pricing.md §5) on `/api/openstack-tenants/` and as its
// volume offering's `quotas`: names, units, limits (-1 unlimited, a stored 0 shown as -1), and
// usage from the tenant's volumes and snapshots as Waldur's local accounting counts it; and a
// volume-type quota that refuses what the storage quota would allow.
import { describe, expect, it } from 'vitest';
import { call, link, volumeUrl } from '../../../test/demo-api';
import { getBackend } from '../../../test/setup';
import { ORDER_PICKUP_MS } from '../lifecycle';
import {
  GIB,
  TIGHT_QUOTA_TENANT,
  TIGHT_TYPE,
  TIGHT_TYPE_LEFT,
  TIGHT_TYPE_TENANT,
  ZERO_QUOTA_TENANT,
} from '../seed/catalogue';

const backend = () => getBackend();
const db = () => backend().db;

interface Quota {
  name: string;
  usage: number;
  limit: number;
}

async function tenantQuotas(index: number): Promise<Record<string, Quota>> {
  const tenant = db().tenants[index]!;
  const { body } = await call('GET', `/api/openstack-tenants/?uuid=${tenant.uuid}&field=quotas`);
  const quotas = (body as { quotas: Quota[] }[])[0]!.quotas;
  return Object.fromEntries(quotas.map((q) => [q.name, q]));
}

const usageOf = async (index: number) =>
  Object.fromEntries(Object.values(await tenantQuotas(index)).map((q) => [q.name, q.usage]));

function volumeOfferingOf(index: number) {
  const tenant = db().tenants[index]!;
  return db().offerings.find(
    (o) => o.tenant_uuid === tenant.uuid && o.type === 'OpenStack.Volume',
  )!;
}

const typeOf = (index: number, name: string) =>
  db().volume_types.find(
    (t) => t.tenant_uuids.includes(db().tenants[index]!.uuid) && t.name === name,
  )!;

function order(index: number, attributes: Record<string, unknown>) {
  const offering = volumeOfferingOf(index);
  return call('POST', '/api/marketplace-orders/', {
    body: {
      offering: link('marketplace-public-offerings', offering.uuid),
      project: link('projects', offering.project_uuid),
      attributes,
      limits: {},
      accepting_terms_of_service: true,
    },
  });
}

describe('the quotas a tenant shows', () => {
  it('storage, counts, sizes and per-type gigabytes; the same list on its volume offering', async () => {
    const quotas = await tenantQuotas(0);
    const types = db().volume_types.filter((t) => t.tenant_uuids.includes(db().tenants[0]!.uuid));
    expect(Object.keys(quotas).sort()).toEqual(
      [
        'storage',
        'volumes',
        'volumes_size',
        'snapshots',
        'snapshots_size',
        ...types.map((t) => `gigabytes_${t.name}`),
      ].sort(),
    );
    // MiB for storage; -1 where Cinder has no limit (the sizes, the per-type quotas here).
    expect(quotas.storage!.limit).toBe(10 * 1024 * GIB);
    expect(quotas.snapshots!.limit).toBe(100);
    for (const name of ['volumes', 'volumes_size', 'snapshots_size', 'gigabytes_ssd'])
      expect(quotas[name]!.limit).toBe(-1);
    const offering = volumeOfferingOf(0);
    const shown = (await call('GET', `/api/marketplace-public-offerings/${offering.uuid}/`))
      .body as { quotas: Quota[] };
    expect(Object.fromEntries(shown.quotas.map((q) => [q.name, q]))).toEqual(quotas);
  });

  it('the tight tenants: 10 GiB of storage left; 50 GiB of one type left with plenty of storage', async () => {
    const tight = await tenantQuotas(TIGHT_QUOTA_TENANT);
    expect(tight.storage!.limit - tight.storage!.usage).toBe(10 * GIB);
    expect(tight.snapshots!.limit - tight.snapshots!.usage).toBe(2);
    const typed = await tenantQuotas(TIGHT_TYPE_TENANT);
    const type = typed[`gigabytes_${TIGHT_TYPE}`]!;
    expect(type.limit - type.usage).toBe(TIGHT_TYPE_LEFT); // GiB
    expect(typed.storage!.limit - typed.storage!.usage).toBeGreaterThan(1024 * GIB);
    // Dynamic mode: the storage limit is the per-type limits' sum (`map_limits_to_quotas`).
    const perType = Object.values(typed).filter((q) => q.name.startsWith('gigabytes_'));
    expect(typed.storage!.limit).toBe(perType.reduce((sum, q) => sum + q.limit, 0) * GIB);
    // A stored 0 still shows as -1 (E6).
    expect((await tenantQuotas(ZERO_QUOTA_TENANT)).volumes!.limit).toBe(-1);
  });
});

describe('usage follows the volumes and snapshots (Waldur’s local accounting)', () => {
  it('a new volume, then extending it, then a snapshot of it: exact numbers', async () => {
    const hdd = typeOf(0, 'hdd');
    const before = await usageOf(0);
    const placed = await order(0, {
      name: 'counted',
      size: 10 * GIB,
      type: link('openstack-volume-types', hdd.uuid),
    });
    expect(placed.status).toBe(201);
    // Nothing counts until the order makes the volume.
    expect(await usageOf(0)).toEqual(before);
    backend().clock.advance(ORDER_PICKUP_MS);
    const created = await usageOf(0);
    expect(created).toEqual({
      ...before,
      storage: before.storage! + 10 * GIB,
      volumes: before.volumes! + 1,
      volumes_size: before.volumes_size! + 10 * GIB,
      gigabytes_hdd: before.gigabytes_hdd! + 10,
    });

    backend().clock.advance(60_000); // to OK
    const volume = db().volumes.find((v) => v.name === 'counted')!;
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({ state: 'OK' });
    const extend = await call('POST', `${volumeUrl(volume.uuid)}extend/`, {
      body: { disk_size: 25 * GIB },
    });
    expect(extend.status).toBe(202);
    const extended = await usageOf(0);
    expect(extended).toEqual({
      ...created,
      storage: created.storage! + 15 * GIB,
      volumes_size: created.volumes_size! + 15 * GIB, // as after Waldur's next pull
      gigabytes_hdd: created.gigabytes_hdd! + 15,
    });

    backend().clock.advance(60_000);
    const snap = await call('POST', `${volumeUrl(volume.uuid)}snapshot/`, {
      body: { name: 'counted-snap' },
    });
    expect(snap.status).toBe(201);
    // A snapshot counts in snapshots and snapshots_size only, not in storage.
    expect(await usageOf(0)).toEqual({
      ...extended,
      snapshots: extended.snapshots! + 1,
      snapshots_size: extended.snapshots_size! + 25 * GIB,
    });
  });
});

describe('a volume-type quota tighter than the storage quota', () => {
  const tight = () => typeOf(TIGHT_TYPE_TENANT, TIGHT_TYPE);

  it('refuses an order of that type that storage would allow, naming only that quota', async () => {
    const before = await tenantQuotas(TIGHT_TYPE_TENANT);
    const quota = before[`gigabytes_${TIGHT_TYPE}`]!;
    const size = (TIGHT_TYPE_LEFT + 10) * GIB;
    expect(before.storage!.limit - before.storage!.usage).toBeGreaterThan(size);
    const refused = await order(TIGHT_TYPE_TENANT, {
      name: 'too-fast',
      size,
      type: link('openstack-volume-types', tight().uuid),
    });
    expect(refused.status).toBe(400);
    // `size / 1024` is a Python float: "requires 502.0".
    expect(refused.body).toEqual([
      `One or more quotas were exceeded: gigabytes_${TIGHT_TYPE} quota limit: ${quota.limit}, requires ${quota.usage + TIGHT_TYPE_LEFT + 10}.0`,
    ]);
    // The same size of another type, and exactly what is left of this one, are placed.
    const hdd = typeOf(TIGHT_TYPE_TENANT, 'hdd');
    expect(
      (
        await order(TIGHT_TYPE_TENANT, {
          name: 'slow',
          size,
          type: link('openstack-volume-types', hdd.uuid),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await order(TIGHT_TYPE_TENANT, {
          name: 'just-fits',
          size: TIGHT_TYPE_LEFT * GIB,
          type: link('openstack-volume-types', tight().uuid),
        })
      ).status,
    ).toBe(201);
  });

  it('refuses a retype into that type, and an extend of a volume of it, past what is left', async () => {
    const quota = (await tenantQuotas(TIGHT_TYPE_TENANT))[`gigabytes_${TIGHT_TYPE}`]!;
    const tenant = db().tenants[TIGHT_TYPE_TENANT]!;
    const available = db().volumes.filter(
      (v) =>
        v.tenant_uuid === tenant.uuid &&
        v.state === 'OK' &&
        v.runtime_state === 'available' &&
        !v.bootable &&
        v.backend_id !== null,
    );
    // A volume of another type, bigger than what is left of this one.
    const hdd = typeOf(TIGHT_TYPE_TENANT, 'hdd');
    const size = (TIGHT_TYPE_LEFT + 10) * GIB;
    const placed = await order(TIGHT_TYPE_TENANT, {
      name: 'big-slow',
      size,
      type: link('openstack-volume-types', hdd.uuid),
    });
    expect(placed.status).toBe(201);
    backend().clock.advance(ORDER_PICKUP_MS + 60_000); // made, then OK
    await call('GET', '/api/marketplace-orders/');
    const big = db().volumes.find((v) => v.name === 'big-slow')!;
    expect(big).toMatchObject({ state: 'OK', runtime_state: 'available' });
    const retype = await call('POST', `${volumeUrl(big.uuid)}retype/`, {
      body: { type: link('openstack-volume-types', tight().uuid) },
    });
    expect(retype.status).toBe(400);
    expect(retype.body).toEqual([
      `One or more quotas were exceeded: gigabytes_${TIGHT_TYPE} quota limit: ${quota.limit}, requires ${quota.usage + TIGHT_TYPE_LEFT + 10}.0`,
    ]);
    const fast = available.find((v) => v.type_uuid === tight().uuid)!;
    const extend = await call('POST', `${volumeUrl(fast.uuid)}extend/`, {
      body: { disk_size: fast.size + (TIGHT_TYPE_LEFT + 1) * GIB },
    });
    expect(extend.status).toBe(400);
    expect(extend.body).toEqual([
      `One or more quotas were exceeded: gigabytes_${TIGHT_TYPE} quota limit: ${quota.limit}, requires ${quota.usage + TIGHT_TYPE_LEFT + 1}.0`,
    ]);
    expect(db().volumes.find((v) => v.uuid === fast.uuid)!.size).toBe(fast.size);
  });
});
