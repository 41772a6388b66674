import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import type { ResourceBase } from '../db';
import {
  applyFields,
  type Filter,
  type ListSpec,
  listResponse,
  parseUuid,
  relationFilters,
} from '../list';
import { detail, json, permissionDenied } from '../responses';
import { CORE_STATE_CODES, spellState } from '../states';
import { FieldErrors, requireState } from './validators';

/** The filters of Waldur's `BaseResourceFilter` (and `TenantFilterSet`), for any resource. */
export function resourceFilters<T extends ResourceBase>(ctx: HandlerContext): Filter<T>[] {
  const { db } = ctx;
  const project = (item: T) => db.projects.find((p) => p.uuid === item.project_uuid);
  const customer = (item: T) => db.customers.find((c) => c.uuid === project(item)?.customer_uuid);
  const settings = (item: T) =>
    db.service_settings.find((s) => s.uuid === item.service_settings_uuid);
  return [
    { param: 'name', kind: 'icontains', get: (item) => item.name },
    { param: 'name_exact', kind: 'exact', get: (item) => item.name },
    { param: 'description', kind: 'icontains', get: (item) => item.description },
    { param: 'customer', kind: 'uuid', get: (item) => customer(item)?.uuid },
    { param: 'customer_uuid', kind: 'uuid', get: (item) => customer(item)?.uuid },
    { param: 'customer_name', kind: 'icontains', get: (item) => customer(item)?.name },
    {
      param: 'customer_native_name',
      kind: 'icontains',
      get: (item) => customer(item)?.native_name,
    },
    {
      param: 'customer_abbreviation',
      kind: 'icontains',
      get: (item) => customer(item)?.abbreviation,
    },
    { param: 'project', kind: 'uuid', get: (item) => item.project_uuid },
    { param: 'project_uuid', kind: 'uuid', get: (item) => item.project_uuid },
    { param: 'project_name', kind: 'icontains', get: (item) => project(item)?.name },
    { param: 'service_settings_uuid', kind: 'uuid', get: (item) => item.service_settings_uuid },
    { param: 'service_settings_name', kind: 'icontains', get: (item) => settings(item)?.name },
    {
      param: 'state',
      kind: 'choices',
      // A server before 2025 takes (and sends) the old labels, "Erred" and friends.
      choices: Object.keys(CORE_STATE_CODES).map((state) => spellState(state, ctx.legacyStates)),
      get: (item) => spellState(item.state, ctx.legacyStates),
    },
    { param: 'uuid', kind: 'uuid', get: (item) => item.uuid },
    { param: 'runtime_state', kind: 'exact', get: (item) => item.runtime_state },
    { param: 'backend_id', kind: 'exact', get: (item) => item.backend_id },
    ...relationFilters<T>('tenant', 'openstack-tenants', (item) => item.tenant_uuid),
    {
      // Any value narrows (Waldur's filter method ignores it): what the user administers; staff
      // administer everything.
      param: 'can_manage',
      kind: 'custom',
      apply: (items) => {
        if (ctx.user.is_staff) return items;
        const managed = ctx.backend.managedProjects(ctx.user);
        return items.filter((item) => managed.has(item.project_uuid));
      },
    },
    // `EmptyFilter`: Waldur answers any non-empty value with an empty list.
    { param: 'external_ip', kind: 'custom', apply: () => [] },
  ];
}

/** Ordering keys of `BaseResourceFilter`; `state` sorts by Waldur's integer code, not by label. */
export function resourceOrdering<T extends ResourceBase>(ctx: HandlerContext) {
  const { db } = ctx;
  const project = (item: T) => db.projects.find((p) => p.uuid === item.project_uuid);
  const customer = (item: T) => db.customers.find((c) => c.uuid === project(item)?.customer_uuid);
  return {
    name: (item: T) => item.name,
    state: (item: T) => CORE_STATE_CODES[item.state] ?? 0,
    customer_name: (item: T) => customer(item)?.name,
    customer_native_name: (item: T) => customer(item)?.native_name,
    customer_abbreviation: (item: T) => customer(item)?.abbreviation,
    project_name: (item: T) => project(item)?.name,
    service_name: (item: T) =>
      db.service_settings.find((s) => s.uuid === item.service_settings_uuid)?.name,
    created: (item: T) => item.created,
  };
}

/**
 * `get_object()` on a detail route: a malformed UUID gives a bare 404 "Not found.", an unknown one
 * (or one `visible` rejects) "No <Model> matches the given query."
 */
export function findObject<T extends { uuid: string }>(
  ctx: HandlerContext,
  items: T[],
  model: string,
  visible: (item: T) => boolean = () => true,
): T {
  const uuid = parseUuid(ctx.params.uuid ?? '');
  if (!uuid) throw detail(404, 'Not found.');
  const item = items.find((candidate) => candidate.uuid === uuid);
  if (!item || !visible(item)) throw detail(404, `No ${model} matches the given query.`);
  return item;
}

/** `findObject` for a project resource: one the user cannot see does not exist. */
export function getObject<T extends { uuid: string; project_uuid: string }>(
  ctx: HandlerContext,
  items: T[],
  model: string,
): T {
  return findObject(ctx, items, model, (item) => ctx.backend.canSee(ctx.user, item.project_uuid));
}

/**
 * `get_object()` for an unsafe method: 404 when the user cannot see it, then 403 unless
 * `is_administrator` (staff, customer owner, project admin or manager).
 */
export function getObjectForChange<T extends { uuid: string; project_uuid: string }>(
  ctx: HandlerContext,
  items: T[],
  model: string,
): T {
  const item = getObject(ctx, items, model);
  if (!ctx.backend.canAdminister(ctx.user, item.project_uuid)) throw permissionDenied();
  return item;
}

/**
 * The first steps of a change to an OK object, in Waldur's order: the object (404, then 403), its
 * state (409), then the body, with a collector for its field errors.
 */
export async function changeOkObject<T extends ResourceBase>(
  ctx: HandlerContext,
  items: T[],
  model: string,
) {
  const object = getObjectForChange(ctx, items, model);
  requireState(ctx, object, 'OK');
  return { object, data: await ctx.backend.readJson(ctx.request), errors: new FieldErrors() };
}

/**
 * A resource viewset's reads as Waldur answers them: the list (GET, and HEAD for counts) of what the
 * user may see, with the spec's filters, ordering, pagination and `field=`, and one object by UUID
 * (404 when malformed, missing or not visible; `field=` too).
 */
export function resourceReadHandlers<T extends ResourceBase>(
  backend: DemoBackend,
  base: string,
  resource: {
    model: string;
    records: (ctx: HandlerContext) => T[];
    listSpec: (ctx: HandlerContext) => ListSpec<T>;
  },
) {
  const list = (ctx: HandlerContext) =>
    listResponse(
      ctx.request,
      backend.visible(ctx.user, resource.records(ctx)),
      resource.listSpec(ctx),
    );
  const retrieve = (ctx: HandlerContext) => {
    const item = getObject(ctx, resource.records(ctx), resource.model);
    return json(applyFields(resource.listSpec(ctx).serialize(item), ctx.url.searchParams));
  };
  return [
    http.get(`${base}/`, backend.handler(list)),
    http.head(`${base}/`, backend.handler(list)),
    http.get(`${base}/:uuid/`, backend.handler(retrieve)),
  ];
}
