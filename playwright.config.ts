import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium';

/**
 * Browser tests: the production build (`npm run build` first) served by `vite preview`, driven in
 * Debian's Chromium (never a downloaded browser). The flags keep Chromium off the closed network.
 */
export const executablePath = findChromium() ?? '/usr/bin/chromium';
/** Chromium on a closed network: no GPU, no QUIC, nothing phoning home. (The bench uses them too.) */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** A Waldur-shaped server (another process, another port) and the same build configured for it. */
export const WALDUR_PORT = Number(process.env.E2E_WALDUR_PORT ?? 8091);
export const DEPLOYED_PORT = Number(process.env.E2E_DEPLOYED_PORT ?? 4174);
/** `WALDUR_URL=… npm run preview`: the build with that Waldur proxied under its own /api/. */
export const PROXIED_PORT = Number(process.env.E2E_PROXIED_PORT ?? 4175);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/config.json`,
      // The demo's sign-in page may connect to the Waldur-shaped server, and nowhere else.
      env: { CSP_CONNECT_SRC: `http://127.0.0.1:${WALDUR_PORT}` },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx test/servers/waldur-server.ts --port ${WALDUR_PORT}`,
      url: `http://127.0.0.1:${WALDUR_PORT}/__control/tokens`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The same production build, deployed with a config.json that names that Waldur.
      command: `npx tsx test/servers/static-server.ts --port ${DEPLOYED_PORT} --dir dist --api http://127.0.0.1:${WALDUR_PORT}`,
      url: `http://127.0.0.1:${DEPLOYED_PORT}/config.json`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // As a developer runs it against a real Waldur: the README's command, word for word.
      command: `npm run preview -- --port ${PROXIED_PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${PROXIED_PORT}/config.json`,
      env: { WALDUR_URL: `http://127.0.0.1:${WALDUR_PORT}` },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
