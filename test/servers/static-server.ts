// Serves a production build the way a deployment does: static files, `config.json` (here optionally
// replaced, as a deployment edits it without rebuilding), and the SPA fallback (any other path gets
// index.html, so /volumes/<uuid> can be reloaded), under the strict Content-Security-Policy of the
// README's nginx example.
//
//   tsx test/servers/static-server.ts --port 4174 --dir dist --api http://127.0.0.1:8091
//   (--connect <origin>: a Waldur the page may reach without naming it in config.json)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { contentSecurityPolicy } from '../../scripts/deployment';

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const port = Number(arg('port', '4174'));
const root = resolve(arg('dir', 'dist'));
const api = arg('api', '');
/** Where the page may connect besides its own origin (the API's origin when --api is given). */
const connect = arg('connect', api ? new URL(api).origin : '');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * Compressed like a production server does (brotli when the browser takes it, else gzip), once per
 * version of a file (a rebuild while the server runs is served fresh).
 */
const cache = new Map<string, Buffer>();
function compressed(file: string, encoding: 'br' | 'gzip') {
  const key = `${encoding}:${file}:${statSync(file).mtimeMs}`;
  let body = cache.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(raw, { level: 9 });
    cache.set(key, body);
  }
  return body;
}

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/config.json' && api) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
    res.end(JSON.stringify({ apiUrl: api }));
    return;
  }
  const file = normalize(join(root, path));
  const inside = file.startsWith(root);
  const target =
    inside && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
  const hashed = target.includes('/assets/');
  const type = TYPES[extname(target)] ?? 'application/octet-stream';
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const encoding = !/text|json|svg/.test(type)
    ? null
    : accepts.includes('br')
      ? 'br'
      : accepts.includes('gzip')
        ? 'gzip'
        : null;
  res.writeHead(200, {
    'Content-Type': type,
    // Hashed assets never change; index.html and config.json must be revalidated.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
    'Content-Security-Policy': contentSecurityPolicy(connect || null),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(encoding ? compressed(target, encoding) : readFileSync(target));
}).listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `Static build of ${root} on http://127.0.0.1:${port}${api ? ` (apiUrl ${api})` : ''}\n`,
  );
});
