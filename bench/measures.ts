// What the bench does in the browser: each function opens a fresh browser context (cold caches, no
// cookies or storage), applies the profile (CPU and network throttling through a CDP session on the
// page), does one thing and times it in the page (`performance.now()`, frame-accurate observers), so
// that the bench's own round trips to the browser are not counted.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page, Request, Route } from '@playwright/test';

/** How a visit is slowed down: none (desktop), or a mid-range phone on a slow mobile network. */
export interface Profile {
  name: string;
  /** `Emulation.setCPUThrottlingRate`: 1 is none, 4 is four times slower. */
  cpuThrottlingRate: number;
  /** `Network.emulateNetworkConditions`, or none. */
  network: { latencyMs: number; downloadKbps: number; uploadKbps: number } | null;
  /** The first dialog's target on this profile (ms). */
  firstDialogTargetMs: number;
}

export const PROFILES: Record<string, Profile> = {
  desktop: { name: 'desktop', cpuThrottlingRate: 1, network: null, firstDialogTargetMs: 50 },
  throttled: {
    name: 'throttled',
    cpuThrottlingRate: 4,
    network: { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 },
    firstDialogTargetMs: 150,
  },
};

export type Kind = 'ours' | 'floor';

/** Where things are and what to do with them, for one profile and one size of data. */
export interface Env {
  browser: Browser;
  profile: Profile;
  /** Origins of the console's build and the floor's. */
  origins: Record<Kind, string>;
  /** The Waldur-shaped server. */
  api: string;
  token: string;
  /** Volumes on the server now. */
  volumes: number;
  /**
   * Called just before a timed action (a search's Enter, a click): the bench starts counting the
   * backend's time from there, so that its share of the action excludes the page's loading.
   */
  mark?: () => Promise<void>;
}

const NAME_SHIM = 'globalThis.__name = (fn) => fn;';
const VIEWPORT = { width: 1366, height: 900 };
/** The search every size finds exactly one volume for (the seed's; added names never contain it). */
export const SEARCH_FOR = 'scratch-01';
const SEARCH_INPUT: Record<Kind, string> = {
  ours: '#volume-search',
  floor: 'input[aria-label="Search"]',
};

/** Timeouts grow with the profile's slowness. */
export function timeout(env: Env, base = 30_000) {
  return base * (env.profile.network ? 4 : 1) * Math.max(1, env.profile.cpuThrottlingRate / 2);
}

export async function applyProfile(cdp: CDPSession, profile: Profile) {
  if (profile.cpuThrottlingRate > 1) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuThrottlingRate });
  }
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.network.latencyMs,
      // CDP wants bytes per second.
      downloadThroughput: (profile.network.downloadKbps * 1000) / 8,
      uploadThroughput: (profile.network.uploadKbps * 1000) / 8,
    });
  }
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** When the first volume row was in the DOM (ms since the navigation started). */
  firstRow: number;
  /** `<html lang>` once the row was there: the language the console took. */
  lang: string;
}

/**
 * A fresh context on the console (signed in) or the floor, the profile applied, at `path`, until
 * the first volume row is in the DOM. `locale` is put in localStorage before the page's scripts run
 * (the console's chosen language); absent, the console picks English from the browser's.
 */
export async function open(
  env: Env,
  kind: Kind,
  options: {
    path?: string;
    locale?: string;
    /** Called with the page's CDP session before the navigation (to listen to the network…). */
    before?: (cdp: CDPSession, page: Page) => Promise<void> | void;
  } = {},
): Promise<Opened> {
  const context = await env.browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  try {
    await context.addInitScript(NAME_SHIM);
    await context.addInitScript(
      ([which, api, key, locale]) => {
        const value = JSON.stringify({ apiUrl: api, token: key });
        try {
          sessionStorage.setItem(which === 'ours' ? 'volume-console:connection' : 'floor', value);
          if (locale) localStorage.setItem('volume-console:locale', locale);
        } catch {
          // about:blank has no storage; the real document comes next
        }
        const w = window as unknown as {
          __firstRow?: number;
          __exportDone?: number;
          __exportBytes?: number;
        };
        const observer = new MutationObserver(() => {
          if (document.querySelector('table tbody tr th')) {
            w.__firstRow = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document, { childList: true, subtree: true });
        // An export ends with a click on a link to a Blob with `download` set (src/lib/download.ts).
        const createObjectURL = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (object: Blob | MediaSource) => {
          if (object instanceof Blob) w.__exportBytes = object.size;
          return createObjectURL(object);
        };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          if (this.hasAttribute('download')) w.__exportDone = performance.now();
          return click.call(this);
        };
      },
      [kind, env.api, env.token, options.locale ?? ''] as const,
    );
    const page = await context.newPage();
    page.setDefaultTimeout(timeout(env));
    const cdp = await context.newCDPSession(page);
    await applyProfile(cdp, env.profile);
    await options.before?.(cdp, page);
    await page.goto(`${env.origins[kind]}${options.path ?? '/volumes'}`, {
      timeout: timeout(env),
    });
    await page.waitForFunction(
      () => (window as unknown as { __firstRow?: number }).__firstRow !== undefined,
      null,
      { timeout: timeout(env) },
    );
    const { firstRow, lang } = await page.evaluate(() => ({
      firstRow: (window as unknown as { __firstRow: number }).__firstRow,
      lang: document.documentElement.lang,
    }));
    return { context, page, cdp, firstRow, lang };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Time to the first volume row, from the navigation's start. */
export async function firstRow(env: Env, kind: Kind, locale?: string) {
  const opened = await open(env, kind, { locale });
  await opened.context.close();
  return { ms: opened.firstRow, lang: opened.lang };
}

/** Enter in the search box → the single matching row is on screen (a frame-accurate observer). */
export async function search(env: Env, kind: Kind) {
  const { context, page } = await open(env, kind);
  try {
    await page.waitForTimeout(300);
    await page.locator(SEARCH_INPUT[kind]).fill(SEARCH_FOR);
    await env.mark?.();
    return await page.evaluate(
      ([selector, wanted]) => {
        const input = document.querySelector<HTMLInputElement>(selector)!;
        return new Promise<number>((done) => {
          const start = performance.now();
          const check = () => {
            const names = [...document.querySelectorAll('table tbody tr th')].map(
              (th) => th.textContent,
            );
            if (names.length === 1 && names[0] === wanted) {
              observer.disconnect();
              done(performance.now() - start);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        });
      },
      [SEARCH_INPUT[kind], SEARCH_FOR] as const,
    );
  } finally {
    await context.close();
  }
}

/** A click on the first row's name → the detail page's heading, and → its full details. */
export async function openVolume(env: Env) {
  const { context, page } = await open(env, 'ours');
  try {
    await page.waitForTimeout(300);
    await env.mark?.();
    return await page.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>('table tbody tr th a')!;
      const name = link.textContent;
      return new Promise<{ heading: number; full: number }>((done) => {
        const start = performance.now();
        let heading = 0;
        const check = () => {
          const h1 = document.querySelector('h1');
          if (!heading && h1?.textContent === name) heading = performance.now() - start;
          const full =
            heading &&
            document.querySelector('#support') &&
            !document.body.textContent?.includes('Loading all details');
          if (full) {
            observer.disconnect();
            done({ heading, full: performance.now() - start });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        link.click();
      });
    });
  } finally {
    await context.close();
  }
}

/**
 * The list's state filter opened → every state in it shows its count ("OK (1,234)"). From the
 * click to the last count on screen.
 */
export async function facetCounts(env: Env) {
  const { context, page } = await open(env, 'ours');
  try {
    await page.waitForTimeout(300);
    const button = page.getByRole('button', { name: /^State:/ });
    await button.evaluate((element) => element.setAttribute('data-bench-facet', ''));
    await env.mark?.();
    return await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-bench-facet]')!;
      return new Promise<{ ms: number; values: number }>((done) => {
        const start = performance.now();
        const check = () => {
          const panelId = button.getAttribute('aria-controls');
          const panel = panelId ? document.getElementById(panelId) : null;
          if (!panel) return;
          const labels = [...panel.querySelectorAll('label')].filter((label) =>
            label.querySelector('input[type="checkbox"]'),
          );
          if (
            labels.length > 0 &&
            labels.every((label) =>
              /\(\s*[\d\p{Nd}][\d\p{Nd},.\s\u00a0\u202f]*\)\s*$/u.test(label.textContent ?? ''),
            )
          ) {
            observer.disconnect();
            done({ ms: performance.now() - start, values: labels.length });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        button.click();
      });
    });
  } finally {
    await context.close();
  }
}

/** The JS heap now (bytes): after a full GC when `gc`. */
async function heap(cdp: CDPSession, gc: boolean) {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * A heap snapshot's live objects without V8's compiled code and its metadata (node types `code`
 * and `hidden`: bytecode, feedback, optimised code, which grow while V8 warms up and are no leak),
 * and without DevTools' own record of the page's requests (`blink::NetworkResourcesData`: kept
 * because the throttled profile drives the network through DevTools, ≈ 90 KiB a round of ≈ 320
 * requests), in bytes: what the console itself keeps.
 */
async function heapObjects(cdp: CDPSession) {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const nameAt = fields.indexOf('name');
  const skip = new Set(['code', 'hidden'].map((name) => typeNames.indexOf(name)));
  const native = typeNames.indexOf('native');
  const devtools = (node: number) =>
    snapshot.nodes[node + typeAt] === native &&
    snapshot.strings[snapshot.nodes[node + nameAt]!]!.startsWith('blink::NetworkResourcesData');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (!skip.has(snapshot.nodes[i + typeAt]!) && !devtools(i))
      bytes += snapshot.nodes[i + sizeAt]!;
  }
  return bytes;
}

export interface ExportSample {
  /** "Export as CSV" pointer-down → the file handed to the browser (ms). */
  ms: number;
  rows: number;
  bytes: number;
  /** JS heap: before (after a GC), and the highest seen while exporting (sampled every 50 ms). */
  heapBeforeBytes: number;
  peakHeapBytes: number;
  /** A `<progress>` was on screen, and how many different values it showed. */
  progressShown: boolean;
  progressValues: number;
  /** List requests the export made. */
  requests: number;
}

/** Opens the list's Export… dialog and returns the button that starts a CSV export. */
async function exportDialog(page: Page) {
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: 'Export…' }).click();
  const start = page.locator('dialog[open]').getByRole('button', { name: /^Export as CSV/ });
  await start.waitFor();
  return start;
}

const isExportRequest = (url: string) => {
  const parsed = new URL(url);
  return (
    parsed.pathname.endsWith('/api/openstack-volumes/') &&
    parsed.searchParams.get('page_size') === '300'
  );
};

/**
 * The list's whole view exported as CSV (every page of it, up to the console's cap of 10,000):
 * time, rows, peak JS heap, and whether progress showed.
 */
export async function exportAll(env: Env): Promise<ExportSample> {
  const { context, page, cdp } = await open(env, 'ours');
  try {
    const start = await exportDialog(page);
    let requests = 0;
    page.on('request', (request) => {
      if (isExportRequest(request.url())) requests += 1;
    });
    await page.evaluate(() => {
      const w = window as unknown as {
        __down?: number;
        __progress?: { shown: boolean; values: Set<string> };
      };
      const progress = { shown: false, values: new Set<string>() };
      w.__progress = progress;
      document.addEventListener('pointerdown', () => (w.__down = performance.now()), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('dialog[open] progress');
        if (bar) {
          progress.shown = true;
          progress.values.add(`${bar.value}/${bar.max}`);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const heapBeforeBytes = await heap(cdp, true);
    let peakHeapBytes = heapBeforeBytes;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          peakHeapBytes = Math.max(peakHeapBytes, await heap(cdp, false));
        } catch {
          return; // the page is going away
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const download = page.waitForEvent('download', { timeout: timeout(env, 300_000) });
    await env.mark?.();
    await start.click();
    await page.waitForFunction(
      () => (window as unknown as { __exportDone?: number }).__exportDone !== undefined,
      null,
      { timeout: timeout(env, 300_000), polling: 50 },
    );
    sampling = false;
    await sampler;
    peakHeapBytes = Math.max(peakHeapBytes, await heap(cdp, false));
    const result = await page.evaluate(() => {
      const w = window as unknown as {
        __down: number;
        __exportDone: number;
        __exportBytes?: number;
        __progress: { shown: boolean; values: Set<string> };
      };
      return {
        ms: w.__exportDone - w.__down,
        bytes: w.__exportBytes ?? 0,
        progressShown: w.__progress.shown,
        progressValues: w.__progress.values.size,
      };
    });
    const file = await (await download).path();
    const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).length - 1;
    return { ...result, rows, heapBeforeBytes, peakHeapBytes, requests };
  } finally {
    await context.close();
  }
}

export interface CancelSample {
  /** The export's list requests started after Cancel was pressed (0 when Cancel stops it). */
  requestsAfterCancel: number;
  /** The request in flight at the time was aborted by the page. */
  inFlightAborted: boolean;
  /** A file was downloaded anyway. */
  downloaded: boolean;
  /** Requests before the cancel (the held one included). */
  requestsBeforeCancel: number;
  /** Any list request (`/api/openstack-volumes/`, the page's own refresh too) after the press. */
  listRequestsAfterCancel: number;
  stops: boolean;
}

/**
 * An export cancelled mid-way: the export's second page (its first, when there is only one) is
 * held in the browser until Cancel export is pressed; then the bench waits (2 s, 6 s throttled)
 * and counts the export's requests that started after the press.
 */
export async function cancelExport(env: Env): Promise<CancelSample> {
  const { context, page } = await open(env, 'ours');
  try {
    const start = await exportDialog(page);
    const holdPage = env.volumes > 300 ? 2 : 1;
    let cancelledAt = 0;
    let before = 0;
    let after = 0;
    let aborted = false;
    let release: () => void = () => {};
    const cancelled = new Promise<void>((resolve) => {
      release = resolve;
    });
    let heldRequest: Request | null = null;
    const held = new Promise<void>((resolve) => {
      void page.route(
        (url) => isExportRequest(url.toString()),
        async (route: Route) => {
          const request = route.request();
          const number = Number(new URL(request.url()).searchParams.get('page') ?? '1');
          if (cancelledAt) after += 1;
          else before += 1;
          if (number === holdPage && !heldRequest) {
            heldRequest = request;
            resolve();
            await cancelled;
          }
          await route.continue().catch(() => {});
        },
      );
    });
    page.on('requestfailed', (request) => {
      if (request === heldRequest) aborted = true;
    });
    let listAfter = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (cancelledAt && url.pathname.endsWith('/api/openstack-volumes/')) listAfter += 1;
    });
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await start.click();
    await held;
    await page.locator('dialog[open]').getByRole('button', { name: 'Cancel export' }).click();
    cancelledAt = Date.now();
    release();
    // Long enough for the next page's request to leave, had the loop gone on.
    await page.waitForTimeout(env.profile.network ? 6000 : 2000);
    return {
      requestsAfterCancel: after,
      inFlightAborted: aborted,
      downloaded,
      requestsBeforeCancel: before,
      listRequestsAfterCancel: listAfter,
      stops: after === 0 && !downloaded,
    };
  } finally {
    await context.close();
  }
}

/**
 * The first dialog of a visit: a fresh visit opens a volume that can be extended, and Extend… is
 * pressed `settleMs` after the page is on screen (0: as soon as the button is enabled; 1000: a
 * person's reading time). Measured in the page, from `pointerdown` to the open `<dialog>`.
 */
export async function firstDialog(env: Env, settleMs: number) {
  const { context, page } = await open(env, 'ours', {
    path: '/volumes?state=OK&runtime=available',
  });
  try {
    await page.locator('table tbody tr th a').first().click();
    const extend = page.getByRole('toolbar', { name: /Actions for/ }).getByRole('button', {
      name: 'Extend…',
    });
    await page.waitForFunction(
      () => {
        const button = [...document.querySelectorAll('[role="toolbar"] button')].find(
          (b) => b.textContent === 'Extend…',
        );
        return button && button.getAttribute('aria-disabled') !== 'true';
      },
      null,
      { timeout: timeout(env) },
    );
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    await page.evaluate(() => {
      const w = window as unknown as { __down?: number; __open?: number };
      document.addEventListener('pointerdown', () => (w.__down = performance.now()), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        if (document.querySelector('dialog[open]')) {
          w.__open = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await env.mark?.();
    await extend.click();
    await page.locator('dialog[open]').waitFor();
    return await page.evaluate(() => {
      const w = window as unknown as { __down: number; __open: number };
      return w.__open - w.__down;
    });
  } finally {
    await context.close();
  }
}

/** Open the list, search, filter, page, open a volume, come back: requests and bytes on the wire. */
export async function journey(env: Env) {
  const requests = new Map<string, string>();
  let bytes = 0;
  let apiBytes = 0;
  const { context, page } = await open(env, 'ours', {
    path: '/volumes?size=10',
    before: async (cdp) => {
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (event) =>
        requests.set(event.requestId, event.request.url),
      );
      cdp.on('Network.loadingFinished', (event) => {
        bytes += event.encodedDataLength;
        if (requests.get(event.requestId)?.startsWith(env.api)) apiBytes += event.encodedDataLength;
      });
    },
  });
  try {
    await page.locator('#volume-search').fill('s');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=s/);
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: 'In use', exact: true }).click();
    await page.waitForURL(/runtime=in-use/);
    await page.getByText(/^Page 1 of/).waitFor();
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.getByText(/^Page 2 of/).waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    await page.locator('#support').waitFor();
    await page.goBack();
    await page.getByText(/^Page 2 of/).waitFor();
    await page.waitForTimeout(500);
    const all = [...requests.values()];
    return {
      requests: all.length,
      apiRequests: all.filter((url) => url.startsWith(env.api)).length,
      bytes,
      apiBytes,
    };
  } finally {
    await context.close();
  }
}

const pageText = (page: Page, n: number) =>
  page.getByText(new RegExp(`^Page ${n} of [\\d,]+$`)).first();

/** Pages forward through `count` list pages, then back to the first. */
async function pageThrough(page: Page, count: number) {
  for (let i = 2; i <= count + 1; i++) {
    await page.getByRole('button', { name: /^Next/ }).click();
    await pageText(page, i).waitFor();
  }
  await page.getByRole('button', { name: /^First/ }).click();
  await pageText(page, 1).waitFor();
}

/** Opens the volumes of the first two pages (of 10) one by one, back to the list each time. */
async function openVolumes(page: Page, count: number) {
  for (let i = 0; i < count; i++) {
    if (i === 10) {
      await page.getByRole('button', { name: /^Next/ }).click();
      await pageText(page, 2).waitFor();
    }
    const link = page
      .getByRole('table')
      .getByRole('link')
      .nth(i % 10);
    const name = await link.textContent();
    await link.click();
    await page.getByRole('heading', { level: 1, name: name! }).waitFor();
    await page.locator('#support').waitFor();
    await page.goBack();
    await page.getByRole('table').waitFor();
  }
  await page.getByRole('button', { name: /^First/ }).click();
  await pageText(page, 1).waitFor();
}

export interface MemorySample {
  /** JS heap after a forced GC (bytes): after the first row, and after paging in the first round. */
  firstRow: number;
  afterPaging: number;
  /** After each round of 20 list pages and 20 volumes (two, or BENCH_MEMORY_ROUNDS). */
  afterRounds: number[];
  /** What the second, identical round added. */
  secondRound: number;
  /** The heap snapshot's objects without compiled code (`heapObjects`) after each round. */
  objectsAfterRounds: number[];
  /** What the second round added to them. */
  secondRoundObjects: number;
}

/**
 * The JS heap after a forced GC: after the first row (10 a page), then after a round of 20 list
 * pages and 20 volumes, then after a second, identical round (and more, when `rounds` > 2). Once
 * the first round has warmed the code and the caches up, the second should add (almost) nothing.
 */
export async function memory(env: Env, rounds = 2): Promise<MemorySample> {
  const { context, page, cdp } = await open(env, 'ours', { path: '/volumes?size=10' });
  try {
    const settled = async () => {
      await page.waitForTimeout(500);
      return heap(cdp, true);
    };
    await page.waitForTimeout(500);
    const first = await settled();
    await pageThrough(page, 20);
    const afterPaging = await settled();
    await openVolumes(page, 20);
    const afterRounds = [await settled()];
    const objectsAfterRounds = [await heapObjects(cdp)];
    for (let round = 2; round <= Math.max(2, rounds); round++) {
      await pageThrough(page, 20);
      await openVolumes(page, 20);
      afterRounds.push(await settled());
      objectsAfterRounds.push(await heapObjects(cdp));
    }
    return {
      firstRow: first,
      afterPaging,
      afterRounds,
      secondRound: afterRounds[1]! - afterRounds[0]!,
      objectsAfterRounds,
      secondRoundObjects: objectsAfterRounds[1]! - objectsAfterRounds[0]!,
    };
  } finally {
    await context.close();
  }
}
