// `/api/events/`: Waldur's event log (contract-lifecycle §5.1, corrected by §8). `scope=<url>`
// gives an object's feed (a marketplace resource's includes its volume's); without a scope,
// non-staff see nothing; a scope that does not resolve, or that the user cannot see, is a
// bare-list 400.
import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import type { EventRecord } from '../db';
import { type ListSpec, listResponse } from '../list';
import { serializeEvent } from '../marketplace-serializers';
import { listError } from '../responses';

/**
 * The objects a `scope` URL names. `GenericRelatedField.to_internal_value` resolves it through
 * `instance_from_url(url, user=user)`, whose queryset is filtered for the user
 * (waldur_core/core/serializers.py, core/utils.py): an object the user may not see "does not
 * exist" either, so the filter's empty-list branch (logging/filters.py) is never reached.
 */
function resolveScope(ctx: HandlerContext, value: string): Set<string> {
  const { db } = ctx;
  let path: string;
  try {
    path = new URL(value, ctx.url.origin).pathname;
  } catch {
    throw listError(`URL is invalid: ${value}.`);
  }
  const match = /^\/api\/([^/]+)\/([0-9a-f]{32})\/$/.exec(path);
  const cannot = () => listError(`Can't restore object from url: ${value}`);
  if (!match) throw cannot();
  const [, collection, uuid] = match as unknown as [string, string, string];
  /** The object, if it exists and the user may see it. */
  const seen = <T extends { uuid: string; project_uuid: string }>(items: T[]) => {
    const item = items.find((x) => x.uuid === uuid);
    if (!item || !ctx.backend.canSee(ctx.user, item.project_uuid)) throw cannot();
    return item;
  };
  switch (collection) {
    case 'openstack-volumes':
      seen(db.volumes);
      return new Set([uuid]);
    case 'marketplace-resources': {
      // A `ScopeMixin`: its scope's (the volume's) events are included.
      const resource = seen(db.marketplace_resources);
      return new Set([uuid, ...(resource.scope_uuid ? [resource.scope_uuid] : [])]);
    }
    case 'openstack-snapshots':
      seen(db.snapshots);
      return new Set([uuid]);
    case 'marketplace-orders':
      seen(db.orders);
      return new Set([uuid]);
    default:
      throw cannot();
  }
}

function eventListSpec(ctx: HandlerContext): ListSpec<EventRecord> {
  const timestamp = (value: string) => {
    const seconds = Number(value);
    if (!Number.isFinite(seconds)) throw listError(`Enter a valid timestamp: ${value}.`);
    return seconds * 1000;
  };
  const position = new Map(ctx.db.events.map((event, index) => [event, index]));
  const contextKey = (key: string) => (items: EventRecord[], uuid: string) =>
    items.filter((e) => {
      const serialized = serializeEvent(ctx, e).context as Record<string, unknown>;
      return serialized[key] === uuid;
    });
  return {
    filters: [
      {
        param: 'scope',
        kind: 'custom',
        apply: (items, value) => {
          const feed = resolveScope(ctx, value);
          return items.filter((e) => e.feed.some((uuid) => feed.has(uuid)));
        },
      },
      {
        param: 'event_type',
        kind: 'custom',
        apply: (items) => {
          const types = ctx.url.searchParams.getAll('event_type');
          return items.filter((e) => types.includes(e.event_type));
        },
      },
      { param: 'message', kind: 'icontains', get: (e) => e.message },
      {
        param: 'created_from',
        kind: 'custom',
        apply: (items, value) => items.filter((e) => Date.parse(e.created) >= timestamp(value)),
      },
      {
        param: 'created_to',
        kind: 'custom',
        apply: (items, value) => items.filter((e) => Date.parse(e.created) < timestamp(value)),
      },
      { param: 'project_uuid', kind: 'custom', uuid: true, apply: contextKey('project_uuid') },
      { param: 'customer_uuid', kind: 'custom', uuid: true, apply: contextKey('customer_uuid') },
      { param: 'user_uuid', kind: 'custom', uuid: true, apply: contextKey('user_uuid') },
    ],
    // Events logged in one request share a timestamp: the later logged counts as the newer.
    ordering: { created: (e) => `${e.created}|${String(position.get(e)).padStart(7, '0')}` },
    defaultOrdering: ['-created'],
    serialize: (e) => serializeEvent(ctx, e),
  };
}

export function eventHandlers(backend: DemoBackend, origin: string) {
  const list = (ctx: HandlerContext) => {
    const scoped = ctx.url.searchParams.get('scope');
    // Without a scope, only staff and support see events at all.
    const events =
      scoped || ctx.backend.seesEverything(ctx.user) ? ctx.db.events : ([] as EventRecord[]);
    return listResponse(ctx.request, events, eventListSpec(ctx));
  };
  return [
    http.get(`${origin}/api/events/`, backend.handler(list)),
    http.head(`${origin}/api/events/`, backend.handler(list)),
  ];
}
