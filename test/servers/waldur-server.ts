// A Waldur-shaped HTTP server for browser tests and the benchmark: real HTTP on its own port, in its
// own process. Behind it is the demo backend's request logic: the same answers as demo mode, over a
// socket instead of MSW.
//
// CORS comes in two flavours (`/__control/cors?mode=`):
// - `always` (the default): the headers on every response, as the waldur-docker-compose Caddyfile
//   sets them, so that 4xx bodies are readable;
// - `nginx`: as mastermind's bundled nginx adds them (`add_header` without `always`): only on 200,
//   201, 204, 206 and 3xx. A 202 (an accepted action) and every 4xx and 5xx then reach a browser on
//   another origin as a network error, although the server did the work (contract-lifecycle E1).
//
// Test controls live under /__control/ (never under /api/): tokens, reset, expiring or rotating a
// token, HTML 500 pages, holding a response until released, the clock (running, or manual and moved
// by `advance`), which Waldur it plays (`deployment?version=7.x|8.x|newer&zone=0|1&future=0|1`:
// release, REQUIRE_AVAILABILITY_ZONE, a project starting in the future; across origins is the CORS
// mode above, not a deployment setting here), and the log of requests received (method, URL,
// Authorization, Origin, and how long the backend took: `ms`, also sent as a `Server-Timing`
// header).
//
// How many volumes: the demo seed's 250, or more (`--volumes 50000`, or `/__control/seed?volumes=`,
// which starts over with a fresh seed of that size; `/__control/reset` goes back to the size the
// server started with). Added volumes copy seeded ones with their history (./scale-seed).
//
// For measuring the console rather than this backend (`--cache-reads`, or
// `/__control/cache?mode=on|off`): the answer to a GET or HEAD is kept and given again for the
// same URL, token and language while nothing changes. The demo backend scans its arrays on every
// request (400 ms and more for a page of 300 of 50,000 volumes), which a real Waldur's indexed
// database does not; the bench warms the cache before it measures and reports the backend's time
// (`ms`) apart. Any write, any change the backend reports (a task moving a volume), a reset, and
// any other control empty it; it is bypassed while tasks are pending; controls that change how
// the server answers (fail, hold, expire, rotate, clock, advance, deployment, cors) turn it off.
// `--gzip`: bodies over 1 KiB gzipped for a client that accepts it, as a deployment's proxy does.
// `/__control/requests?since=N` gives the log from its Nth entry on.
//
//   tsx test/servers/waldur-server.ts --port 8091 [--volumes 5000] [--cache-reads] [--gzip]
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { getResponse } from 'msw';
import { DemoBackend } from '../../src/mocks/backend';
import type { Clock } from '../../src/mocks/clock';
import { deploymentFromQuery } from '../../src/mocks/deployment';
import { createHandlers } from '../../src/mocks/handlers';
import { createSeedDb } from '../../src/mocks/seed/seed';
import { DEMO_PERSONAS } from '../../src/mocks/seed/users';
import { scaleVolumes } from './scale-seed';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const port = Number(option('port') || process.env.PORT || 8091);
/** The number of volumes `/__control/reset` starts over with. */
const startVolumes = Number(option('volumes') || 250);
if (!Number.isInteger(startVolumes) || startVolumes < 1) {
  throw new Error(`--volumes wants a positive whole number, not ${option('volumes')}`);
}
const host = '127.0.0.1';
const origin = `http://${host}:${port}`;

/** A clock that runs with real time, or stands still (manual) until advanced. */
function switchableClock(): Clock & { setManual(manual: boolean): void } {
  let offset = 0;
  let frozenAt: number | null = null;
  return {
    now: () => (frozenAt ?? Date.now()) + offset,
    advance: (ms) => {
      offset += ms;
    },
    offset: () => offset,
    setManual: (manual) => {
      frozenAt = manual ? Date.now() : null;
      offset = 0;
    },
  };
}

const clock = switchableClock();
/** Answers to reads, by method, URL, token and language (`--cache-reads`; off by default). */
const readCache = new Map<
  string,
  { status: number; headers: Record<string, string>; body: string | Buffer }
>();
let cacheReads = process.argv.includes('--cache-reads');
const gzip = process.argv.includes('--gzip');
/** A fresh backend (the default deployment) whose seed has `volumes` volumes (at least the 250). */
const freshBackend = (volumes: number) =>
  new DemoBackend({
    clock,
    ...(volumes > 250 ? { db: scaleVolumes(createSeedDb(clock.now()), volumes) } : {}),
    onChange: () => readCache.clear(),
  });
let backend = freshBackend(startVolumes);
let handlers = createHandlers(backend, origin);
let corsMode: 'always' | 'nginx' = 'always';
/** Paths whose next response waits for `/__control/release`. */
const held = new Map<string, (() => void)[]>();
const holding = new Set<string>();
const log: {
  method: string;
  url: string;
  authorization: string | null;
  origin: string | null;
  status: number;
  at: number;
  /** How long the backend took to answer (ms), holding excluded. */
  ms: number;
  /** Given from the read cache (`--cache-reads`). */
  cached: boolean;
}[] = [];

/** Controls after which cached answers could be wrong: they turn the cache off. */
const UNCACHEABLE_CONTROLS = new Set(
  ['fail', 'hold', 'expire', 'rotate', 'clock', 'advance', 'deployment', 'cors'].map(
    (name) => `/__control/${name}`,
  ),
);

const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers':
    'Accept, Accept-Encoding, Authorization, Content-Type, Origin, User-Agent, X-CSRFToken, X-Requested-With, X-Impersonated-User-Uuid, sentry-trace, baggage',
  'Access-Control-Allow-Methods': 'DELETE, GET, OPTIONS, PATCH, POST, PUT',
  'Access-Control-Expose-Headers': 'Link, X-Result-Count',
};

/** The status codes nginx's `add_header` (without `always`) adds headers to. */
const NGINX_ADD_HEADER = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  const cors = corsMode === 'always' || NGINX_ADD_HEADER.has(status) ? CORS : {};
  res.writeHead(status, { ...cors, ...headers });
  res.end(body);
}

/** The body as sent: gzipped (`--gzip`) when it is worth it and the client takes it. */
function encoded(req: IncomingMessage, text: string): { body: string | Buffer; gzipped: boolean } {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (!gzip || text.length < 1024 || !/\bgzip\b/.test(accepts))
    return { body: text, gzipped: false };
  return { body: gzipSync(text, { level: 6 }), gzipped: true };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function control(url: URL, res: ServerResponse) {
  const json = (value: unknown) => {
    res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  const param = (name: string, fallback = '') => url.searchParams.get(name) ?? fallback;
  if (url.pathname !== '/__control/tokens' && url.pathname !== '/__control/requests') {
    readCache.clear();
    if (UNCACHEABLE_CONTROLS.has(url.pathname)) cacheReads = false;
  }
  switch (url.pathname) {
    case '/__control/tokens':
      return json(
        Object.fromEntries(
          Object.entries(DEMO_PERSONAS).map(([id, name]) => [id, backend.user(name).token]),
        ),
      );
    case '/__control/reset':
    case '/__control/seed': {
      const volumes =
        url.pathname === '/__control/seed' ? Number(param('volumes', '250')) : startVolumes;
      if (!Number.isInteger(volumes) || volumes < 1) {
        res.writeHead(400, { ...CORS, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ volumes: ['A positive whole number.'] }));
        return;
      }
      clock.setManual(false);
      backend = freshBackend(volumes); // the default deployment (8.x) with the fresh seed
      handlers = createHandlers(backend, origin);
      corsMode = 'always';
      for (const release of [...held.values()].flat()) release();
      held.clear();
      holding.clear();
      log.length = 0;
      return json({ ok: true, volumes: backend.db.volumes.length });
    }
    case '/__control/expire':
      backend.expireToken(backend.user(param('user', 'alice')).token);
      return json({ ok: true });
    case '/__control/rotate':
      return json({ token: backend.rotateToken(param('user', 'alice')) });
    case '/__control/fail':
      backend.failNextRequests(Number(param('count', '1')), param('path'));
      return json({ ok: true });
    case '/__control/hold':
      holding.add(param('path'));
      return json({ ok: true });
    case '/__control/release': {
      const path = param('path');
      holding.delete(path);
      for (const release of held.get(path) ?? []) release();
      held.delete(path);
      return json({ ok: true });
    }
    case '/__control/clock':
      clock.setManual(param('mode') === 'manual');
      return json({ ok: true });
    case '/__control/advance':
      clock.advance(Number(param('ms', '0')));
      backend.tick();
      return json({ ok: true });
    case '/__control/deployment': {
      const next = deploymentFromQuery(backend.deployment, url.searchParams);
      if (!next) {
        res.writeHead(400, { ...CORS, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ version: ['One of 7.x, 8.x, newer.'] }));
        return;
      }
      backend.deployment = next;
      return json(next);
    }
    case '/__control/cors':
      corsMode = param('mode') === 'nginx' ? 'nginx' : 'always';
      return json({ ok: true });
    case '/__control/requests':
      return json(log.slice(Number(param('since', '0')) || 0));
    case '/__control/cache':
      cacheReads = param('mode') === 'on';
      return json({ ok: true, cacheReads });
    default:
      res.writeHead(404);
      res.end('unknown control');
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname.startsWith('/__control/')) return control(url, res);
  // Preflight, as waldur_core.server.middleware.cors_middleware answers it (always with headers).
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.writeHead(200, CORS);
    res.end('');
    return;
  }
  const entry = {
    method: req.method ?? 'GET',
    url: url.toString(),
    authorization: req.headers.authorization ?? null,
    origin: req.headers.origin ?? null,
    status: 0,
    at: Date.now(),
    ms: 0,
    cached: false,
  };
  const started = performance.now();
  log.push(entry);
  const reading = req.method === 'GET' || req.method === 'HEAD';
  if (!reading) readCache.clear();
  const cacheKey = [
    req.method,
    url.toString(),
    req.headers.authorization ?? '',
    req.headers['accept-language'] ?? '',
    String(req.headers['accept-encoding'] ?? ''),
  ].join(' ');
  const usesCache = () => cacheReads && reading && backend.db.jobs.length === 0;
  const hit = usesCache() ? readCache.get(cacheKey) : undefined;
  if (hit) {
    entry.ms = Math.round((performance.now() - started) * 10) / 10;
    entry.cached = true;
    entry.status = hit.status;
    send(res, hit.status, hit.body, { ...hit.headers, 'Server-Timing': `app;dur=${entry.ms}` });
    return;
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  const request = new Request(url, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([key, value]) =>
      value === undefined
        ? []
        : (Array.isArray(value) ? value : [value]).map((v) => [key, v] as [string, string]),
    ),
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
  const response =
    (await getResponse(handlers, request)) ?? new Response('Not Found', { status: 404 });
  const text = req.method === 'HEAD' ? '' : await response.text();
  entry.ms = Math.round((performance.now() - started) * 10) / 10;
  if (holding.has(url.pathname)) {
    await new Promise<void>((release) =>
      held.set(url.pathname, [...(held.get(url.pathname) ?? []), release]),
    );
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const { body: sent, gzipped } = encoded(req, text);
  if (gzipped) {
    headers['content-encoding'] = 'gzip';
    headers.vary = 'Accept-Encoding';
    delete headers['content-length'];
  }
  if (response.status === 200 && usesCache()) {
    readCache.set(cacheKey, { status: response.status, headers: { ...headers }, body: sent });
  }
  headers['Server-Timing'] = `app;dur=${entry.ms}`;
  entry.status = response.status;
  send(res, response.status, sent, headers);
});

server.listen(port, host, () => {
  process.stdout.write(`Waldur-shaped server on ${origin}\n`);
});
