// @vitest-environment node
// The price and quota arithmetic, pinned: MiB against GiB, plan units, the plan Waldur bills,
// the dynamic storage mode, -1 and 0, and a per-type quota tighter than storage.
import { describe, expect, it } from 'vitest';
import {
  billedPlan,
  estimate,
  type Plan,
  priceChange,
  pricePerGibDay,
  storageComponent,
  tenantVolumesPer30Days,
} from './pricing';
import {
  extendDeltas,
  fullness,
  newVolumeDeltas,
  overQuota,
  quotaUses,
  retypeDeltas,
  snapshotDeltas,
} from './quota-use';

const plan = (fields: Partial<Plan>): Plan => ({ uuid: 'p'.repeat(32), ...fields }) as Plan;
const standard = plan({ name: 'Standard', unit: 'day', prices: { storage: 0.0016 } });
const fixed = { plans: [standard], plugin_options: { storage_mode: 'fixed' } };
const dynamic = {
  plans: [plan({ unit: 'day', prices: { gigabytes_ssd: 0.0025, gigabytes_hdd: 0.0008 } })],
  plugin_options: { storage_mode: 'dynamic' },
};

describe('the plan Waldur bills', () => {
  const archived = plan({ uuid: 'a'.repeat(32), name: 'Basic (2024)', archived: true });
  const current = plan({ uuid: 'b'.repeat(32), name: 'Standard', archived: false });
  const other = plan({ uuid: 'c'.repeat(32), name: 'Zeta', archived: false });

  it('the tenant’s own plan, archived or not; else the first plan not archived', () => {
    expect(billedPlan([archived, current, other], other.uuid)).toEqual({
      plan: other,
      reason: 'billed',
    });
    expect(billedPlan([archived, current], archived.uuid)?.plan).toBe(archived);
    expect(billedPlan([archived, current, other], null)).toEqual({
      plan: current,
      reason: 'first-active',
    });
    // A billed plan the reader cannot see (organisation groups): the first active one.
    expect(billedPlan([archived, current], 'd'.repeat(32))?.plan).toBe(current);
    expect(billedPlan([archived], null)).toBeNull();
    expect(billedPlan(undefined, null)).toBeNull();
  });
});

describe('a volume’s price', () => {
  it('size in GiB (from MiB) × the plan’s price per GiB, per day and per 30 days', () => {
    const price = estimate(fixed, null, { sizeMib: 100 * 1024, typeName: 'ssd' });
    expect(price.kind).toBe('priced');
    if (price.kind !== 'priced') return;
    expect(price.perDay).toBeCloseTo(0.16, 10);
    expect(price.per30Days).toBeCloseTo(4.8, 10);
    expect(price.component).toBe('storage');
    // 1536 MiB is 1.5 GiB, not 1536 GiB nor 1 GiB.
    const odd = estimate(fixed, null, { sizeMib: 1536 });
    expect(odd.kind === 'priced' && odd.perDay).toBeCloseTo(0.0024, 10);
  });

  it('converts the plan’s unit to days: hour × 24, half a month ÷ 15, a month ÷ 30', () => {
    const at = (unit: string) => pricePerGibDay(plan({ unit, prices: { storage: 3 } }), 'storage');
    expect(at('day')).toBe(3);
    expect(at('hour')).toBe(72);
    expect(at('half_month')).toBeCloseTo(0.2, 10);
    expect(at('month')).toBeCloseTo(0.1, 10);
    // "quantity" has no day; an unknown unit neither.
    expect(at('quantity')).toBeNull();
    expect(at('fortnight')).toBeNull();
    // Waldur's default unit is a day; a price sent as a string still reads.
    expect(pricePerGibDay(plan({ prices: { storage: '0.5' } }), 'storage')).toBe(0.5);
  });

  it('a monthly plan: 30 days cost exactly its monthly price', () => {
    const monthly = { plans: [plan({ unit: 'month', prices: { storage: 0.05 } })] };
    const price = estimate(monthly, null, { sizeMib: 10 * 1024 });
    expect(price.kind === 'priced' && price.per30Days).toBeCloseTo(0.5, 10);
  });

  it('the dynamic storage mode prices each type by gigabytes_<type>; without a type, unknown', () => {
    expect(storageComponent(dynamic, 'ssd')).toBe('gigabytes_ssd');
    expect(storageComponent(fixed, 'ssd')).toBe('storage');
    const ssd = estimate(dynamic, null, { sizeMib: 10 * 1024, typeName: 'ssd' });
    expect(ssd.kind === 'priced' && ssd.perDay).toBeCloseTo(0.025, 10);
    expect(estimate(dynamic, null, { sizeMib: 1024, typeName: null }).kind).toBe('unknown');
    // A type the plan does not price: unknown, not 0 (HomePort shows 0).
    expect(estimate(dynamic, null, { sizeMib: 1024, typeName: 'nvme' }).kind).toBe('unknown');
  });

  it('free where the plan prices storage at 0; unknown without a plan or a price', () => {
    const free = { plans: [plan({ prices: { storage: 0 } })] };
    expect(estimate(free, null, { sizeMib: 1024 }).kind).toBe('free');
    expect(estimate({ plans: [] }, null, { sizeMib: 1024 }).kind).toBe('unknown');
    expect(estimate({ plans: [plan({ prices: {} })] }, null, { sizeMib: 1024 }).kind).toBe(
      'unknown',
    );
  });

  it('uses the billed plan, not the first by name', () => {
    const plans = [
      plan({ uuid: 'a'.repeat(32), archived: true, prices: { storage: 1 } }),
      plan({ uuid: 'b'.repeat(32), prices: { storage: 2 } }),
      plan({ uuid: 'c'.repeat(32), prices: { storage: 3 } }),
    ];
    const price = estimate({ plans }, 'c'.repeat(32), { sizeMib: 1024 });
    expect(price.kind === 'priced' && price.perDay).toBe(3);
    const fallback = estimate({ plans }, null, { sizeMib: 1024 });
    expect(fallback.kind === 'priced' && fallback.reason).toBe('first-active');
    expect(fallback.kind === 'priced' && fallback.perDay).toBe(2);
  });

  it('extend: the difference only; retype in the fixed mode: no change', () => {
    const change = priceChange(fixed, null, { sizeMib: 10 * 1024 }, { sizeMib: 25 * 1024 });
    expect(change?.deltaPerDay).toBeCloseTo(15 * 0.0016, 10);
    expect(change?.deltaPer30Days).toBeCloseTo(15 * 0.0016 * 30, 10);
    const retype = priceChange(
      dynamic,
      null,
      { sizeMib: 10 * 1024, typeName: 'hdd' },
      { sizeMib: 10 * 1024, typeName: 'ssd' },
    );
    expect(retype?.deltaPerDay).toBeCloseTo(10 * (0.0025 - 0.0008), 10);
    const same = priceChange(
      fixed,
      null,
      { sizeMib: 10 * 1024, typeName: 'hdd' },
      { sizeMib: 10 * 1024, typeName: 'ssd' },
    );
    expect(same?.deltaPerDay).toBe(0);
    expect(
      priceChange(dynamic, null, { sizeMib: 1024, typeName: 'hdd' }, { sizeMib: 1024 }),
    ).toBeNull();
  });

  it('a tenant’s volumes per 30 days: its volumes’ MiB, or per-type GiB in the dynamic mode', () => {
    expect(
      tenantVolumesPer30Days(fixed, null, [
        { name: 'storage', usage: 999 * 1024 },
        { name: 'volumes_size', usage: 100 * 1024 },
      ]),
    ).toBeCloseTo(100 * 0.0016 * 30, 10);
    expect(
      tenantVolumesPer30Days(dynamic, null, [
        { name: 'gigabytes_ssd', usage: 10 },
        { name: 'gigabytes_hdd', usage: 100 },
        { name: 'gigabytes_nvme', usage: 5 },
      ]),
    ).toBeCloseTo((10 * 0.0025 + 100 * 0.0008) * 30, 10);
    expect(tenantVolumesPer30Days({ plans: [] }, null, [])).toBeNull();
  });
});

describe('the quotas a request uses', () => {
  const quotas = [
    { name: 'storage', usage: 900 * 1024, limit: 1000 * 1024 },
    { name: 'gigabytes_ssd', usage: 40, limit: 50 },
    { name: 'volumes', usage: 10, limit: 10 },
    { name: 'volumes_size', usage: 900 * 1024, limit: -1 },
    { name: 'snapshots', usage: 0, limit: 50 },
    { name: 'snapshots_size', usage: 0, limit: -1 },
  ];

  it('a new volume: storage in MiB, its type in GiB, one volume, volumes_size', () => {
    expect(newVolumeDeltas(20 * 1024, 'ssd')).toEqual([
      { name: 'storage', amount: 20 * 1024 },
      { name: 'gigabytes_ssd', amount: 20 },
      { name: 'volumes', amount: 1 },
      { name: 'volumes_size', amount: 20 * 1024 },
    ]);
    expect(newVolumeDeltas(512).map((d) => d.name)).toEqual(['storage', 'volumes', 'volumes_size']);
  });

  it('a per-type quota tighter than storage refuses first; -1 shows no limit and no bar', () => {
    const uses = quotaUses(quotas.slice(0, 4), newVolumeDeltas(20 * 1024, 'ssd'));
    const byName = Object.fromEntries(uses.map((u) => [u.name, u]));
    expect(byName.storage).toMatchObject({ kind: 'limited', leftAfter: 80 * 1024, over: 0 });
    expect(byName.gigabytes_ssd).toMatchObject({
      kind: 'limited',
      unit: 'gib',
      leftAfter: -10,
      over: 10,
    });
    expect(byName.volumes).toMatchObject({ kind: 'limited', over: 1, leftAfter: -1 });
    expect(byName.volumes_size).toMatchObject({ kind: 'unshown', unit: 'mib' });
    expect(overQuota(uses).map((u) => u.name)).toEqual(['gigabytes_ssd', 'volumes']);
  });

  it('exactly up to the limit fits; one MiB more is over by one MiB', () => {
    const storage = [{ name: 'storage', usage: 900 * 1024, limit: 1000 * 1024 }];
    expect(overQuota(quotaUses(storage, extendDeltas(0, 100 * 1024)))).toEqual([]);
    expect(overQuota(quotaUses(storage, extendDeltas(0, 100 * 1024 + 1)))[0]?.over).toBe(1);
  });

  it('extend counts the difference; retype the size in the new type; a snapshot its count and size', () => {
    expect(extendDeltas(10 * 1024, 15 * 1024, 'ssd')).toEqual([
      { name: 'storage', amount: 5 * 1024 },
      { name: 'gigabytes_ssd', amount: 5 },
    ]);
    expect(retypeDeltas(60 * 1024, 'ssd')).toEqual([{ name: 'gigabytes_ssd', amount: 60 }]);
    expect(snapshotDeltas(3 * 1024)).toEqual([
      { name: 'snapshots', amount: 1 },
      { name: 'snapshots_size', amount: 3 * 1024 },
    ]);
  });

  it('a quota already past its limit refuses nothing this request does not add', () => {
    const lowered = [{ name: 'storage', usage: 120, limit: 100 }];
    expect(overQuota(quotaUses(lowered, [{ name: 'storage', amount: 0 }]))).toEqual([]);
    expect(overQuota(quotaUses(lowered, [{ name: 'storage', amount: 5 }]))[0]?.over).toBe(5);
  });

  it('quotas the tenant does not list are left out', () => {
    expect(quotaUses([], newVolumeDeltas(1024, 'ssd'))).toEqual([]);
    expect(quotaUses(undefined, snapshotDeltas(1024))).toEqual([]);
  });

  it('fullness: used ÷ limit; -1 counts as empty', () => {
    expect(fullness({ usage: 50, limit: 200 })).toBe(0.25);
    expect(fullness({ usage: 50, limit: -1 })).toBe(0);
    expect(fullness({ usage: 300, limit: 200 })).toBe(1.5);
  });
});
