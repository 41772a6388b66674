// What the bench and the trace share: building the console and the floor, and serving them
// against a Waldur-shaped server of their own (free ports, child processes stopped with the run).
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** The floor app's build: one file, with a manifest (sizes) and source maps (traces). */
export const FLOOR_DIR = 'dist-floor';

/** Builds the console into `outDir` (its own directory: `npm test` may rebuild `dist/` meanwhile). */
export function buildConsole(outDir: string, env: Record<string, string> = {}) {
  execSync(`npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir`, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
}

export async function buildFloor() {
  await build({
    configFile: false,
    root: resolve('bench/floor'),
    plugins: [react()],
    logLevel: 'warn',
    build: {
      outDir: resolve(FLOOR_DIR),
      emptyOutDir: true,
      manifest: true,
      sourcemap: true,
      target: 'es2022',
    },
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** A TypeScript server as a direct child (node + tsx's loader), so that kill() stops it. */
function start(script: string, args: string[], nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export interface Stack {
  volumes: number;
  /** The Waldur-shaped server. */
  api: string;
  origins: { ours: string; floor: string };
  children: ChildProcess[];
}

/**
 * A Waldur-shaped server with `volumes` volumes (read cache on, gzip: bench/README.md, "The
 * backend"), and the console's build (`oursDir`) and the floor served against it. Resolves once
 * the processes are started; `ready(stack)` waits until they answer.
 */
export async function startStack(volumes: number, oursDir: string): Promise<Stack> {
  const ports = { waldur: await freePort(), ours: await freePort(), floor: await freePort() };
  const api = `http://127.0.0.1:${ports.waldur}`;
  const children = [
    start(
      'test/servers/waldur-server.ts',
      ['--port', String(ports.waldur), '--volumes', String(volumes), '--cache-reads', '--gzip'],
      ['--max-semi-space-size=64'],
    ),
    start('test/servers/static-server.ts', [
      '--port',
      String(ports.ours),
      '--dir',
      oursDir,
      '--api',
      api,
    ]),
    start('test/servers/static-server.ts', [
      '--port',
      String(ports.floor),
      '--dir',
      FLOOR_DIR,
      '--connect',
      api,
    ]),
  ];
  return {
    volumes,
    api,
    origins: { ours: `http://127.0.0.1:${ports.ours}`, floor: `http://127.0.0.1:${ports.floor}` },
    children,
  };
}

/** Waits until the stack's three servers answer. */
export function ready(stack: Stack) {
  return Promise.all([
    waitFor(`${stack.api}/__control/tokens`),
    waitFor(`${stack.origins.ours}/`),
    waitFor(`${stack.origins.floor}/`),
  ]);
}
