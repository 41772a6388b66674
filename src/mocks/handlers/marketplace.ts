// The marketplace around a volume: the offerings a project can order from (each tied to a tenant,
// with the tenant's quotas), a volume's marketplace resource, and its termination, which checks
// the volume's own delete preconditions there and then (contract-lifecycle §2.1, §3.2), except on
// a newer Waldur, which checks them when the order is processed (§8).
import { http } from 'msw';
import { skipsConsumerReview } from '../access';
import type { DemoBackend, HandlerContext } from '../backend';
import { terminateRequested } from '../callbacks';
import { newOrderRecord, type OfferingRecord } from '../db';
import { deleteProblem } from '../lifecycle';
import { applyFields, type ListSpec, listResponse, parseUuid } from '../list';
import { serializeMarketplaceResource, serializeOffering } from '../marketplace-serializers';
import { conflict, json, listError, permissionDenied } from '../responses';
import { findObject } from './common';
import { listedOffering } from './orders';

function offeringListSpec(ctx: HandlerContext): ListSpec<OfferingRecord> {
  return {
    filters: [
      { param: 'name', kind: 'icontains', get: (o) => o.name },
      { param: 'name_exact', kind: 'exact', get: (o) => o.name },
      {
        // `filter_for_project`: shared offerings, and those of this project.
        param: 'project_uuid',
        kind: 'custom',
        uuid: true,
        apply: (items, uuid) => items.filter((o) => o.shared || o.project_uuid === uuid),
      },
      {
        param: 'type',
        kind: 'custom',
        apply: (items) => {
          const types = ctx.url.searchParams.getAll('type');
          return items.filter((o) => types.includes(o.type));
        },
      },
      { param: 'customer_uuid', kind: 'uuid', get: (o) => o.customer_uuid },
      { param: 'uuid', kind: 'uuid', get: (o) => o.uuid },
      // The 2024 filter matches only ServiceSettings scopes: a tenant's UUID finds nothing.
      { param: 'scope_uuid', kind: 'custom', uuid: true, apply: () => [] },
      {
        param: 'state',
        kind: 'choices',
        choices: ['Draft', 'Active', 'Paused', 'Archived', 'Unavailable'],
        get: (o) => o.state,
      },
    ],
    ordering: { name: (o) => o.name, created: (o) => o.created, type: (o) => o.type },
    defaultOrdering: ['name'],
    serialize: (o) => serializeOffering(ctx, o),
  };
}

const getResource = (ctx: HandlerContext) =>
  findObject(ctx, ctx.db.marketplace_resources, 'Resource', (r) =>
    ctx.backend.canSee(ctx.user, r.project_uuid),
  );

/** The tenant whose own marketplace resource the URL names, if the user can see it. */
function tenantOfResource(ctx: HandlerContext) {
  const uuid = parseUuid(ctx.params.uuid ?? '');
  return ctx.db.tenants.find(
    (t) =>
      uuid && t.marketplace?.resource_uuid === uuid && ctx.backend.canSee(ctx.user, t.project_uuid),
  );
}

async function terminate(ctx: HandlerContext) {
  const { db, backend, user } = ctx;
  const resource = getResource(ctx);
  if (!backend.canAdminister(user, resource.project_uuid)) throw permissionDenied();
  if (resource.state !== 'OK' && resource.state !== 'Erred')
    throw conflict('Valid states for operation: OK, Erred.');
  const data = await backend.readJson(ctx.request);
  if ('attributes' in data && (typeof data.attributes !== 'object' || data.attributes === null))
    throw listError('attributes must be a JSON object.');
  const pending = db.orders.some(
    (o) =>
      o.resource_uuid === resource.uuid &&
      ['pending-consumer', 'pending-provider', 'executing'].includes(o.state),
  );
  if (pending) throw listError('Pending order for resource already exists.');
  // Up to 8.x `validate_order` runs the volume's `destroy_validators` here (409). Newer Waldur's
  // `VolumeDeleteProcessor.validate_order` does nothing ("Validation is done in delete_volume
  // function", marketplace_openstack/processors.py): the order is accepted and ends erred.
  const volume = db.volumes.find((v) => v.uuid === resource.scope_uuid);
  const problem = volume && ctx.version !== 'newer' ? deleteProblem(db, volume) : null;
  if (problem) throw conflict(problem);

  const offering = db.offerings.find((o) => o.uuid === resource.offering_uuid)!;
  const approved = skipsConsumerReview(db, user, offering, resource.project_uuid);
  const order = newOrderRecord(
    {
      type: 'Terminate',
      offering_uuid: offering.uuid,
      project_uuid: resource.project_uuid,
      resource_uuid: resource.uuid,
      resource_name: resource.name,
      attributes: (data.attributes as Record<string, unknown>) ?? {},
    },
    user.uuid,
    approved,
    backend.now(),
  );
  db.orders.push(order);
  terminateRequested(db, backend.eventSource(), resource, order);
  if (approved) backend.dispatchApproved(order);
  backend.changed();
  return json({ order_uuid: order.uuid });
}

export function marketplaceHandlers(backend: DemoBackend, origin: string) {
  const offerings = `${origin}/api/marketplace-public-offerings`;
  const resources = `${origin}/api/marketplace-resources`;
  const visibleOfferings = (ctx: HandlerContext) =>
    ctx.db.offerings.filter((o) => listedOffering(ctx, o));
  const listOfferings = (ctx: HandlerContext) =>
    listResponse(ctx.request, visibleOfferings(ctx), offeringListSpec(ctx));
  return [
    http.get(`${offerings}/`, backend.handler(listOfferings)),
    http.head(`${offerings}/`, backend.handler(listOfferings)),
    http.get(
      `${offerings}/:uuid/`,
      backend.handler((ctx) => {
        const offering = findObject(ctx, ctx.db.offerings, 'Offering', (o) =>
          listedOffering(ctx, o),
        );
        return json(applyFields(serializeOffering(ctx, offering), ctx.url.searchParams));
      }),
    ),
    http.get(
      `${resources}/:uuid/`,
      backend.handler((ctx) =>
        json(
          applyFields(serializeMarketplaceResource(ctx, getResource(ctx)), ctx.url.searchParams),
        ),
      ),
    ),
    http.get(
      `${resources}/:uuid/offering_for_subresources/`,
      backend.handler((ctx) => {
        // Offerings whose scope is this resource's scope: a tenant's (its volume and instance
        // offerings; its own offering's scope is the service settings); a volume has none.
        const scope = tenantOfResource(ctx)?.uuid ?? getResource(ctx).scope_uuid;
        const offered = ctx.db.offerings.filter(
          (o) => o.tenant_uuid === scope && o.type !== 'OpenStack.Tenant',
        );
        return json(offered.map((o) => ({ uuid: o.uuid, type: o.type })));
      }),
    ),
    http.post(`${resources}/:uuid/terminate/`, backend.handler(terminate)),
  ];
}
