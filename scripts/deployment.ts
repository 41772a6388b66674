// How the console is served, in one place for vite (dev and preview), the test servers and the
// README's nginx example:
// - the Content-Security-Policy a deployment sends (no inline script or style, no eval, no frames);
// - `WALDUR_URL=https://waldur.example.com npm run dev` (or `npm run preview`): `/api/` is proxied to
//   that Waldur and `config.json` says `{"apiUrl": "/"}`, so the console talks to a real Waldur on its
//   own origin, with no CORS involved.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/**
 * The policy for a build whose API is on `apiOrigin`: omit it when Waldur is proxied under `/api/`
 * on the console's own origin, name it when Waldur is another origin.
 */
export function contentSecurityPolicy(apiOrigin?: string | null): string {
  const connect = apiOrigin ? `'self' ${apiOrigin}` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect}`,
    // The demo backend is a service worker from the console's own origin.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

type Next = (error?: unknown) => void;

/** Serves `{"apiUrl": "/"}` as config.json: the API is this origin's `/api/`. */
function sameOriginConfig(req: IncomingMessage, res: ServerResponse, next: Next) {
  if (new URL(req.url ?? '/', 'http://x').pathname !== '/config.json') return next();
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
  res.end(JSON.stringify({ apiUrl: '/' }));
}

/** Vite plugin: with WALDUR_URL set, proxy `/api/` to it and point config.json at the proxy. */
export function waldurProxy(waldurUrl = process.env.WALDUR_URL): Plugin {
  const target = waldurUrl
    ?.trim()
    .replace(/\/+$/, '')
    .replace(/\/api$/, '');
  const proxy = target
    ? {
        '/api/': {
          target,
          changeOrigin: true,
          // WALDUR_INSECURE=1 accepts a self-signed certificate (a test Waldur).
          secure: !process.env.WALDUR_INSECURE,
        },
      }
    : undefined;
  return {
    name: 'waldur-proxy',
    config() {
      if (!proxy) return;
      return { server: { proxy }, preview: { proxy } };
    },
    configureServer(server) {
      if (!target) return;
      server.config.logger.info(`  Waldur: /api/ → ${target}/api/ (config.json apiUrl "/")`);
      server.middlewares.use(sameOriginConfig);
    },
    configurePreviewServer(server) {
      // The production build is served as a deployment serves it: under the strict policy. Without
      // WALDUR_URL it is the demo, whose sign-in page may name any Waldur: CSP_CONNECT_SRC names the
      // origins it may reach (the browser tests name their Waldur-shaped server), else any https one.
      const connect = target ? null : (process.env.CSP_CONNECT_SRC ?? 'https:');
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', contentSecurityPolicy(connect));
        next();
      });
      if (!target) return;
      server.config.logger.info(`  Waldur: /api/ → ${target}/api/ (config.json apiUrl "/")`);
      server.middlewares.use(sameOriginConfig);
    },
  };
}
