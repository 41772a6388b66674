// How the demo's tenants are priced (pricing.md §1–2): each tenant was bought from its own
// `OpenStack.Tenant` offering, the parent of its volume and instance offerings, which owns the
// plans and the components; the tenant's marketplace resource records the plan it is billed by.
// Also Cinder's `__DEFAULT__` volume type in one tenant, and the types' descriptions. Its own
// random sequence, so everything seeded before stays exactly as it was.
import type {
  MarketplaceInfo,
  OfferingComponentRecord,
  OfferingRecord,
  PlanRecord,
  TenantRecord,
  VolumeRecord,
} from '../db';
import { TENANT_CATEGORY } from '../lifecycle';
import { typeQuota } from '../quotas';
import { createRandom, type Random } from '../random';
import {
  CINDER_DEFAULT_TYPE,
  CINDER_DEFAULT_TYPE_TENANT,
  CINDER_DEFAULT_TYPE_VOLUMES,
  DYNAMIC_PLAN,
  DYNAMIC_STORAGE_TENANT,
  FREE_PLAN,
  FREE_TENANT,
  MONTHLY_PLAN_TENANT,
  MONTHLY_PLANS,
  type SeedPlan,
  STANDARD_PLAN,
  UNDESCRIBED_TYPE_TENANT,
} from './catalogue';
import { type Organisations, typesOf } from './organisations';

/** The tenant type's built-in components (marketplace_openstack/apps.py), all billed by limit. */
const BUILTIN_COMPONENTS = [
  { type: 'cores', name: 'Cores', measured_unit: 'cores' },
  { type: 'ram', name: 'RAM', measured_unit: 'GB' },
  { type: 'storage', name: 'Storage', measured_unit: 'GB' },
];

/** The plans of a tenant's offering, by the tenant's index. */
function plansOf(index: number): SeedPlan[] {
  if (index === MONTHLY_PLAN_TENANT) return MONTHLY_PLANS;
  if (index === DYNAMIC_STORAGE_TENANT) return [DYNAMIC_PLAN];
  if (index === FREE_TENANT) return [FREE_PLAN];
  return [STANDARD_PLAN];
}

export function seedPricing(
  seed: number,
  orgs: Organisations,
  offerings: OfferingRecord[],
  volumes: VolumeRecord[],
) {
  const random = createRandom(seed ^ 0x5ca1ab1e);
  seedCinderDefaultType(random, orgs, volumes);
  const undescribed = orgs.tenants[UNDESCRIBED_TYPE_TENANT];
  for (const type of undescribed ? typesOf(orgs, undescribed) : [])
    if (type.name === 'nvme') type.description = '';
  orgs.tenants.forEach((tenant, index) => {
    const parent = tenantOffering(random, orgs, tenant, index);
    // After the volume and instance offerings: a lookup of the first billable or first offering
    // of a tenant still finds those.
    offerings.push(parent);
    for (const child of offerings)
      if (child.tenant_uuid === tenant.uuid && child !== parent) child.parent_uuid = parent.uuid;
    const billed = parent.plans!.find((p) => !p.archived)!;
    const info: MarketplaceInfo = {
      offering_uuid: parent.uuid,
      offering_name: parent.name,
      category_uuid: TENANT_CATEGORY.uuid,
      category_name: TENANT_CATEGORY.title,
      resource_uuid: random.uuid(),
      plan_uuid: billed.uuid,
      resource_state: 'OK',
      is_usage_based: false,
      is_limit_based: true,
      offering_plugin_options: { ...parent.plugin_options },
    };
    tenant.marketplace = info;
  });
}

/** A tenant's own offering: private to its project, billable unless free, with its plans. */
function tenantOffering(
  random: Random,
  orgs: Organisations,
  tenant: TenantRecord,
  index: number,
): OfferingRecord {
  const project = orgs.projects.find((p) => p.uuid === tenant.project_uuid)!;
  const dynamic = index === DYNAMIC_STORAGE_TENANT;
  const perType = dynamic
    ? typesOf(orgs, tenant).map((t) => ({
        type: typeQuota(t.name),
        name: `Storage (${t.name})`,
        measured_unit: 'GB',
        description: t.description,
      }))
    : [];
  const components: OfferingComponentRecord[] = [...BUILTIN_COMPONENTS, ...perType]
    .map((c) => ({ description: '', ...c, uuid: random.uuid(), billing_type: 'limit' as const }))
    .sort((a, b) => a.name.localeCompare(b.name)); // OfferingComponent.Meta.ordering = ("name",)
  const plans: PlanRecord[] = plansOf(index)
    .map((plan) => ({
      uuid: random.uuid(),
      name: plan.name,
      description: '',
      unit: plan.unit,
      unit_price: '0.0000000000',
      archived: plan.archived,
      prices: { ...plan.prices },
    }))
    .sort((a, b) => a.name.localeCompare(b.name)); // Plan.Meta.ordering = ("name",)
  return {
    uuid: random.uuid(),
    name: `Tartu OpenStack (${tenant.name})`,
    type: 'OpenStack.Tenant',
    tenant_uuid: tenant.uuid,
    customer_uuid: project.customer_uuid,
    project_uuid: project.uuid,
    shared: false,
    billable: index !== FREE_TENANT,
    state: 'Active',
    created: tenant.created,
    parent_uuid: null,
    plans,
    components,
    plugin_options: { storage_mode: dynamic ? 'dynamic' : 'fixed' },
  };
}

/**
 * Cinder's `__DEFAULT__` as a fourth type of one tenant (after every other type, so a tenant's
 * first type stays what it was), and on the last few of its OK data volumes that had no type.
 */
function seedCinderDefaultType(random: Random, orgs: Organisations, volumes: VolumeRecord[]) {
  const tenant = orgs.tenants[CINDER_DEFAULT_TYPE_TENANT]!;
  const type = {
    uuid: random.uuid(),
    ...CINDER_DEFAULT_TYPE,
    settings_uuid: tenant.service_settings_uuid,
    tenant_uuids: [tenant.uuid],
  };
  orgs.volume_types.push(type);
  const untyped = volumes.filter(
    (v) => v.tenant_uuid === tenant.uuid && v.type_uuid === null && v.state === 'OK' && !v.bootable,
  );
  for (const volume of untyped.slice(-CINDER_DEFAULT_TYPE_VOLUMES)) volume.type_uuid = type.uuid;
}
