// The marketplace and event-log records → the JSON Waldur sends (OrderDetails and the create
// serializer's variant, PublicOfferingDetails, Resource, Event), reduced to the fields the console
// and the schema's checks need, each spelled as Waldur spells it (contract-lifecycle §2, §5).
import type {
  Db,
  EventRecord,
  MarketplaceResourceRecord,
  OfferingRecord,
  OrderRecord,
  UserRecord,
} from './db';
import { VOLUME_CATEGORY } from './lifecycle';
import { tenantUsage } from './quotas';
import { type Json, link, type SerializeContext } from './serializers';
import { spellState } from './states';

const find = <T extends { uuid: string }>(items: T[], uuid: string | null | undefined) =>
  uuid ? items.find((item) => item.uuid === uuid) : undefined;

/** Hyperlinks are stored as paths (`/api/…/`); a serializer builds them absolute. */
function absolute(ctx: SerializeContext, value: unknown): unknown {
  return typeof value === 'string' && value.startsWith('/api/') ? `${ctx.origin}${value}` : value;
}

function projectFields(ctx: SerializeContext, projectUuid: string) {
  const project = find(ctx.db.projects, projectUuid);
  const customer = find(ctx.db.customers, project?.customer_uuid);
  return { project, customer };
}

/** `BaseItemSerializer`'s offering and plan fields. */
function offeringFields(ctx: SerializeContext, offering: OfferingRecord | undefined): Json {
  const provider = find(ctx.db.customers, offering?.customer_uuid);
  return {
    offering: offering ? link(ctx, 'marketplace-public-offerings', offering.uuid) : null,
    offering_name: offering?.name ?? '',
    offering_uuid: offering?.uuid ?? null,
    offering_description: '',
    offering_type: offering?.type ?? '',
    offering_shared: offering?.shared ?? false,
    offering_billable: offering?.billable ?? false,
    offering_plugin_options: {},
    provider_name: provider?.name ?? '',
    provider_uuid: provider?.uuid ?? null,
    category_title: VOLUME_CATEGORY.title,
    category_uuid: VOLUME_CATEGORY.uuid,
    // No plan: volume orders send none (§2.1); the plan_* fields are then left out here.
  };
}

function userName(db: Db, uuid: string | null): UserRecord | undefined {
  return uuid ? db.users.find((u) => u.uuid === uuid) : undefined;
}

/**
 * `OrderDetailsSerializer` (GET). With `created`, the `OrderCreateSerializer` variant the POST
 * answers with: `consumer_reviewed_by` and `created_by` as user URLs, `project` as a URL.
 */
export function serializeOrder(
  ctx: SerializeContext,
  order: OrderRecord,
  options: { created?: boolean } = {},
): Json {
  const offering = find(ctx.db.offerings, order.offering_uuid);
  const resource = find(ctx.db.marketplace_resources, order.resource_uuid);
  const { project, customer } = projectFields(ctx, order.project_uuid);
  const creator = userName(ctx.db, order.created_by);
  const reviewer = userName(ctx.db, order.consumer_reviewed_by);
  const attributes = Object.fromEntries(
    Object.entries(order.attributes).map(([key, value]) => [key, absolute(ctx, value)]),
  );
  const base: Json = {
    ...offeringFields(ctx, offering),
    attributes,
    limits: {},
    uuid: order.uuid,
    created: order.created,
    modified: order.modified,
    // The volume, once the order made one (its backend_uuid / backend_type).
    resource_uuid: resource?.scope_uuid ?? null,
    resource_type: resource?.scope_uuid ? 'OpenStack.Volume' : null,
    resource_name: order.resource_name,
    cost: null,
    state: order.state,
    output: '',
    marketplace_resource_uuid: order.resource_uuid,
    error_message: order.error_message,
    ...(ctx.viewer?.is_staff || ctx.viewer?.is_support
      ? { error_traceback: order.error_traceback }
      : {}),
    callback_url: null,
    completed_at: order.completed_at,
    type: order.type,
    url: link(ctx, 'marketplace-orders', order.uuid),
  };
  if (options.created) {
    return {
      ...base,
      created_by: creator ? link(ctx, 'users', creator.uuid) : null,
      created_by_username: creator?.username ?? '',
      created_by_full_name: creator?.full_name ?? '',
      consumer_reviewed_by: reviewer ? link(ctx, 'users', reviewer.uuid) : null,
      consumer_reviewed_at: order.consumer_reviewed_at,
      consumer_reviewed_by_username: reviewer?.username ?? null,
      consumer_reviewed_by_full_name: reviewer?.full_name ?? null,
      project: project ? link(ctx, 'projects', project.uuid) : null,
      project_uuid: project?.uuid ?? null,
      project_name: project?.name ?? '',
      project_description: '',
      customer_name: customer?.name ?? '',
      customer_uuid: customer?.uuid ?? null,
    };
  }
  // The 2024 `OrderDetailsSerializer` (marketplace/serializers.py) has no `*_username` fields;
  // its `consumer_reviewed_by` is the username already.
  const usernames = ctx.version !== '7.x';
  return {
    ...base,
    consumer_reviewed_by: reviewer?.username ?? null,
    consumer_reviewed_by_full_name: reviewer?.full_name ?? null,
    ...(usernames ? { consumer_reviewed_by_username: reviewer?.username ?? null } : {}),
    consumer_reviewed_at: order.consumer_reviewed_at,
    ...(usernames ? { created_by_username: creator?.username ?? '' } : {}),
    created_by_full_name: creator?.full_name ?? '',
    customer_name: customer?.name ?? '',
    customer_uuid: customer?.uuid ?? null,
    project_name: project?.name ?? '',
    project_uuid: project?.uuid ?? null,
    project_description: '',
    // Waldur cannot cancel volume orders (`can_cancel_order("OpenStack.Volume")` is false).
    can_terminate: false,
  };
}

/** `PublicOfferingDetailsSerializer`: the offering, its tenant as `scope`, the tenant's quotas. */
export function serializeOffering(ctx: SerializeContext, offering: OfferingRecord): Json {
  const tenant = find(ctx.db.tenants, offering.tenant_uuid);
  const { project, customer } = projectFields(ctx, offering.project_uuid);
  const usage = tenant ? tenantUsage(ctx.db, tenant.uuid) : {};
  return {
    url: link(ctx, 'marketplace-public-offerings', offering.uuid),
    uuid: offering.uuid,
    created: offering.created,
    name: offering.name,
    description: '',
    customer: customer ? link(ctx, 'customers', customer.uuid) : null,
    customer_uuid: customer?.uuid ?? null,
    customer_name: customer?.name ?? null,
    project: project ? link(ctx, 'projects', project.uuid) : null,
    project_uuid: project?.uuid ?? null,
    project_name: project?.name ?? null,
    category: `${ctx.origin}/api/marketplace-categories/${VOLUME_CATEGORY.uuid}/`,
    category_uuid: VOLUME_CATEGORY.uuid,
    category_title: VOLUME_CATEGORY.title,
    attributes: {},
    components: [],
    state: offering.state,
    plans: [],
    type: offering.type,
    shared: offering.shared,
    billable: offering.billable,
    scope: tenant ? link(ctx, 'openstack-tenants', tenant.uuid) : '',
    scope_uuid: tenant?.uuid ?? null,
    scope_state: tenant ? spellState('OK', ctx.legacyStates) : null,
    // `scope.quotas`: only names with a limit or a usage row; `limits.get(name) or -1` (E6).
    quotas: tenant
      ? Object.entries(usage).map(([name, value]) => ({
          name,
          usage: Math.round(value),
          limit: tenant.quota_limits[name] || -1,
        }))
      : [],
  };
}

/** `ResourceSerializer` for a volume's marketplace resource. */
export function serializeMarketplaceResource(
  ctx: SerializeContext,
  resource: MarketplaceResourceRecord,
): Json {
  const offering = find(ctx.db.offerings, resource.offering_uuid);
  const volume = find(ctx.db.volumes, resource.scope_uuid);
  const { project, customer } = projectFields(ctx, resource.project_uuid);
  const creation = ctx.db.orders.find(
    (o) => o.resource_uuid === resource.uuid && o.type === 'Create',
  );
  return {
    ...offeringFields(ctx, offering),
    attributes: creation?.attributes ?? {},
    limits: {},
    uuid: resource.uuid,
    created: resource.created,
    modified: resource.modified,
    url: link(ctx, 'marketplace-resources', resource.uuid),
    scope: volume ? link(ctx, 'openstack-volumes', volume.uuid) : null,
    description: '',
    state: resource.state,
    resource_uuid: volume?.uuid ?? null,
    backend_id: volume?.backend_id ?? '',
    resource_type: 'OpenStack.Volume',
    project: project ? link(ctx, 'projects', project.uuid) : '',
    project_uuid: project?.uuid ?? null,
    project_name: project?.name ?? '',
    customer_uuid: customer?.uuid ?? null,
    customer_name: customer?.name ?? '',
    backend_metadata: volume
      ? {
          state: spellState(volume.state, ctx.legacyStates),
          action: volume.action,
          runtime_state: volume.runtime_state,
        }
      : { state: 'Deleted' },
    is_usage_based: false,
    is_limit_based: true,
    name: resource.name,
    can_terminate: resource.state === 'OK' || resource.state === 'Erred',
    error_message: '',
  };
}

/** `EventSerializer`: the event's own context plus its project's and customer's keys. */
export function serializeEvent(ctx: SerializeContext, event: EventRecord): Json {
  const { project, customer } = event.project_uuid
    ? projectFields(ctx, event.project_uuid)
    : { project: undefined, customer: undefined };
  return {
    uuid: event.uuid,
    created: event.created,
    event_type: event.event_type,
    message: event.message,
    context: {
      ...event.context,
      ...(project ? { project_uuid: project.uuid, project_name: project.name } : {}),
      ...(customer
        ? {
            customer_uuid: customer.uuid,
            customer_name: customer.name,
            customer_abbreviation: customer.abbreviation,
          }
        : {}),
    },
  };
}
