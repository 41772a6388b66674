/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

type ModuleInfo = { isEntry: boolean; importers: readonly string[] } | null;

/**
 * Everything the entry imports statically (React, the router, react-query, zod, the list page) goes
 * into one `app` chunk, so the list's first download is two well-compressed files rather than a dozen
 * slivers. Modules reached only through `import()` (detail page, dialogs, sign-in, the demo backend)
 * keep Rolldown's automatic splitting. The rule follows the import graph, so new files need no config.
 */
function firstLoadChunk() {
  const reachable = new Map<string, boolean>();
  const isReachable = (
    id: string,
    getModuleInfo: (id: string) => ModuleInfo,
    path = new Set<string>(),
  ): boolean => {
    const known = reachable.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return false;
    path.add(id);
    const info = getModuleInfo(id);
    const result = Boolean(
      info &&
        (info.isEntry ||
          info.importers.some((importer) => isReachable(importer, getModuleInfo, path))),
    );
    path.delete(id);
    reachable.set(id, result);
    return result;
  };
  return (id: string, ctx: { getModuleInfo: (id: string) => ModuleInfo }) => {
    const getModuleInfo = (moduleId: string) => ctx.getModuleInfo(moduleId);
    const info = getModuleInfo(id);
    if (!info || info.isEntry) return null;
    return isReachable(id, getModuleInfo) ? 'app' : null;
  };
}

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    // The manifest lets the bundle budget check find what the list page loads first.
    manifest: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: firstLoadChunk(), debugName: 'first-load' }] },
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
