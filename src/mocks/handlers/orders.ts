// `/api/marketplace-orders/`: placing a volume order the way Waldur checks it (serializer fields,
// then `validate_order`, then the volume serializer, then quotas; contract-lifecycle §2.3–2.6),
// approval inside the request or by a consumer approver later, reading orders, and the cancel that
// Waldur refuses for volume orders (405).
import { http } from 'msw';
import { canApproveOrders, skipsConsumerReview } from '../access';
import type { DemoBackend, HandlerContext } from '../backend';
import { resourceCreateRequested } from '../callbacks';
import {
  type MarketplaceResourceRecord,
  newOrderRecord,
  newUuid,
  type OfferingRecord,
  type OrderRecord,
} from '../db';
import { descriptionMaxLength } from '../deployment';
import { type ListSpec, listResponse, relationFilters } from '../list';
import { serializeOrder } from '../marketplace-serializers';
import { checkQuotas } from '../quotas';
import {
  conflict,
  DrfError,
  detail,
  djangoServerErrorPage,
  json,
  listError,
  permissionDenied,
} from '../responses';
import { findObject } from './common';
import { resolveHyperlink } from './hyperlinks';
import { FieldErrors, validateChar } from './validators';

const ORDER_STATES = [
  'pending-consumer',
  'pending-provider',
  'pending-project',
  'pending-start-date',
  'executing',
  'done',
  'erred',
  'canceled',
  'rejected',
];

function orderListSpec(ctx: HandlerContext): ListSpec<OrderRecord> {
  const { db } = ctx;
  const offering = (o: OrderRecord) => db.offerings.find((x) => x.uuid === o.offering_uuid);
  const customer = (o: OrderRecord) =>
    db.projects.find((p) => p.uuid === o.project_uuid)?.customer_uuid;
  return {
    filters: [
      ...relationFilters<OrderRecord>('resource', 'marketplace-resources', (o) => o.resource_uuid),
      { param: 'project_uuid', kind: 'uuid', get: (o) => o.project_uuid },
      { param: 'customer_uuid', kind: 'uuid', get: (o) => customer(o) },
      { param: 'offering_uuid', kind: 'uuid', get: (o) => o.offering_uuid },
      { param: 'offering_type', kind: 'exact', get: (o) => offering(o)?.type },
      { param: 'state', kind: 'choices', choices: ORDER_STATES, get: (o) => o.state },
      {
        param: 'type',
        kind: 'choices',
        choices: ['Create', 'Update', 'Terminate', 'Restore'],
        get: (o) => o.type,
      },
    ],
    ordering: {
      created: (o) => o.created,
      consumer_reviewed_at: (o) => o.consumer_reviewed_at,
      cost: () => null,
      state: (o) => o.state,
    },
    defaultOrdering: ['created'],
    serialize: (o) => serializeOrder(ctx, o),
  };
}

const visibleOrders = (ctx: HandlerContext) => ctx.backend.visible(ctx.user, ctx.db.orders);

/** The volume serializer's create checks on `attributes` (§2.2), as object-form 400s. */
function validateVolumeAttributes(
  ctx: HandlerContext,
  attributes: Record<string, unknown>,
  tenantUuid: string,
) {
  const { db } = ctx;
  const errors = new FieldErrors();
  // Waldur's `validate_name` words a whitespace-only name its own way.
  const blankName = typeof attributes.name === 'string' && /^\s+$/.test(attributes.name);
  if (blankName) errors.add('name', 'Ensure that name has at least one non-whitespace character.');
  const name = blankName
    ? undefined
    : validateChar(errors, attributes, 'name', { required: true, maxLength: 150 });
  const description = validateChar(errors, attributes, 'description', {
    allowBlank: true,
    maxLength: descriptionMaxLength(ctx),
  });
  let size: number | undefined;
  const rawSize = attributes.size;
  if (rawSize !== undefined && rawSize !== null && rawSize !== '') {
    const parsed = typeof rawSize === 'number' ? rawSize : Number(String(rawSize).trim());
    if (!Number.isInteger(parsed)) errors.add('size', 'A valid integer is required.');
    else if (parsed < 0) errors.add('size', 'Ensure this value is greater than or equal to 0.');
    else size = parsed;
  }
  const optionalLink = (field: string, collection: string, exists: (uuid: string) => boolean) =>
    field in attributes && attributes[field] !== null && attributes[field] !== ''
      ? resolveHyperlink(errors, attributes, field, collection, exists)
      : undefined;
  const typeUuid = optionalLink('type', 'openstack-volume-types', (id) =>
    db.volume_types.some((t) => t.uuid === id),
  );
  const zoneUuid = optionalLink('availability_zone', 'openstack-volume-availability-zones', (id) =>
    db.availability_zones.some((z) => z.uuid === id),
  );
  const imageUuid = optionalLink('image', 'openstack-images', (id) =>
    db.images.some((i) => i.uuid === id),
  );
  const tenant = db.tenants.find((t) => t.uuid === tenantUuid)!;
  const type = db.volume_types.find((t) => t.uuid === typeUuid);
  if (type && !type.tenant_uuids.includes(tenantUuid))
    errors.add('type', 'Volume type is not visible in tenant.');
  const image = db.images.find((i) => i.uuid === imageUuid);
  if (image && image.settings_uuid !== tenant.service_settings_uuid)
    errors.add('image', 'Image is not visible in tenant.');
  const zone = db.availability_zones.find((z) => z.uuid === zoneUuid);
  if (zone && zone.tenant_uuid !== tenantUuid)
    errors.add('non_field_errors', 'Availability zone must belong to the same tenant.');
  else if (zone && !zone.available) errors.add('non_field_errors', 'Zone is not available.');
  errors.throwIfAny();
  if (!size) throw new DrfError(400, { non_field_errors: ['Snapshot or size should be defined'] });
  if (image && image.min_disk > size)
    throw new DrfError(400, {
      size: [`Volume size should be equal or greater than ${image.min_disk} for selected image`],
    });
  // `REQUIRE_AVAILABILITY_ZONE` (a deployment setting): the serializer's last check, and only for
  // a tenant that has zones (waldur_openstack/serializers.py `VolumeSerializer.validate`).
  if (
    !zone &&
    ctx.backend.deployment.requireAvailabilityZone &&
    db.availability_zones.some((z) => z.tenant_uuid === tenantUuid)
  )
    throw new DrfError(400, { non_field_errors: ['Availability zone is mandatory.'] });
  return { name: name!, description: description ?? '', size, type, zone, image };
}

async function createOrder(ctx: HandlerContext) {
  const { db, backend, user } = ctx;
  const data = await backend.readJson(ctx.request);
  // 1. The order serializer's own fields.
  const errors = new FieldErrors();
  const offeringUuid = resolveHyperlink(
    errors,
    data,
    'offering',
    'marketplace-public-offerings',
    (id) => db.offerings.some((o) => o.uuid === id && visibleOffering(ctx, o)),
  );
  const projectUuid = resolveHyperlink(errors, data, 'project', 'projects', (id) =>
    backend.canSee(user, id),
  );
  if ('plan' in data && data.plan !== null && data.plan !== undefined)
    errors.add('plan', 'This plan is not available for selected offering.');
  const offering = db.offerings.find((o) => o.uuid === offeringUuid);
  if (offering && offering.state !== 'Active') errors.add('offering', 'Offering is not available.');
  // The demo makes volumes only: a tenant offering's own order (a new tenant) is not played.
  if (offering?.type === 'OpenStack.Tenant')
    errors.add('offering', 'The demo backend does not create tenants.');
  errors.throwIfAny();
  // `OrderCreateSerializer.create` reads `attributes.get("name")`: without them, an AttributeError.
  const attributes = data.attributes;
  if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes))
    return djangoServerErrorPage();
  // 2. validate_order: a private offering serves only its own project.
  const project = db.projects.find((p) => p.uuid === projectUuid)!;
  if (!offering!.shared && offering!.project_uuid !== project.uuid) {
    const customer = db.customers.find((c) => c.uuid === project.customer_uuid);
    throw listError(
      `Offering "${offering!.name}" is not allowed in organization "${customer?.name ?? ''}".`,
    );
  }
  // 3. The volume serializer; 4. the tenant's quotas.
  const spec = validateVolumeAttributes(
    ctx,
    attributes as Record<string, unknown>,
    offering!.tenant_uuid,
  );
  const deltas: Record<string, number> = {
    volumes: 1,
    volumes_size: spec.size,
    storage: spec.size,
  };
  if (spec.type) deltas[`gigabytes_${spec.type.name}`] = spec.size / 1024;
  checkQuotas(db, offering!.tenant_uuid, deltas);

  const now = backend.now();
  const resource: MarketplaceResourceRecord = {
    uuid: newUuid(),
    name: spec.name,
    offering_uuid: offering!.uuid,
    project_uuid: project.uuid,
    state: 'Creating',
    scope_uuid: null,
    created: now,
    modified: now,
  };
  db.marketplace_resources.push(resource);
  const approved = skipsConsumerReview(db, user, offering!, project.uuid);
  const order = newOrderRecord(
    {
      type: 'Create',
      offering_uuid: offering!.uuid,
      project_uuid: project.uuid,
      resource_uuid: resource.uuid,
      resource_name: spec.name,
      attributes: {
        name: spec.name,
        size: spec.size,
        ...(spec.description ? { description: spec.description } : {}),
        ...(spec.type ? { type: `/api/openstack-volume-types/${spec.type.uuid}/` } : {}),
        ...(spec.zone
          ? { availability_zone: `/api/openstack-volume-availability-zones/${spec.zone.uuid}/` }
          : {}),
        ...(spec.image ? { image: `/api/openstack-images/${spec.image.uuid}/` } : {}),
      },
    },
    user.uuid,
    approved,
    now,
  );
  db.orders.push(order);
  resourceCreateRequested(db, backend.eventSource(), resource);
  if (approved) backend.dispatchApproved(order);
  backend.changed();
  const body = serializeOrder(ctx, order, { created: true });
  return json(body, 201, { Location: String(body.url) });
}

/** Answers that an order belongs to a project: 404 if the user cannot see it. */
const getOrder = (ctx: HandlerContext) =>
  findObject(ctx, ctx.db.orders, 'Order', (o) => ctx.backend.canSee(ctx.user, o.project_uuid));

function approve(ctx: HandlerContext) {
  const order = getOrder(ctx);
  if (!canApproveOrders(ctx.db, ctx.user, order.project_uuid)) throw permissionDenied();
  if (order.state !== 'pending-consumer')
    throw conflict('Valid states for operation: pending-consumer.');
  ctx.backend.approveOrder(order, ctx.user);
  // Waldur's view answers an empty 200 (the schema's `{"detail": …}` was never sent).
  return new Response(null, { status: 200 });
}

/**
 * `reject_by_consumer` (marketplace/views.py, permissions.py `user_can_reject_order_as_consumer`):
 * the order's own author may withdraw it, and so may whoever may review it; then the state check
 * (409), and an order reviewed already is a 400. Waldur answers an empty 200.
 */
function reject(ctx: HandlerContext) {
  const order = getOrder(ctx);
  if (order.created_by !== ctx.user.uuid && !canApproveOrders(ctx.db, ctx.user, order.project_uuid))
    throw permissionDenied();
  if (order.state !== 'pending-consumer')
    throw conflict('Valid states for operation: pending-consumer.');
  if (order.consumer_reviewed_by)
    throw new DrfError(400, ['Order is already reviewed by consumer.']);
  ctx.backend.rejectOrder(order.uuid, ctx.user.username);
  return new Response(null, { status: 200 });
}

function cancel(ctx: HandlerContext): Response {
  const order = getOrder(ctx);
  if (!ctx.backend.canAdminister(ctx.user, order.project_uuid)) throw permissionDenied();
  if (!['pending-consumer', 'pending-provider', 'executing'].includes(order.state))
    throw conflict('Valid states for operation: pending-consumer, pending-provider, executing.');
  const type = ctx.db.offerings.find((o) => o.uuid === order.offering_uuid)?.type ?? '';
  // `MethodNotAllowed(message)` formats its first argument as the method: hence the odd wording.
  throw detail(
    405,
    `Method "The order's offering with ${type} type does not support this action" not allowed.`,
  );
}

/** Who may see an offering: staff and support all; others those of their projects (or shared). */
export function visibleOffering(
  ctx: HandlerContext,
  offering: { shared: boolean; project_uuid: string; state: string },
) {
  if (offering.state !== 'Active' && offering.state !== 'Paused') return false;
  return offering.shared || ctx.backend.canSee(ctx.user, offering.project_uuid);
}

/** An offering, or its parent's, has a plan that is not archived (the demo has no org groups). */
function hasAvailablePlan(db: HandlerContext['db'], offering: OfferingRecord) {
  const parent = offering.parent_uuid
    ? db.offerings.find((o) => o.uuid === offering.parent_uuid)
    : undefined;
  return [offering, parent].some((o) => o?.plans?.some((plan) => !plan.archived));
}

/**
 * `filter_by_ordering_availability_for_user` (marketplace/managers.py), the queryset of
 * `/api/marketplace-public-offerings/`: Active or Paused, and shared, or (for staff and support
 * any, for others one of their projects) with a plan of its own or of its parent that is not
 * archived: `Q(plans__in=plans) | Q(parent__plans__in=plans)`. So a tenant whose plans are all
 * archived hides its volume offering, from staff too (the staff branch has the same plan filter
 * since 2022).
 */
export function listedOffering(ctx: HandlerContext, offering: OfferingRecord) {
  if (!visibleOffering(ctx, offering)) return false;
  return offering.shared || hasAvailablePlan(ctx.db, offering);
}

export function orderHandlers(backend: DemoBackend, origin: string) {
  const base = `${origin}/api/marketplace-orders`;
  const list = (ctx: HandlerContext) =>
    listResponse(ctx.request, visibleOrders(ctx), orderListSpec(ctx));
  return [
    http.get(`${base}/`, backend.handler(list)),
    http.head(`${base}/`, backend.handler(list)),
    http.post(`${base}/`, backend.handler(createOrder)),
    http.get(
      `${base}/:uuid/`,
      backend.handler((ctx) => json(serializeOrder(ctx, getOrder(ctx)))),
    ),
    http.post(`${base}/:uuid/approve_by_consumer/`, backend.handler(approve)),
    http.post(`${base}/:uuid/reject_by_consumer/`, backend.handler(reject)),
    http.post(`${base}/:uuid/cancel/`, backend.handler(cancel)),
  ];
}
