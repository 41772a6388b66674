// What a volume costs, as Waldur prices it (docs/pricing.md has the sources). Waldur never bills a
// volume by itself: its tenant is billed by the plan of the tenant's own marketplace resource, on
// the tenant's storage limit, per GiB and per the plan's unit (`storage`, or `gigabytes_<type>` in
// the "dynamic" storage mode). A volume's price is therefore its share at that plan's price: size in
// GiB × the plan's price for its storage component, converted to a day. A volume offering owns no
// plans: it shows its parent's (the tenant offering's) plans, components and plugin options.
import * as z from 'zod/mini';
import { flag, jsonObject, lenient, text } from '@/lib/zod';

/** A plan as `plans[]` of an offering shows it; `prices` are numbers (Decimals in Waldur's JSON). */
export const planSchema = z.looseObject({
  uuid: z.string(),
  name: text,
  /** `hour`, `day` (Waldur's default), `half_month`, `month` or `quantity`. */
  unit: text,
  archived: flag,
  prices: lenient(z.record(z.string(), z.unknown())),
});
export type Plan = z.output<typeof planSchema>;

/** What of an offering prices a volume: its (parent's) plans and plugin options. */
export interface PriceSource {
  plans?: readonly Plan[] | null;
  plugin_options?: Record<string, unknown> | null;
}

export const priceSourceShape = {
  plans: lenient(z.array(planSchema)),
  plugin_options: jsonObject,
};

/** Days per plan unit: a price per unit times this is a price per day. `quantity` has no day. */
const PER_DAY: Record<string, number> = { hour: 24, day: 1, half_month: 1 / 15, month: 1 / 30 };

export type PlanReason = 'billed' | 'first-active';

/**
 * The plan Waldur bills: the one the tenant's marketplace resource records (`marketplace_plan_uuid`
 * of the tenant), even if since archived. When that is not known (not visible to the reader, or an
 * older Waldur), the first plan not archived, as the offering lists them (by name): what a new
 * tenant would be given. HomePort takes `plans[0]`, which may be an archived one.
 */
export function billedPlan(
  plans: readonly Plan[] | null | undefined,
  billedUuid: string | null | undefined,
): { plan: Plan; reason: PlanReason } | null {
  const billed = billedUuid ? plans?.find((p) => p.uuid === billedUuid) : undefined;
  if (billed) return { plan: billed, reason: 'billed' };
  const active = plans?.find((p) => !p.archived);
  return active ? { plan: active, reason: 'first-active' } : null;
}

export const isDynamicStorage = (source: PriceSource) =>
  source.plugin_options?.storage_mode === 'dynamic';

/** Cinder's per-type quota, and the component that prices that type in the dynamic mode. */
export const typeQuota = (typeName: string) => `gigabytes_${typeName}`;

/**
 * The component a volume's storage is priced by: `gigabytes_<type>` in the dynamic storage mode,
 * `storage` otherwise (for every type alike). In the dynamic mode a volume without a type gets
 * whichever type Cinder defaults to, which the console cannot know: null.
 */
export function storageComponent(source: PriceSource, typeName: string | null | undefined) {
  if (!isDynamicStorage(source)) return 'storage';
  return typeName ? typeQuota(typeName) : null;
}

/** A plan's price of a component per GiB per day, or null when it has none or no daily meaning. */
export function pricePerGibDay(plan: Plan, component: string): number | null {
  const raw = plan.prices?.[component];
  const price = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
  const perDay = PER_DAY[plan.unit ?? 'day'];
  if (!Number.isFinite(price) || perDay === undefined) return null;
  return price * perDay;
}

export type Estimate =
  | {
      kind: 'priced';
      perDay: number;
      per30Days: number;
      plan: Plan;
      reason: PlanReason;
      component: string;
    }
  /** The plan prices this storage at 0: nothing to show. */
  | { kind: 'free' }
  /** No plan, no price for the component, a unit without days, or a type Cinder will choose. */
  | { kind: 'unknown' };

export interface PricedVolume {
  sizeMib: number;
  typeName?: string | null;
}

/** A volume's estimated price per day and per 30 days under the plan Waldur bills. */
export function estimate(
  source: PriceSource,
  billedUuid: string | null | undefined,
  volume: PricedVolume,
): Estimate {
  const chosen = billedPlan(source.plans, billedUuid);
  const component = storageComponent(source, volume.typeName);
  if (!chosen || !component) return { kind: 'unknown' };
  const perGibDay = pricePerGibDay(chosen.plan, component);
  if (perGibDay === null) return { kind: 'unknown' };
  if (perGibDay === 0) return { kind: 'free' };
  const perDay = (volume.sizeMib / 1024) * perGibDay;
  return { kind: 'priced', perDay, per30Days: perDay * 30, ...chosen, component };
}

/** How a change (extend, retype) moves the price: the new price and the difference, per day. */
export function priceChange(
  source: PriceSource,
  billedUuid: string | null | undefined,
  before: PricedVolume,
  after: PricedVolume,
) {
  const was = estimate(source, billedUuid, before);
  const will = estimate(source, billedUuid, after);
  const daily = (e: Estimate) => (e.kind === 'priced' ? e.perDay : e.kind === 'free' ? 0 : null);
  const [from, to] = [daily(was), daily(will)];
  if (from === null || to === null || (from === 0 && to === 0)) return null;
  return { before: was, after: will, deltaPerDay: to - from, deltaPer30Days: (to - from) * 30 };
}

/**
 * What a tenant's volumes cost per 30 days at its plan: the storage its volumes use (`volumes_size`
 * in MiB; per type, `gigabytes_<type>` in GiB, in the dynamic mode) at the plan's prices. Null when
 * nothing is priced or the usage is not known.
 */
export function tenantVolumesPer30Days(
  source: PriceSource,
  billedUuid: string | null | undefined,
  quotas: readonly { name?: string | null; usage?: number | null }[] | null | undefined,
): number | null {
  const chosen = billedPlan(source.plans, billedUuid);
  if (!chosen || !quotas) return null;
  const usage = (name: string) => quotas.find((q) => q.name === name)?.usage;
  let perDay = 0;
  if (isDynamicStorage(source)) {
    let priced = false;
    for (const quota of quotas) {
      if (!quota.name?.startsWith('gigabytes_') || typeof quota.usage !== 'number') continue;
      const price = pricePerGibDay(chosen.plan, quota.name);
      if (price === null) continue;
      priced = true;
      perDay += quota.usage * price;
    }
    if (!priced) return null;
  } else {
    const used = usage('volumes_size') ?? usage('storage');
    const price = pricePerGibDay(chosen.plan, 'storage');
    if (typeof used !== 'number' || price === null) return null;
    perDay = (used / 1024) * price;
  }
  return perDay * 30;
}
