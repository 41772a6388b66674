/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { catalogues } from './scripts/catalogues.ts';
import { waldurProxy } from './scripts/deployment.ts';

type ModuleInfo = { isEntry: boolean; importedIds: readonly string[] } | null;
type GetModuleInfo = (id: string) => ModuleInfo;

const BOOT = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
/** The module that renders the app; the boot entry imports it dynamically and preloads it. */
const APP_START = fileURLToPath(new URL('./src/app/start.tsx', import.meta.url));
/** The list page: its own chunk, loaded by boot with the list's data (src/app/page-code.ts). */
const LIST_PAGE = fileURLToPath(
  new URL('./src/features/volumes/pages/volume-list-page.tsx', import.meta.url),
);
const SIGN_IN_PAGE = fileURLToPath(
  new URL('./src/features/session/pages/sign-in-page.tsx', import.meta.url),
);

/**
 * Three first-load chunks, following the import graph (new files need no config):
 * - `boot`: what the entry imports statically (config, session, HTTP, queries, zod, react-query):
 *   small, so that the first request starts early;
 * - `app`: what app/start imports statically (react-dom, the router, the shell), and what the list
 *   page shares with the sign-in page (buttons, fields' frame, notices), downloaded in parallel
 *   (modulepreload) and evaluated while that request is in flight;
 * - `list`: the rest of the list page (table, filters, search…), one chunk that boot loads with the
 *   list's data; a deployment's sign-in page never downloads it.
 * Modules reached only through other `import()`s (detail page, dialogs, the tray, the demo backend)
 * keep Rolldown's automatic splitting. See docs/decisions/0002 and 0005.
 */
function firstLoadChunks() {
  let boot: Set<string> | null = null;
  let app: Set<string> | null = null;
  let list: Set<string> | null = null;
  let signIn: Set<string> | null = null;
  // Everything reachable from `root` through static imports.
  const closure = (root: string, getModuleInfo: GetModuleInfo) => {
    const seen = new Set<string>();
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const next of getModuleInfo(id)?.importedIds ?? []) stack.push(next);
    }
    return seen;
  };
  return (id: string, ctx: { getModuleInfo: GetModuleInfo }) => {
    const getModuleInfo = (moduleId: string) => ctx.getModuleInfo(moduleId);
    boot ??= closure(BOOT, getModuleInfo);
    app ??= closure(APP_START, getModuleInfo);
    list ??= closure(LIST_PAGE, getModuleInfo);
    signIn ??= closure(SIGN_IN_PAGE, getModuleInfo);
    if (id === BOOT) return null;
    if (boot.has(id)) return 'boot';
    if (app.has(id)) return 'app';
    if (list.has(id)) return signIn.has(id) ? 'app' : 'list';
    return null;
  };
}

/** Adds <link rel="modulepreload"> for app/start and its chunks, so they download from the start. */
function preloadAppStart(): Plugin {
  let base = '/';
  return {
    name: 'preload-app-start',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const start = chunks.find((chunk) => chunk.facadeModuleId === APP_START);
        if (!start) return html;
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName) || html.includes(fileName)) return;
          files.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          for (const next of chunk?.imports ?? []) visit(next);
        };
        visit(start.fileName);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

const reactProfiling = process.env.REACT_PROFILING === '1';

export default defineConfig({
  plugins: [react(), preloadAppStart(), waldurProxy(), catalogues()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // REACT_PROFILING=1 (bench/trace.ts --react): React's profiling build, which puts each
      // component's render on the Performance timeline, with readable names. Never shipped.
      ...(reactProfiling ? { 'react-dom/client': 'react-dom/profiling' } : {}),
    },
  },
  build: {
    target: 'es2022',
    ...(reactProfiling ? { minify: false } : {}),
    // The manifest lets the bundle budget check find what the list page loads first.
    manifest: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: firstLoadChunks(),
              debugName: 'first-load',
              // The rule already yields closed sets (boot never needs app); pulling an app module's
              // dependencies into app would drag boot's modules along.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost/' } },
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globals: false,
    testTimeout: 15_000,
  },
});
