// `/api/events/`: Waldur's event log (contract-lifecycle §5.1). `scope=<url>` gives an object's
// feed (a marketplace resource's includes its volume's); without a scope, non-staff see nothing;
// a scope the user cannot see gives an empty list, one that does not resolve a bare-list 400.
import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import type { EventRecord } from '../db';
import { type ListSpec, listResponse } from '../list';
import { serializeEvent } from '../marketplace-serializers';
import { listError } from '../responses';

/** The objects a `scope` URL names, and whether the user may see it; 400 if it names nothing. */
function resolveScope(ctx: HandlerContext, value: string): { feed: Set<string>; visible: boolean } {
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
  const canSee = (projectUuid: string) => ctx.backend.canSee(ctx.user, projectUuid);
  switch (collection) {
    case 'openstack-volumes': {
      const volume = db.volumes.find((v) => v.uuid === uuid);
      if (!volume) throw cannot();
      return { feed: new Set([uuid]), visible: canSee(volume.project_uuid) };
    }
    case 'marketplace-resources': {
      const resource = db.marketplace_resources.find((r) => r.uuid === uuid);
      if (!resource) throw cannot();
      // A `ScopeMixin`: its scope's (the volume's) events are included.
      const feed = new Set([uuid]);
      if (resource.scope_uuid) feed.add(resource.scope_uuid);
      return { feed, visible: canSee(resource.project_uuid) };
    }
    case 'openstack-snapshots': {
      const snapshot = db.snapshots.find((s) => s.uuid === uuid);
      if (!snapshot) throw cannot();
      return { feed: new Set([uuid]), visible: canSee(snapshot.project_uuid) };
    }
    case 'marketplace-orders': {
      const order = db.orders.find((o) => o.uuid === uuid);
      if (!order) throw cannot();
      return { feed: new Set([uuid]), visible: canSee(order.project_uuid) };
    }
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
          const scope = resolveScope(ctx, value);
          if (!scope.visible) return [];
          return items.filter((e) => e.feed.some((uuid) => scope.feed.has(uuid)));
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
