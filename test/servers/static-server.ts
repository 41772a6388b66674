import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * Serves a production build the way a deployment does: static files, `config.json` (here optionally
 * replaced, as a deployment edits it without rebuilding), and the SPA fallback (any other path gets
 * index.html, so /volumes/<uuid> can be reloaded).
 *
 *   tsx test/servers/static-server.ts --port 4174 --dir dist --api http://127.0.0.1:8091
 */
const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const port = Number(arg('port', '4174'));
const root = resolve(arg('dir', 'dist'));
const api = arg('api', '');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

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
  res.writeHead(200, {
    'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
    // Hashed assets never change; index.html and config.json must be revalidated.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(target).pipe(res);
}).listen(port, '127.0.0.1', () => {
  process.stdout.write(
    `Static build of ${root} on http://127.0.0.1:${port}${api ? ` (apiUrl ${api})` : ''}\n`,
  );
});
