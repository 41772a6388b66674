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
// Authorization, Origin).
//
//   tsx test/servers/waldur-server.ts --port 8091
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { DemoBackend } from '../../src/mocks/backend';
import type { Clock } from '../../src/mocks/clock';
import { deploymentFromQuery } from '../../src/mocks/deployment';
import { createHandlers } from '../../src/mocks/handlers';
import { DEMO_PERSONAS } from '../../src/mocks/seed/users';

const port = Number(process.argv[process.argv.indexOf('--port') + 1] || process.env.PORT || 8091);
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
let backend = new DemoBackend({ clock });
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
}[] = [];

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
  body: string,
  headers: Record<string, string> = {},
) {
  const cors = corsMode === 'always' || NGINX_ADD_HEADER.has(status) ? CORS : {};
  res.writeHead(status, { ...cors, ...headers });
  res.end(body);
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
  switch (url.pathname) {
    case '/__control/tokens':
      return json(
        Object.fromEntries(
          Object.entries(DEMO_PERSONAS).map(([id, name]) => [id, backend.user(name).token]),
        ),
      );
    case '/__control/reset':
      clock.setManual(false);
      backend = new DemoBackend({ clock }); // the default deployment (8.x) with the fresh seed
      handlers = createHandlers(backend, origin);
      corsMode = 'always';
      for (const release of [...held.values()].flat()) release();
      held.clear();
      holding.clear();
      log.length = 0;
      return json({ ok: true });
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
      return json(log);
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
  };
  log.push(entry);
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
  if (holding.has(url.pathname)) {
    await new Promise<void>((release) =>
      held.set(url.pathname, [...(held.get(url.pathname) ?? []), release]),
    );
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  entry.status = response.status;
  send(res, response.status, req.method === 'HEAD' ? '' : await response.text(), headers);
});

server.listen(port, host, () => {
  process.stdout.write(`Waldur-shaped server on ${origin}\n`);
});
