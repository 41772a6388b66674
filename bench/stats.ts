// The bench's statistics: medians, bootstrap 95 % intervals and the verdicts drawn from them.
//
// A ratio (console / floor) is measured in pairs, each pair a console sample and a floor sample
// taken one after the other in fresh browser contexts, so that whatever the machine was doing hits
// both. Its value is the median of the pairs' ratios; its interval comes from resampling the pairs
// with replacement (2,000 times by default) and taking each resample's median ratio: the 2.5th and
// 97.5th percentiles of those medians. An absolute timing is resampled the same way over its
// samples. The resampling's random numbers come from a PRNG seeded by the measure's name, so the
// same samples always give the same interval (`--compare` recomputes nothing it cannot reproduce).
//
// A target is met only when the interval's upper end is under it: the measure is then below the
// target with 95 % confidence, not merely on a lucky median.

export const RESAMPLES = 2000;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `p` quantile (0…1) of sorted values, linearly interpolated (R's type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** FNV-1a: a measure's name → the seed of its resampling. */
export function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, seeded, good enough to pick resamples. Numbers in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Interval {
  /** The median of the samples (of the pairs' ratios, for a ratio). */
  median: number;
  /** The bootstrap 95 % interval of the median. */
  low: number;
  high: number;
  /** Samples (pairs) it stands on. */
  n: number;
  /** The PRNG seed of the resampling, and how many resamples. */
  seed: number;
  resamples: number;
}

/** The median of `values` and its bootstrap 95 % interval, reproducibly seeded by `name`. */
export function bootstrap(
  name: string,
  values: readonly number[],
  resamples = RESAMPLES,
): Interval {
  const seed = seedOf(name);
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) {
    return { median: Number.NaN, low: Number.NaN, high: Number.NaN, n, seed, resamples };
  }
  const random = prng(seed);
  const medians = new Float64Array(resamples);
  const sample = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = finite[Math.floor(random() * n)]!;
    medians[r] = median(sample);
  }
  const sorted = [...medians].sort((a, b) => a - b);
  return {
    median: median(finite),
    low: quantile(sorted, 0.025),
    high: quantile(sorted, 0.975),
    n,
    seed,
    resamples,
  };
}

/** Pairs → their ratios (console / floor); a pair with a missing or zero side is left out. */
export function pairRatios(pairs: readonly { ours: number; floor: number }[]): number[] {
  return pairs
    .filter((p) => Number.isFinite(p.ours) && Number.isFinite(p.floor) && p.floor > 0)
    .map((p) => p.ours / p.floor);
}

/**
 * The difference B − A of two sets of samples' medians, with a bootstrap 95 % interval
 * (each side resampled on its own): for `--compare`.
 */
export function bootstrapDifference(
  name: string,
  a: readonly number[],
  b: readonly number[],
  resamples = RESAMPLES,
): { difference: number; low: number; high: number } {
  const random = prng(seedOf(`${name}|difference`));
  const fa = a.filter(Number.isFinite);
  const fb = b.filter(Number.isFinite);
  if (fa.length === 0 || fb.length === 0) {
    return { difference: Number.NaN, low: Number.NaN, high: Number.NaN };
  }
  const draw = (values: number[]) => {
    const sample = new Array<number>(values.length);
    for (let i = 0; i < values.length; i++)
      sample[i] = values[Math.floor(random() * values.length)]!;
    return median(sample);
  };
  const differences: number[] = [];
  for (let r = 0; r < resamples; r++) differences.push(draw(fb) - draw(fa));
  differences.sort((x, y) => x - y);
  return {
    difference: median(fb) - median(fa),
    low: quantile(differences, 0.025),
    high: quantile(differences, 0.975),
  };
}

export type Verdict = 'met' | 'not met' | 'grows with data' | 'info';

/** Met only when the interval's upper end is under the target (and there is an interval). */
export function judgeUnder(interval: Interval, target: number): Verdict {
  return Number.isFinite(interval.high) && interval.high < target ? 'met' : 'not met';
}

/**
 * A measure with many volumes against the same with few: "grows with data" when the large size's
 * interval is wholly above 1.1 × the small size's median; "met" when its upper end is under that;
 * otherwise "not met" (the interval straddles the limit: not shown either way).
 */
export function judgeGrowth(
  small: Interval,
  large: Interval,
  tolerance = 0.1,
): { verdict: Verdict; limit: number } {
  const limit = (1 + tolerance) * small.median;
  if (!Number.isFinite(limit) || !Number.isFinite(large.low)) return { verdict: 'not met', limit };
  if (large.low > limit) return { verdict: 'grows with data', limit };
  if (large.high < limit) return { verdict: 'met', limit };
  return { verdict: 'not met', limit };
}
