// `npm run bench`: builds the console and a floor app (the same libraries rendering one page of the
// same volumes, nothing else), serves both against the same Waldur-shaped HTTP server, and measures in
// headless Chromium: download sizes, time to the first volume row (vs. the floor), a search's updated
// rows (vs. the floor), opening a volume, a scripted journey's requests and bytes, and the JS heap
// after browsing 20 list pages and 20 volumes. Prints a table and writes bench/results/latest.json.
// Timings are medians over fresh browser contexts (cold caches). Targets are in TARGETS below.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
} from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { CHROMIUM_ARGS, executablePath } from '../playwright.config';
import { bundleSizes, kib } from '../scripts/bundle-size';

/** A port nothing listens on now (the OS picks it), so a busy machine cannot make the bench fail. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const PORTS = { waldur: 0, ours: 0, floor: 0 };
let API = '';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(...)`;
 * functions sent to the page by `page.evaluate` need that helper there too.
 */
const NAME_SHIM = 'globalThis.__name = (fn) => fn;';

const TARGETS = {
  listFirstLoadGzipKiB: 120,
  firstRowRatio: 1.2,
  searchRatio: 1.3,
  heapRatio: 1.5,
  firstDialogMs: 50,
};

const log = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => bytes / 2 ** 20;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function buildAll() {
  log('Building the console (vite build)…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  log('Building the floor app…');
  await build({
    configFile: false,
    root: resolve('bench/floor'),
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: resolve('dist-floor'), emptyOutDir: true, manifest: true, target: 'es2022' },
  });
}

/** A TypeScript server as a direct child (node + tsx's loader), so that kill() stops it. */
function start(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

type Kind = 'ours' | 'floor';
const SEARCH_INPUT: Record<Kind, string> = {
  ours: '#volume-search',
  floor: 'input[aria-label="Search"]',
};

async function open(
  browser: Browser,
  kind: Kind,
  token: string,
  path = '/volumes',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(NAME_SHIM);
  await context.addInitScript(
    ([which, api, key]) => {
      const value = JSON.stringify({ apiUrl: api, token: key });
      sessionStorage.setItem(which === 'ours' ? 'volume-console:connection' : 'floor', value);
      const observer = new MutationObserver(() => {
        if (document.querySelector('table tbody tr th')) {
          (window as unknown as { __firstRow: number }).__firstRow = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    [kind, API, token] as const,
  );
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORTS[kind]}${path}`);
  await page.waitForFunction(
    () => (window as unknown as { __firstRow?: number }).__firstRow !== undefined,
    null,
    {
      timeout: 30_000,
    },
  );
  return { context, page };
}

async function firstRow(browser: Browser, kind: Kind, token: string) {
  const { context, page } = await open(browser, kind, token);
  const ms = await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
  await context.close();
  return ms;
}

/** Enter in the search box → the single matching row is on screen (a frame-accurate observer). */
async function search(browser: Browser, kind: Kind, token: string) {
  const { context, page } = await open(browser, kind, token);
  await page.waitForTimeout(300);
  await page.locator(SEARCH_INPUT[kind]).fill('scratch-01');
  const ms = await page.evaluate(async (selector) => {
    const input = document.querySelector<HTMLInputElement>(selector)!;
    return new Promise<number>((done) => {
      const start = performance.now();
      const check = () => {
        const names = [...document.querySelectorAll('table tbody tr th')].map(
          (th) => th.textContent,
        );
        if (names.length === 1 && names[0] === 'scratch-01') {
          observer.disconnect();
          done(performance.now() - start);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
  }, SEARCH_INPUT[kind]);
  await context.close();
  return ms;
}

/** A click on a row's name → the detail page's heading, and → its full details. */
async function openVolume(browser: Browser, token: string) {
  const { context, page } = await open(browser, 'ours', token);
  await page.waitForTimeout(300);
  const result = await page.evaluate(async () => {
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
  await context.close();
  return result;
}

/**
 * The first dialog of a visit: a fresh visit opens a volume that can be extended, and Extend… is
 * pressed `settleMs` after the page is on screen (0: as soon as the button is enabled; 1000: a
 * person's reading time). Measured in the page, from `pointerdown` to the open `<dialog>`.
 */
async function firstDialog(browser: Browser, token: string, settleMs: number) {
  const { context, page } = await open(
    browser,
    'ours',
    token,
    '/volumes?state=OK&runtime=available',
  );
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
    { timeout: 30_000 },
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
  await extend.click();
  await page.locator('dialog[open]').waitFor();
  const ms = await page.evaluate(() => {
    const w = window as unknown as { __down: number; __open: number };
    return w.__open - w.__down;
  });
  await context.close();
  return ms;
}

/** Open the list, search, filter, page, open a volume, come back: requests and bytes on the wire. */
async function journey(browser: Browser, token: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(NAME_SHIM);
  await context.addInitScript(
    ([api, key]) =>
      sessionStorage.setItem(
        'volume-console:connection',
        JSON.stringify({ apiUrl: api, token: key }),
      ),
    [API, token] as const,
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map<string, string>();
  let bytes = 0;
  let apiBytes = 0;
  cdp.on('Network.requestWillBeSent', (event) => requests.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    if (requests.get(event.requestId)?.startsWith(API)) apiBytes += event.encodedDataLength;
  });
  await page.goto(`http://127.0.0.1:${PORTS.ours}/volumes?size=10`);
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
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
  await context.close();
  return {
    requests: all.length,
    apiRequests: all.filter((url) => url.startsWith(API) && !url.includes('OPTIONS')).length,
    kib: kib(bytes),
    apiKib: kib(apiBytes),
  };
}

/** The heap after a GC, and how much of it is V8's compiled code (from a heap snapshot). */
async function heapNow(page: Page, cdp: CDPSession) {
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks: string[] = [];
  const collect = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let code = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (types[snapshot.nodes[i + typeAt]!] === 'code') code += snapshot.nodes[i + sizeAt]!;
  }
  return { used: usedSize, code };
}

/** Pages forward through `count` list pages, then back to the first. */
async function pageThrough(page: Page, count: number) {
  for (let i = 2; i <= count + 1; i++) {
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.getByText(`Page ${i} of 25`, { exact: true }).waitFor();
  }
  await page.getByRole('button', { name: /^First/ }).click();
  await page.getByText('Page 1 of 25', { exact: true }).waitFor();
}

/** Opens the volumes of the first two pages one by one, going back to the list each time. */
async function openVolumes(page: Page, count: number) {
  for (let i = 0; i < count; i++) {
    if (i === 10) {
      await page.getByRole('button', { name: /^Next/ }).click();
      await page.getByText('Page 2 of 25', { exact: true }).waitFor();
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
  await page.getByText('Page 1 of 25', { exact: true }).waitFor();
}

/**
 * The JS heap after the first load, after browsing 20 list pages and 20 volumes, and after a second
 * round over other data (the list sorted by name, descending): the second round shows what each
 * page costs once the code has warmed up. Compiled code (V8's bytecode and JIT output for code that
 * has now run) is reported apart from the rest.
 */
async function memory(browser: Browser, token: string) {
  const { context, page } = await open(browser, 'ours', token, '/volumes?size=10');
  const cdp = await context.newCDPSession(page);
  await page.waitForTimeout(1000);
  const first = await heapNow(page, cdp);
  await pageThrough(page, 20);
  await openVolumes(page, 20);
  const after = await heapNow(page, cdp);
  await page.getByRole('button', { name: /^Name/ }).click();
  await page.getByRole('button', { name: /^Name/ }).click();
  await page
    .getByRole('columnheader', { name: /^Name/ })
    .and(page.locator('[aria-sort="descending"]'))
    .waitFor();
  await pageThrough(page, 20);
  await openVolumes(page, 20);
  const second = await heapNow(page, cdp);
  await context.close();
  return { first, after, second, ratio: after.used / first.used };
}

async function main() {
  await buildAll();
  PORTS.waldur = await freePort();
  PORTS.ours = await freePort();
  PORTS.floor = await freePort();
  API = `http://127.0.0.1:${PORTS.waldur}`;
  const children = [
    start('test/servers/waldur-server.ts', ['--port', String(PORTS.waldur)]),
    start('test/servers/static-server.ts', [
      '--port',
      String(PORTS.ours),
      '--dir',
      'dist',
      '--api',
      API,
    ]),
    start('test/servers/static-server.ts', [
      '--port',
      String(PORTS.floor),
      '--dir',
      'dist-floor',
      '--connect',
      API,
    ]),
  ];
  // The servers go with the bench, however it ends: done, failed, or interrupted.
  const stop = () => {
    for (const child of children) if (child.exitCode === null) child.kill();
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  for (const child of children) {
    child.on('exit', (code) => {
      if (code !== null && code !== 0) {
        process.stderr.write(`A bench server exited with code ${code}; stopping.\n`);
        stop();
        process.exit(1);
      }
    });
  }
  try {
    await Promise.all([
      waitFor(`${API}/__control/tokens`),
      waitFor(`http://127.0.0.1:${PORTS.ours}/`),
      waitFor(`http://127.0.0.1:${PORTS.floor}/`),
    ]);
    const token = ((await (await fetch(`${API}/__control/tokens`)).json()) as { staff: string })
      .staff;
    const browser = await chromium.launch({ executablePath, args: ARGS });
    const version = browser.version();

    log(`Measuring (${RUNS} runs each)…`);
    await firstRow(browser, 'ours', token); // warm-up: server JIT, disk cache of the build
    await firstRow(browser, 'floor', token);
    const first = { ours: [] as number[], floor: [] as number[] };
    const searches = { ours: [] as number[], floor: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      // Alternate so that machine noise hits both alike.
      first.ours.push(await firstRow(browser, 'ours', token));
      first.floor.push(await firstRow(browser, 'floor', token));
      searches.ours.push(await search(browser, 'ours', token));
      searches.floor.push(await search(browser, 'floor', token));
    }
    const opens: { heading: number; full: number }[] = [];
    for (let i = 0; i < RUNS; i++) opens.push(await openVolume(browser, token));
    const dialogs = { read: [] as number[], atOnce: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      dialogs.read.push(await firstDialog(browser, token, 1000));
      dialogs.atOnce.push(await firstDialog(browser, token, 0));
    }
    const trip = await journey(browser, token);
    const heap = await memory(browser, token);
    await browser.close();

    const ours = bundleSizes('dist');
    const floor = bundleSizes('dist-floor');
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        chromium: version,
        runs: RUNS,
      },
      sizes: {
        listFirstLoad: {
          gzipKiB: kib(ours.listFirstLoad.gzip),
          brotliKiB: kib(ours.listFirstLoad.brotli),
          files: ours.listFirstLoad.files.length,
        },
        wholeApp: { gzipKiB: kib(ours.wholeApp.gzip), brotliKiB: kib(ours.wholeApp.brotli) },
        floorFirstLoad: {
          gzipKiB: kib(floor.listFirstLoad.gzip),
          brotliKiB: kib(floor.listFirstLoad.brotli),
        },
        demoBackendGzipKiB: kib(ours.demoBackend.gzip),
      },
      firstRowMs: {
        ours: median(first.ours),
        floor: median(first.floor),
        ratio: median(first.ours) / median(first.floor),
        samples: first,
      },
      searchMs: {
        ours: median(searches.ours),
        floor: median(searches.floor),
        ratio: median(searches.ours) / median(searches.floor),
        samples: searches,
      },
      firstDialogMs: {
        afterReading: median(dialogs.read),
        atOnce: median(dialogs.atOnce),
      },
      openVolumeMs: {
        heading: median(opens.map((o) => o.heading)),
        fullDetails: median(opens.map((o) => o.full)),
      },
      journey: trip,
      heap: {
        firstLoadMiB: mib(heap.first.used),
        afterBrowsingMiB: mib(heap.after.used),
        ratio: heap.ratio,
        compiledCodeMiB: { firstLoad: mib(heap.first.code), afterBrowsing: mib(heap.after.code) },
        withoutCompiledCode: {
          firstLoadMiB: mib(heap.first.used - heap.first.code),
          afterBrowsingMiB: mib(heap.after.used - heap.after.code),
          ratio: (heap.after.used - heap.after.code) / (heap.first.used - heap.first.code),
        },
        afterSecondRoundMiB: mib(heap.second.used),
      },
      targets: TARGETS,
    };

    const row = (name: string, value: string, target: string, met: boolean | null) =>
      `| ${name.padEnd(52)} | ${value.padEnd(30)} | ${target.padEnd(18)} | ${met === null ? '' : met ? 'yes' : 'NO'} |`;
    const ms = (n: number) => `${Math.round(n)} ms`;
    const lines = [
      `Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB; Node ${result.machine.node}; Chromium ${version}; median of ${RUNS} runs`,
      '',
      `| ${'Measure'.padEnd(52)} | ${'Result'.padEnd(30)} | ${'Target'.padEnd(18)} | Met |`,
      `|${'-'.repeat(54)}|${'-'.repeat(32)}|${'-'.repeat(20)}|-----|`,
      row(
        'List page first download (gzip / brotli)',
        `${result.sizes.listFirstLoad.gzipKiB} / ${result.sizes.listFirstLoad.brotliKiB} KiB`,
        `≤ ${TARGETS.listFirstLoadGzipKiB} KiB gzip`,
        result.sizes.listFirstLoad.gzipKiB <= TARGETS.listFirstLoadGzipKiB,
      ),
      row(
        'Whole app, demo backend excluded (gzip / brotli)',
        `${result.sizes.wholeApp.gzipKiB} / ${result.sizes.wholeApp.brotliKiB} KiB`,
        'budget in CI',
        null,
      ),
      row(
        'Floor app first download (gzip / brotli)',
        `${result.sizes.floorFirstLoad.gzipKiB} / ${result.sizes.floorFirstLoad.brotliKiB} KiB`,
        '',
        null,
      ),
      row(
        'First volume row: console / floor',
        `${ms(result.firstRowMs.ours)} / ${ms(result.firstRowMs.floor)} (×${result.firstRowMs.ratio.toFixed(2)})`,
        `≤ ×${TARGETS.firstRowRatio}`,
        result.firstRowMs.ratio <= TARGETS.firstRowRatio,
      ),
      row(
        'Search → updated rows: console / floor',
        `${ms(result.searchMs.ours)} / ${ms(result.searchMs.floor)} (×${result.searchMs.ratio.toFixed(2)})`,
        `≤ ×${TARGETS.searchRatio}`,
        result.searchMs.ratio <= TARGETS.searchRatio,
      ),
      row(
        'Open a volume from the list: heading / full details',
        `${ms(result.openVolumeMs.heading)} / ${ms(result.openVolumeMs.fullDetails)}`,
        '',
        null,
      ),
      row(
        'First dialog of a visit (Extend…), pointer-down → open',
        `${ms(result.firstDialogMs.afterReading)} (1 s after the page) / ${ms(result.firstDialogMs.atOnce)} (at once)`,
        `≤ ${TARGETS.firstDialogMs} ms`,
        result.firstDialogMs.afterReading <= TARGETS.firstDialogMs,
      ),
      row(
        'Journey: requests (API) / bytes (API)',
        `${trip.requests} (${trip.apiRequests}) / ${trip.kib} KiB (${trip.apiKib} KiB)`,
        '',
        null,
      ),
      row(
        'JS heap: first load → after 20 pages + 20 volumes',
        `${result.heap.firstLoadMiB.toFixed(2)} → ${result.heap.afterBrowsingMiB.toFixed(2)} MiB (×${heap.ratio.toFixed(2)})`,
        `≤ ×${TARGETS.heapRatio}`,
        heap.ratio <= TARGETS.heapRatio,
      ),
      row(
        '  of it V8 compiled code (code that has now run)',
        `${result.heap.compiledCodeMiB.firstLoad.toFixed(2)} → ${result.heap.compiledCodeMiB.afterBrowsing.toFixed(2)} MiB`,
        '',
        null,
      ),
      row(
        '  the rest (data, DOM wrappers, React)',
        `${result.heap.withoutCompiledCode.firstLoadMiB.toFixed(2)} → ${result.heap.withoutCompiledCode.afterBrowsingMiB.toFixed(2)} MiB (×${result.heap.withoutCompiledCode.ratio.toFixed(2)})`,
        '',
        null,
      ),
      row(
        'JS heap after 20 more pages + 20 more volumes',
        `${result.heap.afterSecondRoundMiB.toFixed(2)} MiB (+${(result.heap.afterSecondRoundMiB - result.heap.afterBrowsingMiB).toFixed(2)})`,
        '',
        null,
      ),
    ];
    log('');
    for (const line of lines) log(line);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync('bench/results/latest.md', `${lines.join('\n')}\n`);
    log('\nWritten to bench/results/latest.json and latest.md');
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
