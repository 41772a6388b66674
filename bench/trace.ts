// Where the time goes: a Chromium performance trace of the console and of the floor, for the first
// volume row and for a search, summarised item by item so that the items add up to the gap.
//
//   npm run bench:trace                       # builds, 7 traces of each, desktop profile
//   npm run bench:trace -- --no-build --runs 9 --profile throttled
//   npm run bench:trace -- --dir <an experiment's build> --first-row-only   # no search box there
//
// Each trace runs in a fresh context (cold cache), against the bench's Waldur-shaped server (250
// volumes, read cache warmed, gzip). Its window is
// - first row: the navigation's start → the first `tbody tr th` in the DOM (a MutationObserver
//   puts a `performance.mark` there, as the bench times it);
// - search: the Enter key → the one matching row alone in the table.
// The renderer's main thread in that window is split into items that add up to the window:
// JavaScript by chunk (and, for the console, by source module through the build's source maps:
// the CPU profile's samples, self time), garbage collection, style, layout, paint and compositing,
// HTML and CSS parsing, the rest of the main thread's tasks ("other work") and idle (waiting for
// the network or a timer). Requests are listed with when they start and end. Each number is the
// median over the runs; the medians need not add up exactly, the per-run items do.
//
// For digging further: TRACE_TIMELINE=1 (with --react) prints React's phases and the main components' spans in
// time order; TRACE_UNTIL_REQUEST=/api/openstack-volumes/ ends each window where the first request
// to that path leaves (what runs before the data request: for the first row, what delays it);
// TRACE_FROM_RESPONSE=/api/openstack-volumes/ starts it where the answer to that request is in
// (what runs between the page's data and its first row).
//
// Writes bench/results/trace-<label>.json (every run's items) and prints the tables in Markdown
// (docs/performance.md holds a copy with the reading).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, executablePath } from '../playwright.config';
import { applyProfile, type Kind, PROFILES, SEARCH_FOR } from './measures';
import { buildConsole, buildFloor, FLOOR_DIR, ready, startStack } from './stack';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const RUNS = Number(option('runs') ?? 7);
const PROFILE = PROFILES[option('profile') ?? 'desktop'];
if (!PROFILE) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);
/**
 * `--first-row-only`: no search traces (for an experiment's build without the console's search box,
 * traced with `--dir`).
 */
const FIRST_ROW_ONLY = argv.includes('--first-row-only');
/** `--react`: the console's profiling build, its components' render times from the timeline. */
const REACT = argv.includes('--react');
/** `--dir <path>`: trace that build of the console (an older commit's, say) instead; no build. */
/** `--label <name>`: the result files' name (`trace-<name>.md`); the profile's name by default. */
const LABEL = option('label') ?? option('profile') ?? 'desktop';
const OURS_DIR = option('dir') ?? (REACT ? 'dist-profile' : 'dist-bench');
const SEARCH_INPUT: Record<Kind, string> = {
  ours: '#volume-search',
  floor: 'input[aria-label="Search"]',
};
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
  'toplevel',
];

async function buildAll() {
  buildConsole(OURS_DIR, {
    REACT_PROFILING: REACT ? '1' : '',
    VITE_REACT_PROFILING: REACT ? '1' : '',
  });
  await buildFloor();
}

// ---- The trace's events ----------------------------------------------------------------------

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  // biome-ignore lint/suspicious/noExplicitAny: trace event arguments differ by event; read defensively
  args?: Record<string, any>;
}

interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** One run's split of the window, in ms. */
interface Split {
  windowMs: number;
  items: Record<string, number>;
  /** JS self time by source module (the console's chunks, through their source maps). */
  modules: Record<string, number>;
  /** JS self time by function (`module:line name`, through the source maps). */
  functions: Record<string, number>;
  requests: { url: string; startMs: number; endMs: number }[];
  /**
   * The main thread's trace events by name, self time (an event's span less its children's): what
   * "other main-thread work" is made of (V8's compilation, module instantiation, loading…).
   */
  events: Record<string, number>;
  /** `--react`: React's own timings. */
  react?: ReturnType<typeof reactTimings>;
}

const maps = new Map<string, TraceMap | null>();
function mapFor(dir: string, url: string) {
  const file = basename(new URL(url).pathname);
  const key = `${dir}/${file}`;
  if (!maps.has(key)) {
    const path = resolve(dir, 'assets', `${file}.map`);
    maps.set(key, existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null);
  }
  return maps.get(key)!;
}

/** A source file as a row: a package under node_modules, or the path under src/. */
function moduleName(source: string | null) {
  if (!source) return '(unmapped)';
  const inModules = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1]!;
  const own = source.match(/(src\/.*|bench\/floor\/.*)$/);
  return own ? own[1]! : source;
}

/** The chunk a script URL is, without its hash: `list-BCTgNqvF.js` → `list`. */
function chunkName(url: string) {
  if (!url) return '(native)';
  if (!url.startsWith('http')) return '(injected)';
  const file = basename(new URL(url).pathname);
  return file.replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, '') || file;
}

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation']);
const LAYOUT = new Set(['Layout', 'UpdateLayerTree']);
const PAINT = new Set([
  'Paint',
  'PrePaint',
  'Layerize',
  'CompositeLayers',
  'Commit',
  'UpdateLayer',
  'PaintImage',
]);
const PARSE = new Set(['ParseHTML', 'ParseAuthorStyleSheet']);

function split(events: TraceEvent[], dir: string, startMark: string, endMark: string): Split {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing'));
  const end = marks.find((e) => e.name === endMark);
  if (!end) throw new Error(`no ${endMark} mark in the trace`);
  const pid = end.pid;
  let startTs: number;
  if (startMark === 'navigationStart') {
    // The page's own navigation: the last to its URL before the mark (a renderer is shared by
    // the contexts in turn, and each new page starts with an about:blank one).
    const nav = events.filter(
      (e) =>
        e.name === 'navigationStart' &&
        e.pid === pid &&
        e.ts < end.ts &&
        String(e.args?.data?.documentLoaderURL ?? '').startsWith('http'),
    );
    if (nav.length === 0) throw new Error('no navigationStart in the trace');
    startTs = nav.at(-1)!.ts;
  } else {
    const start = marks.find((e) => e.name === startMark && e.pid === pid);
    if (!start) throw new Error(`no ${startMark} mark in the trace`);
    startTs = start.ts;
  }
  // TRACE_FROM_RESPONSE=<path>: the window starts instead where the answer to the first request to
  // <path> is in (its last byte received): what the page does between its data and its first row.
  const fromPath = process.env.TRACE_FROM_RESPONSE;
  if (fromPath) {
    const sent = events.find(
      (e) =>
        e.name === 'ResourceSendRequest' &&
        e.pid === pid &&
        e.ts > startTs &&
        String(e.args?.data?.url ?? '').includes(fromPath),
    );
    const answered = sent
      ? events.find(
          (e) =>
            e.name === 'ResourceFinish' && e.args?.data?.requestId === sent.args?.data?.requestId,
        )
      : undefined;
    if (!answered) throw new Error(`no answer to a request to ${fromPath} in the trace`);
    startTs = answered.ts;
  }
  // TRACE_UNTIL_REQUEST=<path>: the window ends instead where the first request to <path> leaves
  // (what runs before the page's data request, for the first row).
  const untilPath = process.env.TRACE_UNTIL_REQUEST;
  const until = untilPath
    ? events.find(
        (e) =>
          e.name === 'ResourceSendRequest' &&
          e.pid === pid &&
          e.ts > startTs &&
          String(e.args?.data?.url ?? '').includes(untilPath),
      )
    : undefined;
  if (untilPath && !until) throw new Error(`no request to ${untilPath} in the trace`);
  const endTs = until?.ts ?? end.ts;
  const windowMs = (endTs - startTs) / 1000;
  const mainTid = events.find(
    (e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const main = events.filter((e) => e.pid === pid && e.tid === mainTid);
  /** The part of [ts, ts+dur] inside the window, in ms. */
  const inside = (ts: number, dur = 0) =>
    Math.max(0, Math.min(ts + dur, endTs) - Math.max(ts, startTs)) / 1000;

  // Busy: the main thread's top-level tasks.
  const tasks = main.filter(
    (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  // Tasks nest (a nested run loop runs tasks inside a task): count the union of their spans.
  let busy = 0;
  let busyUntil = 0;
  for (const e of tasks.sort((a, b) => a.ts - b.ts)) {
    const taskEnd = e.ts + (e.dur ?? 0);
    if (taskEnd <= busyUntil) continue;
    const from = Math.max(e.ts, busyUntil);
    busy += inside(from, taskEnd - from);
    busyUntil = taskEnd;
  }
  const items: Record<string, number> = {};
  const add = (key: string, ms: number) => {
    if (ms > 0) items[key] = (items[key] ?? 0) + ms;
  };
  // Non-JS work by kind (outermost events only, so that nothing is counted twice).
  const kinds: [string, Set<string>][] = [
    ['style', STYLE],
    ['layout', LAYOUT],
    ['paint and compositing', PAINT],
    ['HTML and CSS parsing', PARSE],
  ];
  for (const [label, names] of kinds) {
    const spans = main.filter((e) => e.ph === 'X' && names.has(e.name)).sort((a, b) => a.ts - b.ts);
    let until = 0;
    for (const e of spans) {
      if (e.ts + (e.dur ?? 0) <= until) continue;
      const from = Math.max(e.ts, until);
      add(label, inside(from, e.ts + (e.dur ?? 0) - from));
      until = e.ts + (e.dur ?? 0);
    }
  }
  // JavaScript: the CPU profile's samples (self time), by chunk and by module.
  const modules: Record<string, number> = {};
  const functions = new Map<string, number>();
  const nodes = new Map<number, CpuNode>();
  let sampleTs: number | null = null;
  const profileEvents = events.filter(
    (e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk'),
  );
  const profileStart = profileEvents.find((e) => e.name === 'Profile')?.args?.data?.startTime;
  if (profileStart !== undefined) sampleTs = profileStart;
  for (const e of profileEvents.filter((p) => p.name === 'ProfileChunk')) {
    const data = e.args?.data?.cpuProfile;
    for (const node of (data?.nodes ?? []) as CpuNode[]) nodes.set(node.id, node);
    const samples: number[] = data?.samples ?? [];
    const deltas: number[] = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      sampleTs = (sampleTs ?? 0) + (deltas[i] ?? 0);
      const nextDelta = deltas[i + 1] ?? 0;
      const ms = inside(sampleTs, Math.max(0, nextDelta));
      if (ms === 0) continue;
      const node = nodes.get(samples[i]!)?.callFrame;
      if (!node) continue;
      const frame = { ...node, url: node.url ?? '' };
      const fn = frame.functionName;
      if (fn === '(idle)' || fn === '(program)' || fn === '(root)') continue;
      if (fn === '(garbage collector)') {
        add('garbage collection', ms);
        continue;
      }
      const chunk = chunkName(frame.url);
      add(`JS: ${chunk}`, ms);
      if (frame.url.startsWith('http')) {
        // A frame without a position (line -1: a builtin called from the chunk) maps to nothing.
        const map = frame.lineNumber >= 0 ? mapFor(dir, frame.url) : null;
        const source = map
          ? originalPositionFor(map, {
              line: frame.lineNumber + 1,
              column: Math.max(0, frame.columnNumber),
            }).source
          : null;
        const name = moduleName(source);
        modules[name] = (modules[name] ?? 0) + ms;
        if (map) {
          const at = originalPositionFor(map, {
            line: frame.lineNumber + 1,
            column: Math.max(0, frame.columnNumber),
          });
          const where = `${name}:${at.line} ${at.name ?? frame.functionName}`;
          functions.set(where, (functions.get(where) ?? 0) + ms);
        }
      }
    }
  }
  const react = REACT ? reactTimings(events, pid, startTs, endTs) : undefined;
  const byEvent = selfTimeByName(main, startTs, endTs);
  const named = Object.values(items).reduce((sum, ms) => sum + ms, 0);
  items['other main-thread work'] = Math.max(0, busy - named);
  items['idle (network, timers)'] = Math.max(0, windowMs - Math.max(busy, named));
  // Requests, by when they start and end (ms from the window's start).
  const sends = events.filter((e) => e.name === 'ResourceSendRequest' && e.pid === pid);
  const finishes = new Map(
    events
      .filter((e) => e.name === 'ResourceFinish')
      .map((e) => [e.args?.data?.requestId, e] as const),
  );
  const requests = sends
    .map((e) => {
      const finish = finishes.get(e.args?.data?.requestId);
      return {
        url: String(e.args?.data?.url ?? ''),
        startMs: (e.ts - startTs) / 1000,
        endMs: finish ? (finish.ts - startTs) / 1000 : Number.NaN,
      };
    })
    .filter((r) => r.startMs <= windowMs && !(r.endMs < 0) && r.url.startsWith('http'));
  return {
    windowMs,
    items,
    modules,
    functions: Object.fromEntries(functions),
    requests,
    events: byEvent,
    react,
  };
}

/**
 * Each span's self time (its length less its direct children's), for spans that nest (a child
 * starts and ends inside its parent), in the spans' own unit.
 */
function selfTimes<S extends { start: number; end: number }>(spans: S[]): Map<S, number> {
  const self = new Map<S, number>();
  const stack: S[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    while (stack.length > 0 && stack.at(-1)!.end <= span.start) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, self.get(parent)! - (span.end - span.start));
    self.set(span, span.end - span.start);
    stack.push(span);
  }
  return self;
}

/** Self time (ms inside the window [startTs, endTs]) of one thread's complete events, by name. */
function selfTimeByName(thread: TraceEvent[], startTs: number, endTs: number) {
  const spans = thread
    .filter((e) => e.ph === 'X')
    .map((e) => ({
      name: e.name,
      start: Math.max(e.ts, startTs),
      end: Math.min(e.ts + (e.dur ?? 0), endTs),
    }))
    .filter((span) => span.end > span.start);
  const byName: Record<string, number> = {};
  for (const [span, self] of selfTimes(spans)) {
    byName[span.name] = (byName[span.name] ?? 0) + self / 1000;
  }
  return byName;
}

/**
 * React's own timeline entries (the profiling build): each component's render, as a span on the
 * "Components ⚛" track (self time: its span less its children's), and the scheduler's phases
 * (Render, Commit…) on the "Scheduler ⚛" tracks, inside the window.
 */
function reactTimings(events: TraceEvent[], pid: number, startTs: number, endTs: number) {
  const stamps = events
    .filter((e) => e.name === 'TimeStamp' && e.pid === pid && e.args?.data?.start !== undefined)
    .map((e) => e.args!.data as { message: string; start: number; end: number; track: string })
    .filter((d) => d.end > startTs && d.start < endTs && d.end > d.start);
  if (process.env.TRACE_TIMELINE) {
    const interesting =
      /^(AppLayout|VolumeListPage|SearchBox|AppRoutes|VolumeTable|Router|.*Provider)$/;
    for (const d of [...stamps].sort((a, b) => a.start - b.start)) {
      if (d.track !== 'Components ⚛' || interesting.test(d.message))
        process.stderr.write(
          `${((d.start - startTs) / 1000).toFixed(1)}\t${((d.end - d.start) / 1000).toFixed(1)}\t${d.track}\t${d.message}\n`,
        );
    }
  }
  const components: Record<string, { selfMs: number; renders: number }> = {};
  for (const [span, self] of selfTimes(stamps.filter((d) => d.track === 'Components ⚛'))) {
    const entry = components[span.message] ?? { selfMs: 0, renders: 0 };
    components[span.message] = entry;
    entry.selfMs += Math.max(0, self) / 1000;
    entry.renders += 1;
  }
  const phases: Record<string, number> = {};
  for (const d of stamps.filter(
    (x) => x.track !== 'Components ⚛' && !x.message.endsWith('Track'),
  )) {
    phases[d.message] = (phases[d.message] ?? 0) + (d.end - d.start) / 1000;
  }
  return { components, phases };
}

// ---- The two scenarios -----------------------------------------------------------------------

const OBSERVE_FIRST_ROW = () => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('table tbody tr th')) {
      performance.mark('bench:first-row');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

async function visit(browser: Browser, kind: Kind, origin: string, api: string, token: string) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
  });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(
    ([which, apiUrl, key]) => {
      try {
        sessionStorage.setItem(
          which === 'ours' ? 'volume-console:connection' : 'floor',
          JSON.stringify({ apiUrl, token: key }),
        );
      } catch {
        // about:blank
      }
    },
    [kind, api, token] as const,
  );
  await context.addInitScript(OBSERVE_FIRST_ROW);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await applyProfile(cdp, PROFILE!);
  return { context, page, origin };
}

async function traced(browser: Browser, page: Page, run: () => Promise<void>) {
  await browser.startTracing(page, { categories: CATEGORIES });
  await run();
  // Let the last frame's paint land in the trace.
  await page.waitForTimeout(100);
  const buffer = await browser.stopTracing();
  return (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

async function firstRowTrace(browser: Browser, kind: Kind, origin: string, api: string, t: string) {
  const { context, page } = await visit(browser, kind, origin, api, t);
  try {
    const events = await traced(browser, page, async () => {
      await page.goto(`${origin}/volumes`);
      await page.waitForFunction(() => performance.getEntriesByName('bench:first-row').length > 0);
    });
    return split(
      events,
      kind === 'ours' ? OURS_DIR : FLOOR_DIR,
      'navigationStart',
      'bench:first-row',
    );
  } finally {
    await context.close();
  }
}

async function searchTrace(browser: Browser, kind: Kind, origin: string, api: string, t: string) {
  const { context, page } = await visit(browser, kind, origin, api, t);
  try {
    await page.goto(`${origin}/volumes`);
    await page.waitForFunction(() => performance.getEntriesByName('bench:first-row').length > 0);
    await page.waitForTimeout(500);
    await page.locator(SEARCH_INPUT[kind]).fill(SEARCH_FOR);
    await page.waitForTimeout(200);
    const events = await traced(browser, page, async () => {
      await page.evaluate(
        ([selector, wanted]) =>
          new Promise<void>((done) => {
            const input = document.querySelector<HTMLInputElement>(selector)!;
            const check = () => {
              const names = [...document.querySelectorAll('table tbody tr th')].map(
                (th) => th.textContent,
              );
              if (names.length === 1 && names[0] === wanted) {
                performance.mark('bench:search-done');
                observer.disconnect();
                done();
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, {
              childList: true,
              subtree: true,
              characterData: true,
            });
            performance.mark('bench:search-start');
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          }),
        [SEARCH_INPUT[kind], SEARCH_FOR] as const,
      );
    });
    return split(
      events,
      kind === 'ours' ? OURS_DIR : FLOOR_DIR,
      'bench:search-start',
      'bench:search-done',
    );
  } finally {
    await context.close();
  }
}

// ---- Summary -----------------------------------------------------------------------------------

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));

function table(title: string, ours: Split[], floor: Split[]) {
  const lines = [`### ${title} (${PROFILE!.name}, median of ${RUNS} traces each)`, ''];
  const keys = new Set([...ours, ...floor].flatMap((s) => Object.keys(s.items)));
  const order = [...keys].sort((a, b) => {
    const weight = (k: string) => median(ours.map((s) => s.items[k] ?? 0));
    return weight(b) - weight(a);
  });
  lines.push('| Item | Console (ms) | Floor (ms) | Difference |', '|---|---:|---:|---:|');
  let sumOurs = 0;
  let sumFloor = 0;
  for (const key of order) {
    const a = median(ours.map((s) => s.items[key] ?? 0));
    const b = median(floor.map((s) => s.items[key] ?? 0));
    sumOurs += a;
    sumFloor += b;
    if (a < 0.05 && b < 0.05) continue;
    lines.push(`| ${key} | ${ms(a)} | ${ms(b)} | ${a - b >= 0 ? '+' : ''}${ms(a - b)} |`);
  }
  const wa = median(ours.map((s) => s.windowMs));
  const wb = median(floor.map((s) => s.windowMs));
  lines.push(
    `| **sum of the items' medians** | ${ms(sumOurs)} | ${ms(sumFloor)} | +${ms(sumOurs - sumFloor)} |`,
    `| **window (median)** | **${ms(wa)}** | **${ms(wb)}** | **+${ms(wa - wb)}** (×${(wa / wb).toFixed(2)}) |`,
    '',
  );
  const modules = new Set(ours.flatMap((s) => Object.keys(s.modules)));
  const top = [...modules]
    .map((m) => [m, median(ours.map((s) => s.modules[m] ?? 0))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15);
  const floorModules = new Set(floor.flatMap((s) => Object.keys(s.modules)));
  const floorTop = new Map(
    [...floorModules].map((m) => [m, median(floor.map((s) => s.modules[m] ?? 0))] as const),
  );
  lines.push(
    "The console's JavaScript by source module (self time; the floor's same package beside it):",
    '',
    '| Module | Console (ms) | Floor (ms) |',
    '|---|---:|---:|',
  );
  for (const [name, value] of top) {
    const f = floorTop.get(name);
    lines.push(`| ${name} | ${ms(value)} | ${f === undefined ? '—' : ms(f)} |`);
  }
  lines.push('');
  const eventNames = new Set([...ours, ...floor].flatMap((s) => Object.keys(s.events)));
  const eventRows = [...eventNames]
    .map((name) => ({
      name,
      a: median(ours.map((s) => s.events[name] ?? 0)),
      b: median(floor.map((s) => s.events[name] ?? 0)),
    }))
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b))
    .slice(0, 15);
  lines.push(
    "The main thread by trace event, self time (the largest differences; JavaScript's own time is in the events that run it, such as `FunctionCall`, `v8.callFunction` or `EvaluateScript`):",
    '',
    '| Event | Console (ms) | Floor (ms) | Difference |',
    '|---|---:|---:|---:|',
    ...eventRows.map(
      (r) =>
        `| \`${r.name}\` | ${ms(r.a)} | ${ms(r.b)} | ${r.a - r.b >= 0 ? '+' : ''}${ms(r.a - r.b)} |`,
    ),
    '',
  );
  const functionNames = new Set(ours.flatMap((s) => Object.keys(s.functions)));
  const hottest = [...functionNames]
    .map((f) => [f, median(ours.map((s) => s.functions[f] ?? 0))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20);
  lines.push(
    "The console's hottest functions (self time, source-mapped: `module:line name`):",
    '',
    '| Function | ms |',
    '|---|---:|',
    ...hottest.map(([f, v]) => `| \`${f}\` | ${ms(v)} |`),
    '',
  );
  if (REACT) {
    const phaseNames = new Set(ours.flatMap((s) => Object.keys(s.react?.phases ?? {})));
    lines.push(
      "React's phases (the scheduler's tracks, summed):",
      '',
      '| Phase | ms |',
      '|---|---:|',
    );
    for (const name of phaseNames) {
      lines.push(`| ${name} | ${ms(median(ours.map((s) => s.react?.phases[name] ?? 0)))} |`);
    }
    const names = new Set(ours.flatMap((s) => Object.keys(s.react?.components ?? {})));
    const rows = [...names]
      .map((name) => ({
        name,
        self: median(ours.map((s) => s.react?.components[name]?.selfMs ?? 0)),
        renders: median(ours.map((s) => s.react?.components[name]?.renders ?? 0)),
      }))
      .sort((a, b) => b.self - a.self);
    const total = rows.reduce((sum, r) => sum + r.self, 0);
    lines.push(
      '',
      `Components by render self time (${rows.length} components, ${ms(total)} ms in all; the profiling build is unminified, so read the shares, not the absolute times):`,
      '',
      '| Component | Renders | Self (ms) |',
      '|---|---:|---:|',
      ...rows.slice(0, 20).map((r) => `| ${r.name} | ${r.renders} | ${ms(r.self)} |`),
      '',
    );
  }
  for (const [label, splits] of [
    ['Console', ours],
    ['Floor', floor],
  ] as const) {
    const sample = splits[Math.floor(splits.length / 2)]!;
    lines.push(`${label}'s requests in one trace (ms from the window's start):`, '');
    lines.push('| Request | Starts | Ends |', '|---|---:|---:|');
    for (const r of sample.requests.sort((a, b) => a.startMs - b.startMs)) {
      const url = new URL(r.url);
      const path = url.pathname.replace(/-[\w-]{8}\.(js|css)$/, '.$1');
      const query = url.search.length > 40 ? `${url.search.slice(0, 40)}…` : url.search;
      lines.push(`| \`${path}${query}\` | ${ms(r.startMs)} | ${ms(r.endMs)} |`);
    }
    lines.push('');
  }
  return lines;
}

async function main() {
  if (!argv.includes('--no-build') && !option('dir')) await buildAll();
  const stack = await startStack(250, OURS_DIR);
  process.on('exit', () => {
    for (const child of stack.children) child.kill();
  });
  const { api, origins } = stack;
  await ready(stack);
  const token = ((await (await fetch(`${api}/__control/tokens`)).json()) as { staff: string })
    .staff;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const results: Record<string, Record<Kind, Split[]>> = {
    firstRow: { ours: [], floor: [] },
    search: { ours: [], floor: [] },
  };
  // One warm-up of each (the server's read cache, the OS's file cache), then interleaved runs.
  for (const kind of ['ours', 'floor'] as const) {
    await firstRowTrace(browser, kind, origins[kind], api, token);
    if (!FIRST_ROW_ONLY) await searchTrace(browser, kind, origins[kind], api, token);
  }
  for (let run = 0; run < RUNS; run++) {
    for (const kind of ['ours', 'floor'] as const) {
      results.firstRow![kind].push(await firstRowTrace(browser, kind, origins[kind], api, token));
      if (!FIRST_ROW_ONLY)
        results.search![kind].push(await searchTrace(browser, kind, origins[kind], api, token));
    }
    process.stderr.write(`trace run ${run + 1}/${RUNS}\n`);
  }
  await browser.close();
  const lines = [
    ...table('First volume row', results.firstRow!.ours, results.firstRow!.floor),
    ...(FIRST_ROW_ONLY
      ? []
      : table('Search → its one row', results.search!.ours, results.search!.floor)),
  ];
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    `bench/results/trace-${LABEL}.json`,
    `${JSON.stringify({ profile: PROFILE, runs: RUNS, results }, null, 1)}\n`,
  );
  writeFileSync(`bench/results/trace-${LABEL}.md`, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
