// The bench's tables (terminal and latest.md are the same Markdown) and `--compare A B`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bootstrapDifference, type Interval, type Verdict } from './stats';

export type Unit = 'ratio' | 'ms' | 'MiB' | 'KiB' | 'count' | 'text';

/** One line of the summary: a measure, for one profile and one size of data. */
export interface SummaryRow {
  /** `<profile>|<volumes>|<id>`: what `--compare` matches on. */
  key: string;
  profile: string;
  volumes: number;
  id: string;
  label: string;
  unit: Unit;
  /** Median and bootstrap 95 % interval, for measures with samples. */
  interval?: Interval;
  /** The values the interval was computed from (pair ratios, or samples). */
  values?: number[];
  /** Anything else: a count, a yes/no, a description. */
  text?: string;
  /** "≤ ×1.2", "< 16 MiB"… and the number the interval's upper end must be under. */
  target?: { text: string; under: number };
  verdict: Verdict;
  /** Extra detail shown with the result (the two sides of a ratio…). */
  detail?: string;
  /** Median of the server's time per sample (ms): what of the measure was the backend's. */
  backendMs?: number;
}

/** One measure with many volumes against the same with the fewest. */
export interface GrowthRow {
  key: string;
  profile: string;
  id: string;
  label: string;
  unit: Unit;
  small: { volumes: number; median: number };
  large: { volumes: number; interval: Interval };
  /** 1.1 × the small size's median. */
  limit: number;
  verdict: Verdict;
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** A number in a unit, as the tables show it. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ratio':
      return `×${fixed(value, 2)}`;
    case 'ms':
      return `${fixed(value, value < 10 ? 1 : 0)} ms`;
    case 'MiB':
      return `${fixed(value, 2)} MiB`;
    case 'KiB':
      return `${fixed(value, 1)} KiB`;
    default:
      return fixed(value, 0);
  }
}

/** "×1.12 [1.05, 1.19]": the median and its interval. */
export function formatInterval(interval: Interval, unit: Unit): string {
  const inner = (n: number) =>
    formatValue(n, unit)
      .replace(/^×/, '')
      .replace(/ (ms|MiB|KiB)$/, '');
  return `${formatValue(interval.median, unit)} [${inner(interval.low)}, ${inner(interval.high)}]`;
}

export const volumesLabel = (n: number) => `${n.toLocaleString('en-US')} volumes`;

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

const verdictText = (v: Verdict) => (v === 'info' ? '' : v);

/** The summary, grouped by profile and size, then growth: the Markdown of latest.md. */
export function renderSummary(
  rows: SummaryRow[],
  growth: GrowthRow[],
  sizes: SummaryRow[],
  heading: string[],
): string[] {
  const lines = [...heading, ''];
  if (sizes.length > 0) {
    lines.push('## Download sizes (gzip 9 / brotli 11)', '');
    lines.push(
      ...table(
        ['Measure', 'Result', 'Target', 'Verdict'],
        sizes.map((r) => [r.label, r.text ?? '', r.target?.text ?? '', verdictText(r.verdict)]),
      ),
      '',
    );
  }
  const groups = new Map<string, SummaryRow[]>();
  for (const row of rows) {
    const key = `${row.profile}|${row.volumes}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, group] of groups) {
    const [profile, volumes] = key.split('|');
    lines.push(`## ${profile} · ${volumesLabel(Number(volumes))}`, '');
    lines.push(
      ...table(
        ['Measure', 'Median [95 % CI]', 'n', 'Target', 'Verdict', 'Backend'],
        group.map((r) => [
          r.label,
          r.interval
            ? `${formatInterval(r.interval, r.unit)}${r.detail ? ` (${r.detail})` : ''}`
            : `${r.text ?? ''}${r.detail ? ` (${r.detail})` : ''}`,
          r.interval ? String(r.interval.n) : '',
          r.target?.text ?? '',
          verdictText(r.verdict),
          r.backendMs !== undefined && Number.isFinite(r.backendMs)
            ? formatValue(r.backendMs, 'ms')
            : '',
        ]),
      ),
      '',
    );
  }
  if (growth.length > 0) {
    lines.push(
      '## As the data grows (met: upper end under 1.1 × the smallest size’s median; grows with data: lower end above it)',
      '',
    );
    lines.push(
      ...table(
        ['Profile', 'Measure', 'Fewest: median', 'More: median [95 % CI]', 'Limit', 'Verdict'],
        growth.map((g) => [
          g.profile,
          g.label,
          `${formatValue(g.small.median, g.unit)} (${volumesLabel(g.small.volumes)})`,
          `${formatInterval(g.large.interval, g.unit)} (${volumesLabel(g.large.volumes)})`,
          formatValue(g.limit, g.unit),
          g.verdict,
        ]),
      ),
      '',
    );
  }
  const judged = [...sizes, ...rows, ...growth].filter((r) => r.verdict !== 'info');
  const met = judged.filter((r) => r.verdict === 'met').length;
  lines.push(`Targets met: ${met} of ${judged.length}.`);
  return lines;
}

interface ResultFile {
  date: string;
  commit: string;
  summary: SummaryRow[];
  growth: GrowthRow[];
  sizes: SummaryRow[];
}

/** A result by path, or by name in bench/results (with or without `.json`). */
export function loadResult(name: string): ResultFile & { path: string } {
  const candidates = [
    name,
    `${name}.json`,
    resolve('bench/results', name),
    resolve('bench/results', `${name}.json`),
  ];
  const path = candidates.find((c) => existsSync(c));
  if (!path) throw new Error(`No result ${name} (looked in bench/results too)`);
  return { ...(JSON.parse(readFileSync(path, 'utf8')) as ResultFile), path };
}

/** Two runs side by side: each measure's two intervals, B − A with its interval, both verdicts. */
export function renderCompare(aName: string, bName: string): string[] {
  const a = loadResult(aName);
  const b = loadResult(bName);
  const lines = [
    `A: ${a.path} (${a.date}, ${a.commit})`,
    `B: ${b.path} (${b.date}, ${b.commit})`,
    '',
    'B − A is the difference of the medians, with a bootstrap 95 % interval (each side resampled);',
    '"changed" when that interval leaves out 0.',
    '',
  ];
  const sizeRows = new Map(a.sizes.map((r) => [r.key, r]));
  if (b.sizes.length > 0) {
    lines.push(
      ...table(
        ['Size', 'A', 'B'],
        b.sizes.map((r) => [r.label, sizeRows.get(r.key)?.text ?? '–', r.text ?? '']),
      ),
      '',
    );
  }
  const keys = [...new Set([...a.summary, ...b.summary].map((r) => r.key))];
  const byKey = (file: ResultFile) => new Map(file.summary.map((r) => [r.key, r]));
  const ra = byKey(a);
  const rb = byKey(b);
  const rows: string[][] = [];
  for (const key of keys) {
    const x = ra.get(key);
    const y = rb.get(key);
    const row = (x ?? y)!;
    const show = (r: SummaryRow | undefined) =>
      !r ? '–' : r.interval ? formatInterval(r.interval, r.unit) : (r.text ?? '');
    let difference = '';
    if (x?.values && y?.values && x.unit !== 'text') {
      const d = bootstrapDifference(key, x.values, y.values);
      const sign = (n: number) => `${n >= 0 ? '+' : '−'}${formatValue(Math.abs(n), row.unit)}`;
      const relative =
        x.interval && x.interval.median !== 0
          ? ` (${d.difference >= 0 ? '+' : '−'}${fixed(Math.abs((100 * d.difference) / x.interval.median), 1)} %)`
          : '';
      const changed = d.low > 0 || d.high < 0 ? ', changed' : '';
      difference = `${sign(d.difference)}${relative} [${sign(d.low)}, ${sign(d.high)}]${changed}`;
    }
    rows.push([
      row.profile,
      volumesLabel(row.volumes),
      row.label,
      show(x),
      show(y),
      difference,
      `${x ? verdictText(x.verdict) || '·' : '–'} → ${y ? verdictText(y.verdict) || '·' : '–'}`,
    ]);
  }
  lines.push(
    ...table(
      [
        'Profile',
        'Data',
        'Measure',
        'A: median [95 % CI]',
        'B: median [95 % CI]',
        'B − A',
        'A → B',
      ],
      rows,
    ),
  );
  const growthKeys = [...new Set([...a.growth, ...b.growth].map((g) => g.key))];
  if (growthKeys.length > 0) {
    const ga = new Map(a.growth.map((g) => [g.key, g]));
    const gb = new Map(b.growth.map((g) => [g.key, g]));
    lines.push('', 'As the data grows:', '');
    lines.push(
      ...table(
        ['Profile', 'Measure', 'A', 'B', 'A → B'],
        growthKeys.map((key) => {
          const x = ga.get(key);
          const y = gb.get(key);
          const g = (x ?? y)!;
          const show = (r: GrowthRow | undefined) =>
            r
              ? `${formatInterval(r.large.interval, r.unit)} vs limit ${formatValue(r.limit, r.unit)}`
              : '–';
          return [
            g.profile,
            `${g.label} (${volumesLabel(g.large.volumes)})`,
            show(x),
            show(y),
            `${x?.verdict ?? '–'} → ${y?.verdict ?? '–'}`,
          ];
        }),
      ),
    );
  }
  return lines;
}
