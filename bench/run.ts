// `npm run bench`: builds the console and a floor app (the same libraries rendering one page of the
// same volumes, nothing else), serves both against the same Waldur-shaped HTTP server, and measures
// in headless Chromium, for each profile (desktop; throttled: CPU 4× slower, 150 ms RTT, 1.6 Mbps
// down, 750 kbps up) and each size of data (250, 5,000 and 50,000 volumes on the server):
//
// - the first volume row and a search, each against the floor, in interleaved pairs (console,
//   floor, console, floor…, each in a fresh browser context); the first row in English, German
//   and Arabic (the floor stays English);
// - opening a volume, the state filter's counts, exporting the view (up to 10,000 rows: time, peak
//   JS heap, progress, and whether Cancel stops it), the first dialog of a visit;
// - the JS heap after a round of 20 list pages and 20 volumes and what a second round adds, and the
//   heap with 50,000 volumes on the server;
// - download sizes (gzip 9, brotli 11) and a scripted journey's requests and bytes.
//
// Each size has its own server (and the console and floor pointed at it), and the sizes are
// interleaved sample by sample, so that comparing sizes is as robust to a busy machine as comparing
// the console with the floor. Every timing gets a median and a bootstrap 95 % interval
// (./stats.ts); a target is met only when the interval's upper end is under it. Results: bench/results/<date>-<commit>.json (raw samples,
// summary, machine), latest.json and latest.md. `npm run bench -- --compare A B` puts two side by
// side. Options: bench/README.md.
import { type ChildProcess, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, executablePath } from '../playwright.config';
import { bundleSizes, firstLoadSizes, kib } from '../scripts/bundle-size';
import {
  type CancelSample,
  cancelExport,
  type Env,
  type ExportSample,
  exportAll,
  facetCounts,
  firstDialog,
  firstRow,
  journey,
  type MemorySample,
  memory,
  openVolume,
  PROFILES,
  type Profile,
  search,
} from './measures';
import {
  type GrowthRow,
  renderCompare,
  renderSummary,
  type SummaryRow,
  type Unit,
  volumesLabel,
} from './report';
import { buildConsole, buildFloor, FLOOR_DIR, ready, type Stack, startStack } from './stack';
import {
  bootstrap,
  type Interval,
  judgeGrowth,
  judgeUnder,
  median,
  pairRatios,
  RESAMPLES,
} from './stats';

const TARGETS = {
  listFirstLoadGzipKiB: 120,
  firstRowRatio: 1.2,
  searchRatio: 1.3,
  /** Per profile: PROFILES[…].firstDialogTargetMs (50 ms desktop, 150 ms throttled). */
  memorySecondRoundMiB: 0.25,
  /** With at least `largeVolumes` volumes on the server: after the first row and after paging. */
  heapMiB: 16,
  largeVolumes: 50_000,
  /** A measure with the most volumes may be at most this much worse than with the fewest. */
  growthTolerance: 0.1,
};

/** Measure groups, for BENCH_ONLY. */
const GROUPS = [
  'sizes',
  'firstRow',
  'languages',
  'search',
  'openVolume',
  'facets',
  'export',
  'cancel',
  'dialog',
  'journey',
  'memory',
] as const;
type Group = (typeof GROUPS)[number];

const list = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} wants a whole number ≥ 1`);
  return value;
};

function readOptions() {
  const only = list(process.env.BENCH_ONLY, GROUPS.join(','));
  for (const group of only) {
    if (!(GROUPS as readonly string[]).includes(group)) {
      throw new Error(`BENCH_ONLY: unknown ${group} (one of ${GROUPS.join(', ')})`);
    }
  }
  const profiles = list(process.env.BENCH_PROFILES, 'desktop,throttled').map((name) => {
    const profile = PROFILES[name];
    if (!profile) throw new Error(`BENCH_PROFILES: unknown ${name} (desktop, throttled)`);
    return profile;
  });
  const sizes = list(process.env.BENCH_SIZES, '250,5000,50000')
    .map(Number)
    .sort((a, b) => a - b);
  if (sizes.some((n) => !Number.isInteger(n) || n < 250)) {
    throw new Error('BENCH_SIZES: whole numbers of volumes, each at least 250 (the seed)');
  }
  return {
    pairs: count('BENCH_PAIRS', 15),
    runs: count('BENCH_RUNS', 15),
    memoryRuns: count('BENCH_MEMORY_RUNS', 3),
    memoryRounds: Math.max(2, count('BENCH_MEMORY_ROUNDS', 2)),
    resamples: count('BENCH_RESAMPLES', RESAMPLES),
    profiles,
    sizes: [...new Set(sizes)],
    languages: list(process.env.BENCH_LANGS, 'en,de,ar'),
    only: new Set(only as Group[]),
    build: !process.argv.includes('--no-build'),
  };
}
type Options = ReturnType<typeof readOptions>;

const started = Date.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => {
  const s = Math.round((Date.now() - started) / 1000);
  log(
    `[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${line}`,
  );
};
const mib = (bytes: number) => bytes / 2 ** 20;

/** A port nothing listens on now (the OS picks it), so a busy machine cannot make the bench fail. */
/**
 * The console's build the bench serves: its own directory, so that someone building `dist/` while
 * the bench runs (`npm test` does) cannot pull the files from under it.
 */
const OURS_DIR = 'dist-bench';

async function buildAll() {
  log(`Building the console (vite build → ${OURS_DIR}/)…`);
  buildConsole(OURS_DIR);
  log('Building the floor app…');
  await buildFloor();
}

/**
 * Set when the bench cannot go on (a server died, an interrupt): samples stop, and what was
 * measured so far is summarised and written, marked partial.
 */
let fatal: string | null = null;
class Abort extends Error {}

/** The Waldur-shaped server's request log, read from where the bench last left it. */
function backendLog(api: string) {
  let cursor = 0;
  const take = async () => {
    const entries = (await (await fetch(`${api}/__control/requests?since=${cursor}`)).json()) as {
      ms: number;
      cached: boolean;
    }[];
    cursor += entries.length;
    return entries;
  };
  return {
    take,
    /** The server's time (ms) for the requests since the last call. */
    async ms() {
      return (await take()).reduce((sum, e) => sum + (e.ms ?? 0), 0);
    },
  };
}
type BackendLog = ReturnType<typeof backendLog>;

interface Pair {
  ours: number;
  floor: number;
  oursBackendMs: number;
  floorBackendMs: number;
  /** `<html lang>` on the console's side: the language it took. */
  lang?: string;
}

/** Everything measured for one profile and one size of data. */
interface RawRun {
  profile: string;
  volumes: number;
  pairs: Record<string, Pair[]>;
  samples: Record<string, number[]>;
  backendMs: Record<string, number[]>;
  exports: ExportSample[];
  cancels: CancelSample[];
  memory: MemorySample[];
  journey?: Awaited<ReturnType<typeof journey>>;
  errors: string[];
}

/** Runs `fn`, timing the backend's share; an error is logged and kept, and gives null. */
async function sample<T>(
  run: RawRun,
  backend: BackendLog,
  label: string,
  fn: () => Promise<T>,
): Promise<{ value: T; backendMs: number } | null> {
  if (fatal) throw new Abort(fatal);
  await backend.take();
  try {
    const value = await fn();
    return { value, backendMs: await backend.ms() };
  } catch (error) {
    if (fatal) throw new Abort(fatal);
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    run.errors.push(`${label}: ${message}`);
    process.stderr.write(`  ${run.profile} · ${run.volumes} · ${label} failed: ${message}\n`);
    await backend.take().catch(() => []);
    return null;
  }
}

function push(record: Record<string, number[]>, key: string, value: number) {
  if (!record[key]) record[key] = [];
  record[key].push(value);
}

/** One size of data in one profile: where to measure it and where its samples go. */
interface Target {
  env: Env;
  backend: BackendLog;
  run: RawRun;
  /** The smallest size: languages, the first dialog and the journey are measured there only. */
  base: boolean;
}

/**
 * Measures one profile on every size of data, the sizes interleaved sample by sample (in an order
 * that turns each time), so that a comparison between sizes is as robust to what the machine is
 * doing as a console/floor pair. Samples go into each target's run, kept as far as they got.
 */
async function measureProfile(targets: Target[], options: Options) {
  const want = (group: Group) => options.only.has(group);
  const profile = targets[0]!.env.profile.name;
  const sizes = targets.map((t) => t.env.volumes.toLocaleString('en-US')).join(', ');
  const languagesOf = (t: Target) =>
    options.languages.filter((lang) =>
      lang === 'en' ? want('firstRow') : t.base && want('languages'),
    );
  const locale = (lang: string) => (lang === 'en' ? undefined : lang);
  const record = (t: Target, key: string, value: number, backendMs: number) => {
    push(t.run.samples, key, value);
    push(t.run.backendMs, key, backendMs);
  };
  /** The targets in the i-th turn's order. */
  const turn = (i: number, among = targets) => among.map((_, k) => among[(k + i) % among.length]!);
  const given = new Set<string>();
  const failures = new Map<string, number>();
  /**
   * `times` turns of `once` over the targets (or some of them); a target that fails three times
   * in a row gets no more samples of that measure.
   */
  const each = async (
    times: number,
    label: string,
    once: (t: Target, i: number) => Promise<boolean>,
    among = targets,
  ) => {
    progress(
      `${profile}: ${label} ×${times} (${among.map((t) => t.env.volumes.toLocaleString('en-US')).join(', ')} volumes)`,
    );
    for (let i = 0; i < times; i++) {
      for (const t of turn(i, among)) {
        const key = `${label}|${t.env.volumes}`;
        if (given.has(key)) continue;
        if (await once(t, i)) failures.set(key, 0);
        else if ((failures.get(key) ?? 0) + 1 >= 3) {
          given.add(key);
          process.stderr.write(
            `  ${profile} · ${t.env.volumes} · ${label}: three failures in a row; no more samples.\n`,
          );
        } else failures.set(key, (failures.get(key) ?? 0) + 1);
      }
    }
  };

  // Warm-up, not kept: the server's JIT and read cache, the build's files in the OS cache.
  for (const t of targets) {
    progress(`${profile} · ${volumesLabel(t.env.volumes)}: warming up`);
    const warm = async (label: string, fn: () => Promise<unknown>) => {
      const ok = await sample({ ...t.run, errors: [] }, t.backend, `warm-up ${label}`, fn);
      if (!ok) process.stderr.write(`  (warm-up ${label} failed; measuring anyway)\n`);
    };
    const env = t.env;
    for (const lang of languagesOf(t))
      await warm('first row', () => firstRow(env, 'ours', locale(lang)));
    if (languagesOf(t).length > 0) await warm('floor', () => firstRow(env, 'floor'));
    if (want('search')) {
      await warm('search', () => search(env, 'ours'));
      await warm('floor search', () => search(env, 'floor'));
    }
    if (want('openVolume')) await warm('open a volume', () => openVolume(env));
    if (want('facets')) await warm('facet counts', () => facetCounts(env));
    if (want('export') || want('cancel')) await warm('export', () => exportAll(env));
    if (t.base && want('dialog')) await warm('first dialog', () => firstDialog(env, 0));
  }

  /** One pair: the console, then the floor, each in a fresh context. */
  const pair = async (
    t: Target,
    key: string,
    ours: () => Promise<{ ms: number; lang?: string }>,
    floor: () => Promise<number>,
  ) => {
    const o = await sample(t.run, t.backend, `${key} (console)`, ours);
    const f = await sample(t.run, t.backend, `${key} (floor)`, floor);
    if (!t.run.pairs[key]) t.run.pairs[key] = [];
    t.run.pairs[key].push({
      ours: o?.value.ms ?? Number.NaN,
      floor: f?.value ?? Number.NaN,
      oursBackendMs: o?.backendMs ?? Number.NaN,
      floorBackendMs: f?.backendMs ?? Number.NaN,
      ...(o?.value.lang ? { lang: o.value.lang } : {}),
    });
  };
  if (want('firstRow') || want('languages') || want('search')) {
    for (let i = 0; i < options.pairs; i++) {
      progress(
        `${profile}: first row & search, pair ${i + 1} of ${options.pairs} (${sizes} volumes)`,
      );
      for (const t of turn(i)) {
        const env = t.env;
        for (const lang of languagesOf(t)) {
          await pair(
            t,
            `firstRow.${lang}`,
            () => firstRow(env, 'ours', locale(lang)),
            async () => (await firstRow(env, 'floor')).ms,
          );
        }
        if (want('search')) {
          await pair(
            t,
            'search',
            async () => ({ ms: await search(env, 'ours') }),
            () => search(env, 'floor'),
          );
        }
      }
    }
  }
  if (want('openVolume')) {
    await each(options.runs, 'open a volume', async (t) => {
      const s = await sample(t.run, t.backend, 'open a volume', () => openVolume(t.env));
      if (!s) return false;
      record(t, 'openVolume.heading', s.value.heading, s.backendMs);
      record(t, 'openVolume.full', s.value.full, s.backendMs);
      return true;
    });
  }
  if (want('facets')) {
    await each(options.runs, 'facet counts', async (t) => {
      const s = await sample(t.run, t.backend, 'facet counts', () => facetCounts(t.env));
      if (!s) return false;
      record(t, 'facetCounts', s.value.ms, s.backendMs);
      return true;
    });
  }
  if (want('export')) {
    await each(options.runs, 'export', async (t) => {
      const s = await sample(t.run, t.backend, 'export', () => exportAll(t.env));
      if (!s) return false;
      t.run.exports.push(s.value);
      record(t, 'export.ms', s.value.ms, s.backendMs);
      return true;
    });
  }
  if (want('cancel')) {
    await each(Math.min(options.runs, 3), 'cancel an export', async (t) => {
      const s = await sample(t.run, t.backend, 'cancel an export', () => cancelExport(t.env));
      if (s) t.run.cancels.push(s.value);
      return Boolean(s);
    });
  }
  const base = targets.filter((t) => t.base);
  if (want('dialog')) {
    await each(
      options.runs,
      'first dialog',
      async (t) => {
        const read = await sample(t.run, t.backend, 'first dialog (after reading)', () =>
          firstDialog(t.env, 1000),
        );
        const atOnce = await sample(t.run, t.backend, 'first dialog (at once)', () =>
          firstDialog(t.env, 0),
        );
        if (read) record(t, 'firstDialog.afterReading', read.value, read.backendMs);
        if (atOnce) record(t, 'firstDialog.atOnce', atOnce.value, atOnce.backendMs);
        return Boolean(read && atOnce);
      },
      base,
    );
  }
  if (want('journey')) {
    for (const t of base) {
      progress(`${profile}: journey (${t.env.volumes} volumes)`);
      const s = await sample(t.run, t.backend, 'journey', () => journey(t.env));
      if (s) t.run.journey = s.value;
    }
  }
  if (want('memory')) {
    await each(
      options.memoryRuns,
      `memory (${options.memoryRounds} rounds of 20 pages and 20 volumes)`,
      async (t) => {
        const s = await sample(t.run, t.backend, 'memory', () =>
          memory(t.env, options.memoryRounds),
        );
        if (!s) return false;
        t.run.memory.push(s.value);
        const added = s.value.afterRounds.slice(1).map((h, r) => h - s.value.afterRounds[r]!);
        const objects = s.value.objectsAfterRounds
          .slice(1)
          .map((h, r) => h - s.value.objectsAfterRounds[r]!);
        progress(
          `${profile} · ${volumesLabel(t.env.volumes)}: rounds 2… add ${added.map((b) => `+${mib(b).toFixed(3)}`).join(', ')} MiB (objects without code: ${objects.map((b) => `${b >= 0 ? '+' : ''}${mib(b).toFixed(3)}`).join(', ')})`,
        );
        return true;
      },
    );
  }
}

// The summary: an interval for everything with samples, a verdict for everything with a target.

const LABELS: Record<string, string> = {
  search: 'Search → its one row: console / floor',
  searchMs: 'Search → its one row, console',
  'openVolume.heading': 'Open a volume from the list: heading',
  'openVolume.full': 'Open a volume from the list: full details',
  facetCounts: 'State filter opened → its counts',
  'export.ms': 'Export the view as CSV',
  'export.msPer1000': 'Export, per 1,000 rows',
  'export.peakHeapMiB': 'Export: peak JS heap',
  'export.checks': 'Export: rows, progress',
  cancel: 'Export: Cancel stops it',
  'firstDialog.afterReading': 'First dialog (Extend…), 1 s after the page',
  'firstDialog.atOnce': 'First dialog (Extend…), at once',
  'memory.firstRowMiB': 'JS heap after the first row (GC)',
  'memory.afterPagingMiB': 'JS heap after 20 list pages (GC)',
  'memory.secondRoundMiB': 'JS heap added by a 2nd round of 20 pages + 20 volumes',
  'memory.secondRoundObjectsMiB':
    'Objects added by a 2nd round (heap snapshot, compiled code left out)',
  journey: 'Journey: requests (API) / bytes (API)',
};
const LANGUAGES: Record<string, string> = { en: 'English', de: 'German', ar: 'Arabic' };
function label(id: string) {
  if (LABELS[id]) return LABELS[id];
  const [, kind, lang] = /^(firstRow|firstRowMs)\.(.+)$/.exec(id) ?? [];
  const language = lang ? (LANGUAGES[lang] ?? lang) : '';
  if (kind === 'firstRow') return `First volume row, ${language}: console / floor`;
  if (kind === 'firstRowMs') return `First volume row, console, ${language}`;
  return id;
}

/** Measures compared between the fewest and the most volumes. */
const GROWTH_IDS = [
  'firstRow.en',
  'search',
  'firstRowMs.en',
  'searchMs',
  'openVolume.heading',
  'openVolume.full',
  'facetCounts',
  'export.msPer1000',
  'memory.firstRowMiB',
  'memory.afterPagingMiB',
];

function summarise(run: RawRun, resamples: number): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const profile = PROFILES[run.profile]!;
  const keyOf = (id: string) => `${run.profile}|${run.volumes}|${id}`;
  const add = (
    id: string,
    unit: Unit,
    values: number[],
    extra: Partial<SummaryRow> & { targetUnder?: { text: string; under: number } } = {},
  ) => {
    const finite = values.filter(Number.isFinite);
    if (finite.length === 0) return;
    const interval = bootstrap(keyOf(id), finite, resamples);
    const { targetUnder, ...rest } = extra;
    rows.push({
      key: keyOf(id),
      profile: run.profile,
      volumes: run.volumes,
      id,
      label: label(id),
      unit,
      interval,
      values: finite,
      ...(targetUnder ? { target: targetUnder } : {}),
      verdict: targetUnder ? judgeUnder(interval, targetUnder.under) : 'info',
      ...rest,
    });
  };
  const ms = (n: number) => `${Math.round(n)} ms`;
  for (const [key, pairs] of Object.entries(run.pairs)) {
    const target = key === 'search' ? TARGETS.searchRatio : TARGETS.firstRowRatio;
    const langs = [...new Set(pairs.map((p) => p.lang).filter(Boolean))];
    const oursMs = median(pairs.map((p) => p.ours).filter(Number.isFinite));
    const floorMs = median(pairs.map((p) => p.floor).filter(Number.isFinite));
    add(key, 'ratio', pairRatios(pairs), {
      targetUnder: { text: `≤ ×${target}`, under: target },
      detail: `${ms(oursMs)} / ${ms(floorMs)}${langs.length && key !== 'search' ? `, lang=${langs.join(',')}` : ''}`,
      backendMs: median(pairs.map((p) => p.oursBackendMs).filter(Number.isFinite)),
    });
    const absolute = key === 'search' ? 'searchMs' : key.replace('firstRow.', 'firstRowMs.');
    add(
      absolute,
      'ms',
      pairs.map((p) => p.ours),
      { backendMs: median(pairs.map((p) => p.oursBackendMs).filter(Number.isFinite)) },
    );
  }
  const backend = (key: string) => median((run.backendMs[key] ?? []).filter(Number.isFinite));
  for (const id of ['openVolume.heading', 'openVolume.full', 'facetCounts']) {
    add(id, 'ms', run.samples[id] ?? [], { backendMs: backend(id) });
  }
  if (run.exports.length > 0) {
    const rows0 = run.exports.map((e) => e.rows);
    add('export.ms', 'ms', run.samples['export.ms'] ?? [], {
      backendMs: backend('export.ms'),
      detail: `${Math.max(...rows0).toLocaleString('en-US')} rows, ${median(run.exports.map((e) => e.requests))} requests`,
    });
    add(
      'export.msPer1000',
      'ms',
      run.exports.map((e) => (e.rows > 0 ? (1000 * e.ms) / e.rows : Number.NaN)),
    );
    add(
      'export.peakHeapMiB',
      'MiB',
      run.exports.map((e) => mib(e.peakHeapBytes)),
      {
        detail: `from ${mib(median(run.exports.map((e) => e.heapBeforeBytes))).toFixed(2)} MiB before`,
      },
    );
    const expected = Math.min(run.volumes, 10_000);
    const allRows = run.exports.every((e) => e.rows === expected);
    const shown = run.exports.every((e) => e.progressShown);
    rows.push({
      key: keyOf('export.checks'),
      profile: run.profile,
      volumes: run.volumes,
      id: 'export.checks',
      label: label('export.checks'),
      unit: 'text',
      text: `${allRows ? 'all' : 'NOT all'} ${expected.toLocaleString('en-US')} rows; progress ${shown ? 'shown' : 'NOT shown'} (${median(run.exports.map((e) => e.progressValues))} values)`,
      target: { text: `${expected.toLocaleString('en-US')} rows, progress`, under: 0 },
      verdict: allRows && shown ? 'met' : 'not met',
    });
  }
  if (run.cancels.length > 0) {
    const stops = run.cancels.every((c) => c.stops);
    rows.push({
      key: keyOf('cancel'),
      profile: run.profile,
      volumes: run.volumes,
      id: 'cancel',
      label: label('cancel'),
      unit: 'text',
      text: `${stops ? 'yes' : 'NO'}: export requests after Cancel ${run.cancels.map((c) => c.requestsAfterCancel).join(', ')} (any list request: ${run.cancels.map((c) => c.listRequestsAfterCancel).join(', ')}); in-flight aborted ${run.cancels.filter((c) => c.inFlightAborted).length}/${run.cancels.length}; downloaded ${run.cancels.filter((c) => c.downloaded).length}/${run.cancels.length}`,
      target: { text: 'no requests, no file', under: 0 },
      verdict: stops ? 'met' : 'not met',
    });
  }
  if (run.samples['firstDialog.afterReading']) {
    const t = profile.firstDialogTargetMs;
    add('firstDialog.afterReading', 'ms', run.samples['firstDialog.afterReading'], {
      targetUnder: { text: `≤ ${t} ms`, under: t },
    });
    add('firstDialog.atOnce', 'ms', run.samples['firstDialog.atOnce'] ?? []);
  }
  if (run.memory.length > 0) {
    const large = run.volumes >= TARGETS.largeVolumes;
    const heapTarget = large
      ? { targetUnder: { text: `< ${TARGETS.heapMiB} MiB`, under: TARGETS.heapMiB } }
      : {};
    add(
      'memory.firstRowMiB',
      'MiB',
      run.memory.map((m) => mib(m.firstRow)),
      heapTarget,
    );
    add(
      'memory.afterPagingMiB',
      'MiB',
      run.memory.map((m) => mib(m.afterPaging)),
      heapTarget,
    );
    /** What the 2nd round added, with the medians after each round as the detail. */
    const roundRow = (
      name: string,
      added: (m: MemorySample) => number,
      after: (m: MemorySample) => number[],
    ) =>
      add(
        name,
        'MiB',
        run.memory.map((m) => mib(added(m))),
        {
          targetUnder: {
            text: `≤ ${TARGETS.memorySecondRoundMiB} MiB`,
            under: TARGETS.memorySecondRoundMiB,
          },
          detail: after(run.memory[0]!)
            .map((_, r) => mib(median(run.memory.map((m) => after(m)[r]!))).toFixed(2))
            .join(' → ')
            .concat(' MiB after each round'),
        },
      );
    roundRow(
      'memory.secondRoundMiB',
      (m) => m.secondRound,
      (m) => m.afterRounds,
    );
    // (Samples taken before this measure existed have no objects.)
    if (run.memory.every((m) => m.objectsAfterRounds))
      roundRow(
        'memory.secondRoundObjectsMiB',
        (m) => m.secondRoundObjects,
        (m) => m.objectsAfterRounds,
      );
  }
  if (run.journey) {
    const j = run.journey;
    rows.push({
      key: keyOf('journey'),
      profile: run.profile,
      volumes: run.volumes,
      id: 'journey',
      label: label('journey'),
      unit: 'text',
      text: `${j.requests} (${j.apiRequests}) / ${kib(j.bytes)} KiB (${kib(j.apiBytes)} KiB)`,
      verdict: 'info',
    });
  }
  for (const error of new Set(run.errors)) {
    rows.push({
      key: keyOf(`error:${error}`),
      profile: run.profile,
      volumes: run.volumes,
      id: 'error',
      label: 'Failed sample',
      unit: 'text',
      text: error.slice(0, 160),
      verdict: 'info',
    });
  }
  return rows;
}

/** Each growth measure with more volumes against the same with the fewest, per profile. */
function growthRows(summary: SummaryRow[], sizes: number[]): GrowthRow[] {
  const out: GrowthRow[] = [];
  const smallest = sizes[0]!;
  const find = (profile: string, volumes: number, id: string) =>
    summary.find((r) => r.profile === profile && r.volumes === volumes && r.id === id);
  for (const profile of [...new Set(summary.map((r) => r.profile))]) {
    for (const id of GROWTH_IDS) {
      const small = find(profile, smallest, id);
      if (!small?.interval) continue;
      for (const volumes of sizes.slice(1)) {
        const large = find(profile, volumes, id);
        if (!large?.interval) continue;
        const { verdict, limit } = judgeGrowth(
          small.interval,
          large.interval,
          TARGETS.growthTolerance,
        );
        out.push({
          key: `${profile}|${volumes}|${id}`,
          profile,
          id,
          label: small.label,
          unit: small.unit,
          small: { volumes: smallest, median: small.interval.median },
          large: { volumes, interval: large.interval as Interval },
          limit,
          verdict,
        });
      }
    }
  }
  return out;
}

function sizeRows(): SummaryRow[] {
  const ours = bundleSizes(OURS_DIR);
  const floor = { listFirstLoad: firstLoadSizes(FLOOR_DIR) };
  const both = (s: { gzip: number; brotli: number }) => `${kib(s.gzip)} / ${kib(s.brotli)} KiB`;
  const row = (id: string, text: string, extra: Partial<SummaryRow> = {}): SummaryRow => ({
    key: `build|0|${id}`,
    profile: 'build',
    volumes: 0,
    id,
    label: id,
    unit: 'text',
    text,
    verdict: 'info',
    ...extra,
  });
  const listGzip = kib(ours.listFirstLoad.gzip);
  return [
    row(
      'List page first download',
      `${both(ours.listFirstLoad)} (${ours.listFirstLoad.files.length} files)`,
      {
        target: {
          text: `≤ ${TARGETS.listFirstLoadGzipKiB} KiB gzip`,
          under: TARGETS.listFirstLoadGzipKiB,
        },
        verdict: listGzip <= TARGETS.listFirstLoadGzipKiB ? 'met' : 'not met',
        values: [listGzip],
      },
    ),
    row('Whole app, demo backend excluded', both(ours.wholeApp), {
      target: { text: 'budget in CI', under: 0 },
    }),
    row('Floor app first download', both(floor.listFirstLoad)),
    row('Demo backend (never downloaded by a deployment)', both(ours.demoBackend)),
  ];
}

function git(command: string) {
  try {
    return execSync(`git ${command}`, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

function osName() {
  try {
    return (
      /PRETTY_NAME="?([^"\n]+)/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? release()
    );
  } catch {
    return release();
  }
}

/** bench/results/<date>-<commit>.json, or -2, -3… when that run's file exists already. */
function resultPath(date: string, commit: string) {
  const base = `bench/results/${date}-${commit || 'nocommit'}`;
  if (!existsSync(`${base}.json`)) return `${base}.json`;
  for (let i = 2; ; i++) if (!existsSync(`${base}-${i}.json`)) return `${base}-${i}.json`;
}

/** The summary, the growth verdicts and the sizes, printed and written to bench/results/. */
function writeResults(
  runs: RawRun[],
  options: Options,
  version: string,
  load: { atStart: number[]; atEnd: number[] },
  aborted: string | null,
  /** Where the samples were taken, when they are summarised again (`--summarise`). */
  recorded?: { commit?: string; dirty?: boolean },
) {
  const summary = runs.flatMap((run) => summarise(run, options.resamples));
  const growth = growthRows(summary, options.sizes);
  const sizes = options.only.has('sizes') ? sizeRows() : [];
  const commit = recorded?.commit ?? git('rev-parse --short HEAD');
  const dirty = recorded?.dirty ?? git('status --porcelain --untracked-files=no') !== '';
  const date = new Date().toISOString();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    chromium: version,
    chromiumPath: executablePath,
    loadAverage: load,
  };
  const profiles = Object.fromEntries(options.profiles.map((p) => [p.name, p as Profile]));
  const heading = [
    `# Bench ${date.slice(0, 10)} · ${commit}${dirty ? ' (uncommitted changes)' : ''}`,
    '',
    ...(aborted ? [`**Partial: ${aborted}; only what was measured before.**`, ''] : []),
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; Chromium ${version}; load ${load.atStart.map((n) => n.toFixed(2)).join(' ')} → ${load.atEnd.map((n) => n.toFixed(2)).join(' ')}`,
    `Profiles: ${options.profiles
      .map((p) =>
        p.network
          ? `${p.name} (CPU ×${p.cpuThrottlingRate}, ${p.network.latencyMs} ms RTT, ${p.network.downloadKbps / 1000} Mbps down, ${p.network.uploadKbps} kbps up)`
          : `${p.name} (no throttling)`,
      )
      .join('; ')}`,
    `Samples: ${options.pairs} console/floor pairs per ratio, ${options.runs} runs per timing, ${options.memoryRuns} memory runs; medians with bootstrap 95 % intervals (${options.resamples} resamples, seeded by the measure's name). A target is met only when the interval's upper end is under it.`,
    'Backend: the median time the Waldur-shaped server spent per sample (its read cache is on and warmed: see bench/README.md).',
  ];
  const lines = renderSummary(summary, growth, sizes, heading);
  const result = {
    schema: 2,
    date,
    commit,
    dirty,
    ...(aborted ? { partial: true, aborted } : {}),
    machine,
    settings: {
      pairs: options.pairs,
      runs: options.runs,
      memoryRuns: options.memoryRuns,
      memoryRounds: options.memoryRounds,
      resamples: options.resamples,
      sizes: options.sizes,
      languages: options.languages,
      only: [...options.only],
      server: { cacheReads: true, gzip: true, interleavedSizes: true },
    },
    profiles,
    targets: {
      ...TARGETS,
      firstDialogMs: Object.fromEntries(
        options.profiles.map((p) => [p.name, p.firstDialogTargetMs]),
      ),
    },
    sizes,
    summary,
    growth,
    raw: runs,
  };
  log('');
  for (const line of lines) log(line);
  mkdirSync('bench/results', { recursive: true });
  const path = resultPath(date.slice(0, 10), commit);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(path, json);
  writeFileSync('bench/results/latest.json', json);
  writeFileSync('bench/results/latest.md', `${lines.join('\n')}\n`);
  log(`\nWritten to ${path}, bench/results/latest.json and latest.md`);
  rmSync('bench/results/partial.json', { force: true });
  if (aborted) process.exitCode = 1;
}

async function main() {
  const argv = process.argv.slice(2);
  const compareAt = argv.indexOf('--compare');
  if (compareAt >= 0) {
    const [a, b] = argv.slice(compareAt + 1);
    if (!a || !b) throw new Error('Usage: npm run bench -- --compare <result A> <result B>');
    for (const line of renderCompare(a, b)) log(line);
    return;
  }
  const summariseAt = argv.indexOf('--summarise');
  if (summariseAt >= 0) {
    // A run's raw samples again (bench/results/partial.json, or a result's `raw`), summarised
    // with today's code: for a run whose summary failed, or to read old samples anew.
    const file = argv[summariseAt + 1];
    if (!file) throw new Error('Usage: npm run bench -- --summarise <partial.json or result.json>');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      options?: Options & { only: string[] };
      commit?: string;
      dirty?: boolean;
      chromium?: string;
      settings?: { only: string[] };
      runs?: RawRun[];
      raw?: RawRun[];
    };
    const base = readOptions();
    const options: Options = saved.options
      ? { ...saved.options, only: new Set(saved.options.only) as Options['only'] }
      : base;
    writeResults(
      saved.runs ?? saved.raw ?? [],
      options,
      saved.chromium ?? 'not recorded',
      { atStart: [], atEnd: [] },
      null,
      // A partial file from before it kept its commit: the samples' commit is unknown.
      { commit: saved.commit ?? 'unknown', dirty: saved.dirty ?? false },
    );
    return;
  }
  const options = readOptions();
  if (options.build) await buildAll();
  else if (!existsSync(`${OURS_DIR}/index.html`) || !existsSync(`${FLOOR_DIR}/index.html`)) {
    throw new Error(
      `--no-build: ${OURS_DIR}/ and ${FLOOR_DIR}/ must exist (run the bench once with a build)`,
    );
  }
  /** Per size of data: its Waldur-shaped server, and the console and the floor pointed at it. */
  const stacks: Stack[] = [];
  const children: ChildProcess[] = [];
  for (const volumes of options.sizes) {
    const stack = await startStack(volumes, OURS_DIR);
    children.push(...stack.children);
    stacks.push(stack);
  }
  // The servers go with the bench, however it ends: done, failed, or interrupted.
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill();
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (fatal) {
        stop();
        process.exit(130);
      }
      fatal = `interrupted (${signal})`;
      process.stderr.write(`${signal}: writing what was measured (again to quit at once)\n`);
    });
  }
  for (const child of children) {
    child.on('exit', (code, signal) => {
      if (!stopping && !fatal && (signal || (code !== null && code !== 0))) {
        fatal = `a bench server exited (${signal ?? `code ${code}`})`;
        process.stderr.write(`${fatal}; writing what was measured.\n`);
      }
    });
  }
  const load = { atStart: loadavg(), atEnd: [] as number[] };
  try {
    await Promise.all(stacks.map(ready));
    const browser = await chromium.launch({
      executablePath,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    });
    const version = browser.version();
    const runs: RawRun[] = [];
    let aborted: string | null = null;
    log(
      `Measuring: ${options.profiles.map((p) => p.name).join(', ')} × ${options.sizes.map(volumesLabel).join(', ')} (interleaved); ${options.pairs} pairs, ${options.runs} runs, ${options.memoryRuns} memory runs; ${[...options.only].join(', ')}`,
    );
    try {
      const tokens = await Promise.all(
        stacks.map(
          async (stack) =>
            ((await (await fetch(`${stack.api}/__control/tokens`)).json()) as { staff: string })
              .staff,
        ),
      );
      const backends = stacks.map((stack) => backendLog(stack.api));
      for (const profile of options.profiles) {
        const targets: Target[] = stacks.map((stack, k) => {
          const backend = backends[k]!;
          const run: RawRun = {
            profile: profile.name,
            volumes: stack.volumes,
            pairs: {},
            samples: {},
            backendMs: {},
            exports: [],
            cancels: [],
            memory: [],
            errors: [],
          };
          runs.push(run);
          return {
            env: {
              browser,
              profile,
              origins: stack.origins,
              api: stack.api,
              token: tokens[k]!,
              volumes: stack.volumes,
              mark: async () => {
                await backend.take();
              },
            },
            backend,
            run,
            base: k === 0,
          };
        });
        await measureProfile(targets, options);
        mkdirSync('bench/results', { recursive: true });
        writeFileSync(
          'bench/results/partial.json',
          `${JSON.stringify({
            options: { ...options, only: [...options.only] },
            commit: git('rev-parse --short HEAD'),
            dirty: git('status --porcelain --untracked-files=no') !== '',
            chromium: version,
            runs,
          })}\n`,
        );
      }
    } catch (error) {
      if (!(error instanceof Abort) && !fatal) throw error;
      aborted = fatal ?? (error as Error).message;
      process.stderr.write(`Stopped: ${aborted}. The results below are partial.\n`);
    }
    await browser.close().catch(() => {});
    load.atEnd = loadavg();

    writeResults(runs, options, version, load, aborted);
  } finally {
    stop();
  }
}

main().catch((error) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
