// A Waldur-shaped HTTP server for browser tests and the benchmark: real HTTP on its own port, in its
// own process, with CORS as a Waldur deployment serves it (mastermind's nginx headers, added to every
// response as the waldur-docker-compose Caddyfile does, so that 4xx bodies are readable too). Behind it
// is the demo backend's request logic: the same answers as demo mode, over a socket instead of MSW.
//
// Test controls live under /__control/ (never under /api/): tokens, reset, expiring or rotating a
// token, HTML 500 pages, latency, and the log of requests received (method, URL, Authorization).
//
//   tsx test/servers/waldur-server.ts --port 8091
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { DemoBackend } from '../../src/mocks/backend';
import { createHandlers } from '../../src/mocks/handlers';
import { DEMO_PERSONAS } from '../../src/mocks/seed/users';

const port = Number(process.argv[process.argv.indexOf('--port') + 1] || process.env.PORT || 8091);
const host = '127.0.0.1';
const origin = `http://${host}:${port}`;

let backend = new DemoBackend();
let handlers = createHandlers(backend, origin);
const log: {
  method: string;
  url: string;
  authorization: string | null;
  origin: string | null;
  at: number;
}[] = [];

const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers':
    'Accept, Accept-Encoding, Authorization, Content-Type, Origin, User-Agent, X-CSRFToken, X-Requested-With, X-Impersonated-User-Uuid, sentry-trace, baggage',
  'Access-Control-Allow-Methods': 'DELETE, GET, OPTIONS, PATCH, POST, PUT',
  'Access-Control-Expose-Headers': 'Link, X-Result-Count',
};

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...CORS, ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function control(url: URL, res: ServerResponse) {
  const json = (value: unknown) =>
    send(res, 200, JSON.stringify(value), { 'Content-Type': 'application/json' });
  switch (url.pathname) {
    case '/__control/tokens':
      return json(
        Object.fromEntries(
          Object.entries(DEMO_PERSONAS).map(([id, name]) => [id, backend.user(name).token]),
        ),
      );
    case '/__control/reset':
      backend = new DemoBackend();
      handlers = createHandlers(backend, origin);
      log.length = 0;
      return json({ ok: true });
    case '/__control/expire':
      backend.expireToken(backend.user(url.searchParams.get('user') ?? 'alice').token);
      return json({ ok: true });
    case '/__control/rotate':
      return json({ token: backend.rotateToken(url.searchParams.get('user') ?? 'alice') });
    case '/__control/fail':
      backend.failNextRequests(
        Number(url.searchParams.get('count') ?? 1),
        url.searchParams.get('path') ?? '',
      );
      return json({ ok: true });
    case '/__control/latency':
      backend.latencyMs = Number(url.searchParams.get('ms') ?? 0);
      return json({ ok: true });
    case '/__control/requests':
      return json(log);
    default:
      return send(res, 404, 'unknown control');
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname.startsWith('/__control/')) return control(url, res);
  // Preflight, as waldur_core.server.middleware.cors_middleware answers it.
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'])
    return send(res, 200, '');
  log.push({
    method: req.method ?? 'GET',
    url: url.toString(),
    authorization: req.headers.authorization ?? null,
    origin: req.headers.origin ?? null,
    at: Date.now(),
  });
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
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  send(res, response.status, req.method === 'HEAD' ? '' : await response.text(), headers);
});

server.listen(port, host, () => {
  process.stdout.write(`Waldur-shaped server on ${origin}\n`);
});
