// How the demo prices volumes, as Waldur does (pricing.md §1–2): a volume offering owns no plans
// and shows its parent's (the tenant's `OpenStack.Tenant` offering) plans, components and plugin
// options in Waldur's JSON types; the tenant's own marketplace resource names the plan it is billed
// by; and a volume order still sends no plan.
import { describe, expect, it } from 'vitest';
import { call, link } from '../../../test/demo-api';
import { getBackend } from '../../../test/setup';
import type { OfferingRecord } from '../db';
import { ORDER_PICKUP_MS } from '../lifecycle';
import {
  DYNAMIC_STORAGE_TENANT,
  FREE_TENANT,
  MONTHLY_PLAN_TENANT,
  STANDARD_PLAN,
} from '../seed/catalogue';

const db = () => getBackend().db;

function offeringsOf(index: number) {
  const tenant = db().tenants[index]!;
  const of = (type: OfferingRecord['type']) =>
    db().offerings.find((o) => o.tenant_uuid === tenant.uuid && o.type === type)!;
  return { tenant, volume: of('OpenStack.Volume'), parent: of('OpenStack.Tenant') };
}

interface Plan {
  url: string;
  uuid: string;
  name: string;
  archived: boolean;
  unit: string;
  unit_price: unknown;
  prices: Record<string, unknown>;
  future_prices: Record<string, unknown>;
  plan_type: string | null;
  minimal_price: number;
  resources_count: number;
}
interface Component {
  type: string;
  name: string;
  description: string;
  measured_unit: string;
  billing_type: string;
  factor: number | null;
  is_builtin: boolean;
}
interface Offering {
  uuid: string;
  type: string;
  billable: boolean;
  parent_uuid: string | null;
  parent_name: string | null;
  plans: Plan[];
  components: Component[];
  plugin_options: Record<string, unknown>;
  scope_uuid: string;
}

const getOffering = async (uuid: string) =>
  (await call('GET', `/api/marketplace-public-offerings/${uuid}/`)).body as Offering;

describe('a volume offering shows its tenant offering’s plans (pricing.md §2)', () => {
  it('parent_uuid, and the parent’s plans, components and plugin_options, in Waldur’s JSON types', async () => {
    const { tenant, volume, parent } = offeringsOf(0);
    expect(volume.plans).toBeUndefined(); // volume offerings own no plans
    const shown = await getOffering(volume.uuid);
    expect(shown).toMatchObject({
      type: 'OpenStack.Volume',
      billable: false,
      parent_uuid: parent.uuid,
      parent_name: parent.name,
      scope_uuid: tenant.uuid,
      plugin_options: { storage_mode: 'fixed' },
    });
    expect(shown.plans).toHaveLength(1);
    const [plan] = shown.plans;
    expect(plan).toMatchObject({
      uuid: parent.plans![0]!.uuid,
      // The plan's URL names the offering that owns it: the parent.
      url: `${link('marketplace-public-offerings', parent.uuid)}plans/${parent.plans![0]!.uuid}/`,
      name: 'Standard',
      archived: false,
      unit: 'day',
      unit_price: '0.0000000000', // a DecimalField: a string
      prices: STANDARD_PLAN.prices,
      future_prices: { cores: null, ram: null, storage: null },
      plan_type: 'limit',
      resources_count: 1, // the tenant is billed by it
    });
    // Prices are Decimals from a method field: JSON numbers, per GiB of storage per day.
    for (const price of Object.values(plan!.prices)) expect(typeof price).toBe('number');
    expect(plan!.prices.storage).toBe(0.0016);
    expect(plan!.minimal_price).toBe(0.0656);
    expect(shown.components.map((c) => [c.type, c.name, c.measured_unit, c.billing_type])).toEqual([
      ['cores', 'Cores', 'cores', 'limit'],
      ['ram', 'RAM', 'GB', 'limit'],
      ['storage', 'Storage', 'GB', 'limit'],
    ]);
    expect(shown.components.find((c) => c.type === 'storage')).toMatchObject({
      factor: 1024,
      is_builtin: true,
    });
    // The parent itself, read the same way, shows the same plans and components.
    const own = await getOffering(parent.uuid);
    expect(own).toMatchObject({ type: 'OpenStack.Tenant', parent_uuid: null, billable: true });
    expect(own.plans).toEqual(shown.plans);
    expect(own.components).toEqual(shown.components);
  });

  it('dynamic storage mode: gigabytes_<type> components priced per type, no storage price', async () => {
    const { tenant, volume, parent } = offeringsOf(DYNAMIC_STORAGE_TENANT);
    const shown = await getOffering(volume.uuid);
    expect(shown.plugin_options).toEqual({ storage_mode: 'dynamic' });
    const [plan] = shown.plans;
    expect(plan!.prices).not.toHaveProperty('storage');
    expect(plan!.prices.gigabytes_ssd).toBeGreaterThan(plan!.prices.gigabytes_hdd as number);
    const types = db().volume_types.filter((t) => t.tenant_uuids.includes(tenant.uuid));
    for (const type of types) {
      expect(typeof plan!.prices[`gigabytes_${type.name}`]).toBe('number');
      expect(shown.components).toContainEqual(
        expect.objectContaining({
          type: `gigabytes_${type.name}`,
          name: `Storage (${type.name})`,
          description: type.description,
          measured_unit: 'GB',
          billing_type: 'limit',
          factor: null,
          is_builtin: false,
        }),
      );
    }
    // The filter that drops `storage` in dynamic mode is registered for tenant offerings only:
    // the volume offering lists it, the tenant offering does not.
    expect(shown.components.map((c) => c.type)).toContain('storage');
    const own = await getOffering(parent.uuid);
    expect(own.components.map((c) => c.type)).not.toContain('storage');
    expect(own.components.map((c) => c.type)).toContain('gigabytes_ssd');
  });

  it('a plan priced per month, after an archived plan that sorts first by name', async () => {
    const { tenant, volume } = offeringsOf(MONTHLY_PLAN_TENANT);
    const { plans } = await getOffering(volume.uuid);
    expect(plans.map((p) => [p.name, p.archived, p.unit])).toEqual([
      ['Basic (2024)', true, 'month'],
      ['Standard (monthly)', false, 'month'],
    ]);
    // HomePort's `plans[0]` is the archived one; the tenant is billed by the other.
    const billed = (
      (await call('GET', `/api/openstack-tenants/?uuid=${tenant.uuid}`)).body as {
        marketplace_plan_uuid: string;
      }[]
    )[0]!.marketplace_plan_uuid;
    expect(billed).toBe(plans[1]!.uuid);
    expect(plans[0]!.prices.storage).not.toBe(plans[1]!.prices.storage);
    expect(plans.map((p) => p.resources_count)).toEqual([0, 1]);
  });

  it('a free offering: its plan prices every component 0', async () => {
    const { volume, parent } = offeringsOf(FREE_TENANT);
    const { plans } = await getOffering(volume.uuid);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      archived: false,
      prices: { cores: 0, ram: 0, storage: 0 },
      plan_type: null, // `get_plan_type`: nothing priced
      minimal_price: 0,
    });
    expect(parent.billable).toBe(false);
  });
});

describe('the plan a tenant is billed by (BaseResourceSerializer’s marketplace_* fields)', () => {
  it('/api/openstack-tenants/ names the tenant’s own marketplace resource, offering and plan', async () => {
    const { body } = await call('GET', '/api/openstack-tenants/?page_size=50');
    const tenants = body as {
      uuid: string;
      marketplace_offering_uuid: string;
      marketplace_plan_uuid: string;
      marketplace_resource_uuid: string;
      marketplace_resource_state: string;
      marketplace_offering_plugin_options: Record<string, unknown>;
      is_limit_based: boolean;
    }[];
    expect(tenants).toHaveLength(db().tenants.length);
    for (const tenant of tenants) {
      const parent = db().offerings.find(
        (o) => o.type === 'OpenStack.Tenant' && o.tenant_uuid === tenant.uuid,
      )!;
      expect(tenant).toMatchObject({
        marketplace_offering_uuid: parent.uuid,
        marketplace_plan_uuid: parent.plans!.find((p) => !p.archived)!.uuid,
        marketplace_resource_state: 'OK',
        marketplace_offering_plugin_options: parent.plugin_options,
        is_limit_based: true,
      });
      expect(tenant.marketplace_resource_uuid).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('offering_for_subresources of a tenant’s resource: its volume and instance offerings', async () => {
    const { tenant, volume } = offeringsOf(0);
    const { status, body } = await call(
      'GET',
      `/api/marketplace-resources/${tenant.marketplace!.resource_uuid}/offering_for_subresources/`,
    );
    expect(status).toBe(200);
    expect(body).toContainEqual({ uuid: volume.uuid, type: 'OpenStack.Volume' });
    expect((body as { type: string }[]).map((o) => o.type).sort()).toEqual([
      'OpenStack.Instance',
      'OpenStack.Volume',
    ]);
  });
});

describe('ordering a volume from any tenant’s offering sends no plan (pricing.md §2)', () => {
  const order = (index: number, extra: Record<string, unknown> = {}) => {
    const { volume } = offeringsOf(index);
    return call('POST', '/api/marketplace-orders/', {
      body: {
        offering: link('marketplace-public-offerings', volume.uuid),
        project: link('projects', volume.project_uuid),
        attributes: { name: `priced-${index}`, size: 2048 },
        limits: {},
        accepting_terms_of_service: true,
        ...extra,
      },
    });
  };

  it('201 without a plan for every priced tenant; the volume is made', async () => {
    for (const index of [0, MONTHLY_PLAN_TENANT, DYNAMIC_STORAGE_TENANT]) {
      expect((await order(index)).status).toBe(201);
    }
    getBackend().clock.advance(ORDER_PICKUP_MS);
    await call('GET', '/api/marketplace-orders/');
    expect(db().volumes.filter((v) => v.name.startsWith('priced-'))).toHaveLength(3);
  });

  it('a plan of the parent is refused: it is not the volume offering’s own', async () => {
    const { parent } = offeringsOf(0);
    const plan = parent.plans![0]!;
    const response = await order(0, {
      plan: `${link('marketplace-public-offerings', parent.uuid)}plans/${plan.uuid}/`,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ plan: ['This plan is not available for selected offering.'] });
  });

  it('the tenant offering itself takes no volume order (the demo does not create tenants)', async () => {
    const { parent } = offeringsOf(0);
    const response = await call('POST', '/api/marketplace-orders/', {
      body: {
        offering: link('marketplace-public-offerings', parent.uuid),
        project: link('projects', parent.project_uuid),
        attributes: { name: 'not-a-tenant', size: 1024 },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ offering: ['The demo backend does not create tenants.'] });
    expect(db().orders.some((o) => o.resource_name === 'not-a-tenant')).toBe(false);
  });
});
