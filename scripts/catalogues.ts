// The translation catalogues (`src/locales/<code>.json`) as static files of the build, fetched only
// by readers of that language, each in two parts (docs/decisions/0015-catalogue-in-two-parts.md):
// - `assets/locales/<code>.first.json`: the messages of the code the list's first screen runs (the
//   modules of the entry, the app's start and the list page, with what they import statically):
//   what the first row waits for;
// - `assets/locales/<code>.rest.json`: every other message, for the code loaded on demand, which
//   waits for it (`withWords` in src/lib/language.ts).
// Not JS chunks: a map of 13 lazy imports costs the English first download more than one line that
// fetches by code. The URL carries a version (a hash of every catalogue) so a new deployment is
// never served an old translation, while the files themselves can be cached for good under
// /assets/. The dev server (and the unit tests) serve the whole catalogue as the first part: there
// is no build to split by.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { messagesIn } from './messages-in-code.ts';

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'src', 'locales');
export const CATALOGUE_PATH = 'assets/locales';

/** The list page's module: its own chunk, loaded by boot with the list's data. */
export const LIST_PAGE = 'src/features/volumes/pages/volume-list-page.tsx';

/** The modules whose code runs for the list's first screen, with their static imports. */
export const FIRST_SCREEN = ['src/main.tsx', 'src/app/start.tsx', LIST_PAGE];

export function readCatalogues(): Map<string, string> {
  return new Map(
    readdirSync(DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.replace(/\.json$/, ''), readFileSync(join(DIR, name), 'utf8')]),
  );
}

export type CataloguePart = 'first' | 'rest';

/**
 * A catalogue's part, written compactly (the source files are indented for people): the messages
 * `first` holds, or the others. Without `first` (no build to split by), all of it is the first part.
 */
export function cataloguePart(source: string, part: CataloguePart, first?: ReadonlySet<string>) {
  const entries = Object.entries(JSON.parse(source) as Record<string, string>);
  const keep = first
    ? (key: string) => first.has(key) === (part === 'first')
    : () => part === 'first';
  return JSON.stringify(Object.fromEntries(entries.filter(([key]) => keep(key))));
}

/**
 * A catalogue file as the dev server and the unit tests serve it (`de.first.json`): without a
 * build to split by, the whole catalogue is the first part and the rest is empty. Undefined for a
 * file that is not one.
 */
export function unsplitCatalogueFile(
  file: string,
  catalogues: ReadonlyMap<string, string> = readCatalogues(),
): string | undefined {
  const [, code, part] = /^([a-z-]+)\.(first|rest)\.json$/.exec(file) ?? [];
  const source = code ? catalogues.get(code) : undefined;
  return source === undefined ? undefined : cataloguePart(source, part as CataloguePart);
}

interface Chunk {
  type: 'chunk';
  fileName: string;
  imports: string[];
  moduleIds: string[];
  facadeModuleId: string | null;
}

/** The messages of the first screen: those of every source module in its chunks. */
export function firstScreenMessages(bundle: Record<string, { type: string }>): Set<string> {
  const chunks = Object.values(bundle).filter((item): item is Chunk => item.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<Chunk>();
  const visit = (chunk: Chunk | undefined) => {
    if (!chunk || seen.has(chunk)) return;
    seen.add(chunk);
    for (const file of chunk.imports) visit(byFile.get(file));
  };
  for (const module of FIRST_SCREEN) {
    // The entry's chunk has index.html as its facade.
    const chunk = chunks.find((c) => c.moduleIds.includes(join(ROOT, module)));
    if (!chunk) throw new Error(`catalogues: no chunk starts at ${module}`);
    visit(chunk);
  }
  const keys = new Set<string>();
  for (const chunk of seen)
    for (const id of chunk.moduleIds) {
      const path = relative(ROOT, id);
      if (/^src\/.*\.tsx?$/.test(path) && !path.startsWith('src/mocks/'))
        for (const { key } of messagesIn(id).found) keys.add(key);
    }
  return keys;
}

export function catalogues(): Plugin {
  return {
    name: 'catalogues',
    config() {
      const hash = createHash('sha256');
      for (const [code, source] of [...readCatalogues()].sort()) hash.update(code).update(source);
      return {
        define: { __CATALOGUE_VERSION__: JSON.stringify(hash.digest('hex').slice(0, 10)) },
      };
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        const prefix = `/${CATALOGUE_PATH}/`;
        const body = path.startsWith(prefix)
          ? unsplitCatalogueFile(path.slice(prefix.length))
          : undefined;
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(body);
      });
    },
    generateBundle(_options, bundle) {
      const first = firstScreenMessages(bundle);
      for (const [code, source] of readCatalogues())
        for (const part of ['first', 'rest'] as const)
          this.emitFile({
            type: 'asset',
            fileName: `${CATALOGUE_PATH}/${code}.${part}.json`,
            source: cataloguePart(source, part, first),
          });
    },
  };
}
