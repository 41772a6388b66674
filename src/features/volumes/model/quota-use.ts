// The tenant quotas a request uses, as Waldur counts them (docs/pricing.md, "Quotas"): a volume adds
// `volumes` 1, `storage` and `volumes_size` its size in MiB, and `gigabytes_<type>` its size in GiB
// when it has a type; extending adds the difference to `storage` and `gigabytes_<type>`; a retype
// moves the size from one type's quota to the other's; a snapshot adds `snapshots` 1 and
// `snapshots_size` its size. Waldur refuses the request if any of them would pass its limit.
// A limit of -1 is shown both for "no limit" and for a stored 0 (contract E6): it promises nothing.
import { typeQuota } from './pricing';

export interface Quota {
  name?: string | null;
  usage?: number | null;
  limit?: number | null;
}

/** How a quota counts: MiB, GiB (Cinder's per-type quotas), or things. */
export type QuotaUnit = 'mib' | 'gib' | 'count';

export function quotaUnit(name: string): QuotaUnit {
  if (name === 'storage' || name === 'volumes_size' || name === 'snapshots_size') return 'mib';
  if (name.startsWith('gigabytes_')) return 'gib';
  return 'count';
}

/** What a request adds to one quota, in that quota's unit. */
export interface QuotaDelta {
  name: string;
  amount: number;
}

export type QuotaUse =
  | {
      kind: 'limited';
      name: string;
      unit: QuotaUnit;
      limit: number;
      used: number;
      adding: number;
      /** Left after this request; negative when it goes over. */
      leftAfter: number;
      /** How much over the limit this request goes (0 when it fits). */
      over: number;
    }
  /** -1: Waldur shows no limit (or a limit of 0): no bar, no promise. */
  | { kind: 'unshown'; name: string; unit: QuotaUnit; used: number; adding: number };

/**
 * Each quota a request uses, against what the tenant shows: quotas the tenant does not list are
 * left out (Waldur does not check them either); a request of 0 still shows its quota.
 */
export function quotaUses(
  quotas: readonly Quota[] | null | undefined,
  deltas: readonly QuotaDelta[],
): QuotaUse[] {
  const uses: QuotaUse[] = [];
  for (const { name, amount } of deltas) {
    const quota = quotas?.find((q) => q.name === name);
    if (!quota) continue;
    const unit = quotaUnit(name);
    const used = quota.usage ?? 0;
    const limit = quota.limit;
    if (typeof limit !== 'number' || limit < 0) {
      uses.push({ kind: 'unshown', name, unit, used, adding: amount });
      continue;
    }
    const leftAfter = limit - used - amount;
    uses.push({
      kind: 'limited',
      name,
      unit,
      limit,
      used,
      adding: amount,
      leftAfter,
      // Only what this request adds counts as its overflow: a quota already past its limit (a
      // lowered limit) with nothing added is not this request's fault, and Waldur skips a 0 delta.
      over: Math.max(0, Math.min(-leftAfter, amount)),
    });
  }
  return uses;
}

/** The quotas that refuse the request: Waldur checks each delta above 0 against its limit. */
export const overQuota = (uses: readonly QuotaUse[]) =>
  uses
    .filter((use): use is Extract<QuotaUse, { kind: 'limited' }> => use.kind === 'limited')
    .filter((use) => use.over > 0);

/** A new volume (create, or a snapshot restored to one) of `sizeMib`, of `typeName` if known. */
export function newVolumeDeltas(sizeMib: number, typeName?: string | null): QuotaDelta[] {
  return [
    { name: 'storage', amount: sizeMib },
    ...(typeName ? [{ name: typeQuota(typeName), amount: sizeMib / 1024 }] : []),
    { name: 'volumes', amount: 1 },
    { name: 'volumes_size', amount: sizeMib },
  ];
}

/** Extending from `fromMib` to `toMib`: the serializer adds the difference to these two. */
export function extendDeltas(
  fromMib: number,
  toMib: number,
  typeName?: string | null,
): QuotaDelta[] {
  const added = Math.max(toMib - fromMib, 0);
  return [
    { name: 'storage', amount: added },
    ...(typeName ? [{ name: typeQuota(typeName), amount: added / 1024 }] : []),
  ];
}

/** Retyping a volume of `sizeMib` to `typeName`: the new type's quota gains its size. */
export const retypeDeltas = (sizeMib: number, typeName: string): QuotaDelta[] => [
  { name: typeQuota(typeName), amount: sizeMib / 1024 },
];

/** A snapshot of a volume of `sizeMib`. */
export const snapshotDeltas = (sizeMib: number): QuotaDelta[] => [
  { name: 'snapshots', amount: 1 },
  { name: 'snapshots_size', amount: sizeMib },
];

/** How full a quota is (0–1, more when over): for sorting tenants; -1 limits count as empty. */
export function fullness(quota: Quota): number {
  if (typeof quota.limit !== 'number' || quota.limit < 0) return 0;
  if (quota.limit === 0) return (quota.usage ?? 0) > 0 ? Number.POSITIVE_INFINITY : 0;
  return (quota.usage ?? 0) / quota.limit;
}
