// The translation catalogues (`src/locales/<code>.json`) as static files of the build:
// `assets/locales/<code>.json`, fetched only by readers of that language. Not JS chunks: a map of
// 13 lazy imports costs the English first download more than one line that fetches by code. The
// URL carries a version (a hash of every catalogue) so a new deployment is never served an old
// translation, while the files themselves can be cached for good under /assets/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const DIR = join(import.meta.dirname, '..', 'src', 'locales');
export const CATALOGUE_PATH = 'assets/locales';

export function readCatalogues(): Map<string, string> {
  return new Map(
    readdirSync(DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.replace(/\.json$/, ''), readFileSync(join(DIR, name), 'utf8')]),
  );
}

/** Written compactly: the source files are indented for people. */
const compact = (source: string) => JSON.stringify(JSON.parse(source));

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
        const code = new RegExp(`^/${CATALOGUE_PATH}/([a-z-]+)\\.json`).exec(req.url ?? '')?.[1];
        const source = code ? readCatalogues().get(code) : undefined;
        if (!source) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(compact(source));
      });
    },
    generateBundle() {
      for (const [code, source] of readCatalogues())
        this.emitFile({
          type: 'asset',
          fileName: `${CATALOGUE_PATH}/${code}.json`,
          source: compact(source),
        });
    },
  };
}
