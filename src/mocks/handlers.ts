import { http } from 'msw';
import type { DemoBackend } from './backend';
import { configurationHandlers } from './handlers/configuration';
import { eventHandlers } from './handlers/events';
import { instanceHandlers } from './handlers/instances';
import { marketplaceHandlers } from './handlers/marketplace';
import { neighbourHandlers } from './handlers/neighbours';
import { orderHandlers } from './handlers/orders';
import { snapshotHandlers } from './handlers/snapshots';
import { volumeHandlers } from './handlers/volumes';
import { djangoNotFoundPage, methodNotAllowed } from './responses';

/** Every route the demo backend serves, with the methods Waldur allows on it. */
const ROUTES: { pattern: RegExp; methods: string[] }[] = [
  { pattern: /^\/api\/users\/me\/$/, methods: ['GET'] },
  { pattern: /^\/api\/configuration\/$/, methods: ['GET'] },
  {
    pattern:
      /^\/api\/(customers|projects|openstack-tenants|openstack-volumes|openstack-instances|openstack-snapshots|openstack-volume-types|openstack-volume-availability-zones|openstack-images|marketplace-public-offerings|events)\/$/,
    methods: ['GET', 'HEAD'],
  },
  { pattern: /^\/api\/marketplace-orders\/$/, methods: ['GET', 'HEAD', 'POST'] },
  { pattern: /^\/api\/marketplace-orders\/[^/.]+\/$/, methods: ['GET'] },
  {
    pattern:
      /^\/api\/marketplace-orders\/[^/.]+\/(approve_by_consumer|reject_by_consumer|cancel)\/$/,
    methods: ['POST'],
  },
  {
    pattern:
      /^\/api\/(marketplace-public-offerings|marketplace-resources|openstack-images)\/[^/.]+\/$/,
    methods: ['GET'],
  },
  {
    pattern: /^\/api\/marketplace-resources\/[^/.]+\/offering_for_subresources\/$/,
    methods: ['GET'],
  },
  { pattern: /^\/api\/marketplace-resources\/[^/.]+\/terminate\/$/, methods: ['POST'] },
  { pattern: /^\/api\/openstack-snapshots\/[^/.]+\/restore\/$/, methods: ['POST'] },
  { pattern: /^\/api\/openstack-snapshots\/[^/.]+\/restorations\/$/, methods: ['GET'] },
  { pattern: /^\/api\/openstack-volumes\/[^/.]+\/$/, methods: ['GET', 'PUT', 'PATCH'] },
  {
    pattern:
      /^\/api\/openstack-volumes\/[^/.]+\/(attach|detach|extend|retype|snapshot|pull|unlink|set_erred|set_ok)\/$/,
    methods: ['POST'],
  },
  { pattern: /^\/api\/openstack-snapshots\/[^/.]+\/$/, methods: ['GET', 'PUT', 'PATCH', 'DELETE'] },
  {
    pattern:
      /^\/api\/(openstack-instances|openstack-volume-types|openstack-volume-availability-zones)\/[^/.]+\/$/,
    methods: ['GET'],
  },
];

const routeOf = (path: string) => ROUTES.find((route) => route.pattern.test(path));

/**
 * All handlers of the demo backend for one origin. The last one plays Django's URL resolver for
 * whatever the others did not take: a routed path with another method gets 405 (after
 * authentication, as in DRF), a path missing its trailing slash a 301 (APPEND_SLASH), anything else
 * Django's HTML 404 page.
 */
export function createHandlers(backend: DemoBackend, origin: string) {
  return [
    ...volumeHandlers(backend, origin),
    ...instanceHandlers(backend, origin),
    ...snapshotHandlers(backend, origin),
    ...neighbourHandlers(backend, origin),
    ...orderHandlers(backend, origin),
    ...marketplaceHandlers(backend, origin),
    ...eventHandlers(backend, origin),
    ...configurationHandlers(backend, origin),
    http.all(
      `${origin}/api/*`,
      backend.handler(
        (ctx) => {
          const path = ctx.url.pathname;
          if (routeOf(path)) {
            backend.authenticate(ctx.request);
            throw methodNotAllowed(ctx.request.method);
          }
          if (!path.endsWith('/') && routeOf(`${path}/`)) {
            return new Response(null, {
              status: 301,
              headers: { Location: `${ctx.url.origin}${path}/${ctx.url.search}` },
            });
          }
          return djangoNotFoundPage(path);
        },
        { auth: false },
      ),
    ),
  ];
}
