// Sizes of a production build: what the list page downloads before it can show a row (the files
// index.html loads and their static imports, CSS included), and the whole app. The demo backend
// (MSW, seed data) is excluded from both: a real deployment never downloads it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CATALOGUE_PATH, LIST_PAGE } from './catalogues.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface Sizes {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

const DEMO_SOURCES = [/src\/mocks\//];

function measure(dist: string, files: string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    brotli += brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return { files, raw, gzip, brotli };
}

const SIGN_IN_PAGE = 'src/features/session/pages/sign-in-page.tsx';

/** The scripts and stylesheets index.html loads: what the browser fetches before any code runs. */
function initialFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const pattern = /<(?:script|link)\b[^>]*?(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g;
  const files = [...html.matchAll(pattern)].map((match) => match[1]!);
  if (files.length === 0) throw new Error(`No scripts found in ${dist}/index.html`);
  return files;
}

export function bundleSizes(dist = 'dist') {
  const manifestPath = join(dist, '.vite/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const isDemo = (key: string) =>
    DEMO_SOURCES.some((pattern) => pattern.test(manifest[key]?.src ?? key));

  const collect = (starts: string[], followDynamic: boolean) => {
    const seen = new Set<string>();
    const files = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key) || isDemo(key)) return;
      seen.add(key);
      const chunk = manifest[key];
      if (!chunk) return;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const next of chunk.imports ?? []) visit(next);
      if (followDynamic) for (const next of chunk.dynamicImports ?? []) visit(next);
    };
    for (const file of starts) {
      const key = keyOfFile.get(file);
      if (key) visit(key);
      else files.add(file); // a stylesheet linked from index.html only
    }
    return [...files].sort();
  };

  const initial = initialFiles(dist);
  // The list page is its own chunk (src/app/page-code.ts), which boot loads with the list's data:
  // part of the list's first download all the same.
  const listPage = manifest[LIST_PAGE]?.file;
  if (!listPage) throw new Error(`${LIST_PAGE} is not a chunk of ${dist}`);
  return {
    /**
     * What index.html loads, the list page's chunk, and everything they import statically: what
     * the list's first row needs.
     */
    listFirstLoad: measure(dist, collect([...initial, listPage], false)),
    /** What a deployment's sign-in page downloads before its form shows. */
    signInFirstLoad: measure(dist, collect([...initial, manifest[SIGN_IN_PAGE]!.file], false)),
    /** Everything a real deployment can ever download. */
    wholeApp: measure(dist, collect(initial, true)),
    demoBackend: measure(
      dist,
      Object.keys(manifest)
        .filter(isDemo)
        .map((key) => manifest[key]!.file),
    ),
    /**
     * Each language's catalogue (its own files, fetched only for it): the first part, which the
     * first row waits for, and the rest (scripts/catalogues.ts).
     */
    catalogues: Object.fromEntries(
      readdirSync(join(dist, CATALOGUE_PATH))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => [name.replace(/\.json$/, ''), measure(dist, [`${CATALOGUE_PATH}/${name}`])]),
    ),
  };
}

/** A one-page app's first download (the bench's floor): what its index.html loads. */
export function firstLoadSizes(dist: string): Sizes {
  return measure(dist, initialFiles(dist));
}

export const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

// biome-ignore-start lint/suspicious/noConsole: a command-line report
if (import.meta.url === `file://${process.argv[1]}`) {
  const { catalogues, ...sizes } = bundleSizes(process.argv[2] ?? 'dist');
  for (const [name, value] of [...Object.entries(sizes), ...Object.entries(catalogues)]) {
    const gzip = kib(value.gzip).toFixed(1).padStart(6);
    const brotli = kib(value.brotli).toFixed(1).padStart(6);
    console.log(
      `${name.padEnd(14)} gzip ${gzip} KiB  brotli ${brotli} KiB  (${value.files.length} files)`,
    );
    if (process.env.VERBOSE) for (const file of value.files) console.log(`    ${file}`);
  }
}
// biome-ignore-end lint/suspicious/noConsole: a command-line report
