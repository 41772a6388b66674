// The marketplace and event-log records → the JSON Waldur sends (OrderDetails and the create
// serializer's variant, PublicOfferingDetails, Resource, Event), reduced to the fields the console
// and the schema's checks need, each spelled as Waldur spells it (contract-lifecycle §2, §5).
import type {
  Db,
  EventRecord,
  MarketplaceResourceRecord,
  OfferingComponentRecord,
  OfferingRecord,
  OrderRecord,
  PlanRecord,
  UserRecord,
} from './db';
import { TENANT_CATEGORY, VOLUME_CATEGORY } from './lifecycle';
import { tenantQuotas } from './quotas';
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

/** The tenant type's built-in components: `is_builtin`, and a `factor` for RAM and storage. */
const BUILTIN_FACTORS: Record<string, number | null> = { cores: null, ram: 1024, storage: 1024 };

/** `components_filter` (marketplace_openstack/apps.py), registered for tenant offerings only. */
function tenantComponentsFilter(offering: OfferingRecord, components: OfferingComponentRecord[]) {
  const dynamic = offering.plugin_options?.storage_mode === 'dynamic';
  return components.filter((c) =>
    dynamic ? c.type !== 'storage' : ['cores', 'ram', 'storage'].includes(c.type),
  );
}

/**
 * `get_components`: `(offering.parent or offering).components`, filtered by the filter registered
 * for `offering.type`. Only `OpenStack.Tenant` registers one, so a volume offering lists all of
 * its parent's components (in dynamic mode `storage` too, beside the `gigabytes_<type>` ones).
 */
function offeringComponents(offering: OfferingRecord, source: OfferingRecord): Json[] {
  const all = source.components ?? [];
  const shown = offering.type === 'OpenStack.Tenant' ? tenantComponentsFilter(offering, all) : all;
  // `OfferingComponentSerializer`; `factor` and `is_builtin` are looked up by the type of the
  // offering that owns the component (the tenant's).
  const builtin = source.type === 'OpenStack.Tenant';
  return shown.map((c) => ({
    uuid: c.uuid,
    billing_type: c.billing_type,
    type: c.type,
    name: c.name,
    description: c.description,
    measured_unit: c.measured_unit,
    limit_period: 'month',
    limit_amount: null,
    article_code: '',
    max_value: null,
    min_value: null,
    max_available_limit: null,
    is_boolean: false,
    default_limit: null,
    factor: builtin ? (BUILTIN_FACTORS[c.type] ?? null) : null,
    is_builtin: builtin && c.type in BUILTIN_FACTORS,
  }));
}

/** A sum of Decimals, as Python adds them (exactly), sent as a JSON number. */
const decimalSum = (values: number[]) =>
  Number(values.reduce((sum, value) => sum + value, 0).toFixed(10));

/**
 * `BasePublicPlanSerializer` (GET): `unit_price` a Decimal field, hence a string; `prices` raw
 * Decimals from a method field, hence numbers; `future_prices` null until a change is scheduled;
 * `quotas` the amounts of fixed components (0 here). `url` names the offering that owns the plan.
 */
export function serializePlan(
  ctx: SerializeContext,
  owner: OfferingRecord,
  plan: PlanRecord,
): Json {
  const types = Object.keys(plan.prices);
  const billing = new Map((owner.components ?? []).map((c) => [c.type, c.billing_type]));
  const priced = types.filter((type) => plan.prices[type]);
  const billingTypes = new Set(priced.map((type) => billing.get(type) ?? 'fixed'));
  const planTypes: Record<string, string> = {
    usage: 'usage-based',
    fixed: 'fixed',
    one: 'one-time',
    few: 'on-plan-switch',
    limit: 'limit',
  };
  // `get_plan_type`: the billing type of the priced components, "mixed" if several, else None.
  const planType =
    billingTypes.size > 1 ? 'mixed' : (planTypes[[...billingTypes][0] ?? ''] ?? null);
  return {
    url: `${ctx.origin}/api/marketplace-public-offerings/${owner.uuid}/plans/${plan.uuid}/`,
    uuid: plan.uuid,
    name: plan.name,
    description: plan.description,
    article_code: '',
    max_amount: null,
    archived: plan.archived,
    is_active: true,
    unit_price: plan.unit_price,
    unit: plan.unit,
    init_price: 0,
    switch_price: 0,
    backend_id: '',
    organization_groups: [],
    prices: { ...plan.prices },
    future_prices: Object.fromEntries(types.map((type) => [type, null])),
    quotas: Object.fromEntries(types.map((type) => [type, 0])),
    resources_count: ctx.db.tenants.filter((t) => t.marketplace?.plan_uuid === plan.uuid).length,
    plan_type: planType,
    minimal_price: decimalSum(
      priced.filter((type) => billing.get(type) === 'limit').map((type) => plan.prices[type]!),
    ),
  };
}

/**
 * `PublicOfferingDetailsSerializer`. A volume offering shows its parent's (the tenant offering's)
 * plans, components and plugin options (pricing.md §2), its tenant as `scope` and the tenant's
 * quotas; a tenant offering's scope is the tenant's service settings, which carry no quotas here.
 */
export function serializeOffering(ctx: SerializeContext, offering: OfferingRecord): Json {
  const tenant = find(ctx.db.tenants, offering.tenant_uuid);
  const parent = find(ctx.db.offerings, offering.parent_uuid);
  const source = parent ?? offering; // `offering.parent or offering`
  const { project, customer } = projectFields(ctx, offering.project_uuid);
  const ofTenant = offering.type === 'OpenStack.Tenant';
  const category = ofTenant ? TENANT_CATEGORY : VOLUME_CATEGORY;
  const settings = ofTenant ? find(ctx.db.service_settings, tenant?.service_settings_uuid) : null;
  const scope = ofTenant
    ? settings && {
        scope: link(ctx, 'service-settings', settings.uuid),
        scope_uuid: settings.uuid,
        scope_state: spellState(settings.state, ctx.legacyStates),
      }
    : tenant && {
        scope: link(ctx, 'openstack-tenants', tenant.uuid),
        scope_uuid: tenant.uuid,
        scope_state: spellState('OK', ctx.legacyStates),
      };
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
    category: `${ctx.origin}/api/marketplace-categories/${category.uuid}/`,
    category_uuid: category.uuid,
    category_title: category.title,
    attributes: {},
    components: offeringComponents(offering, source),
    // A child's `plugin_options` are its parent's (`source="parent.plugin_options"`).
    plugin_options: { ...source.plugin_options },
    state: offering.state,
    // `get_plans_available_for_user`: the parent's plans, archived ones too, by name. The demo
    // has no organisation groups, so every user sees every plan.
    plans: (source.plans ?? []).map((plan) => serializePlan(ctx, source, plan)),
    type: offering.type,
    shared: offering.shared,
    billable: offering.billable,
    scope: scope?.scope ?? '',
    scope_uuid: scope?.scope_uuid ?? null,
    scope_state: scope?.scope_state ?? null,
    // `scope.quotas`: the tenant's, for a volume or instance offering (E6: 0 shows as -1).
    quotas: tenant && !ofTenant ? tenantQuotas(ctx.db, tenant) : [],
    parent_description: parent ? '' : null,
    parent_uuid: parent?.uuid ?? null,
    parent_name: parent?.name ?? null,
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
