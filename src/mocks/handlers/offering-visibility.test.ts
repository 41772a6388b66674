// Which offerings `/api/marketplace-public-offerings/` lists: `filter_by_ordering_availability_for_user`
// (marketplace/managers.py) keeps an unshared offering only when it, or its parent, has a plan that
// is not archived. So archiving a tenant offering's plans hides the tenant's volume offering
// (contract-lifecycle §8). Also the volume types a tenant offers, each with its description, and
// Cinder's own `__DEFAULT__` type.
import { describe, expect, it } from 'vitest';
import { call, link, volumeUrl } from '../../../test/demo-api';
import { getBackend } from '../../../test/setup';
import {
  CINDER_DEFAULT_TYPE,
  CINDER_DEFAULT_TYPE_TENANT,
  UNDESCRIBED_TYPE_TENANT,
  VOLUME_TYPES,
} from '../seed/catalogue';
import type { DemoPersona } from '../seed/users';

const db = () => getBackend().db;

function offeringsOf(index: number) {
  const tenant = db().tenants[index]!;
  const volume = db().offerings.find(
    (o) => o.tenant_uuid === tenant.uuid && o.type === 'OpenStack.Volume',
  )!;
  const parent = db().offerings.find((o) => o.uuid === volume.parent_uuid)!;
  return { tenant, volume, parent };
}

/** The volume offerings `as` finds for the project, as the console asks for them. */
async function listed(projectUuid: string, as: DemoPersona) {
  const { status, body } = await call(
    'GET',
    `/api/marketplace-public-offerings/?project_uuid=${projectUuid}&type=OpenStack.Volume&state=Active`,
    { as },
  );
  expect(status).toBe(200);
  return (body as { uuid: string }[]).map((o) => o.uuid);
}

describe('an offering is listed only with an available plan, its own or its parent’s', () => {
  it('every tenant’s volume offering is listed for its project admin in the seed', async () => {
    // The project admin persona has projects 0–2.
    for (const index of [0, 1, 2]) {
      const { volume } = offeringsOf(index);
      expect(await listed(volume.project_uuid, 'admin')).toEqual([volume.uuid]);
    }
  });

  it('archiving the tenant offering’s plans hides the volume offering: from the list and its URL', async () => {
    const { volume, parent } = offeringsOf(0);
    for (const plan of parent.plans!) plan.archived = true;
    expect(await listed(volume.project_uuid, 'admin')).toEqual([]);
    const detail = await call('GET', `/api/marketplace-public-offerings/${volume.uuid}/`, {
      as: 'admin',
    });
    expect(detail.status).toBe(404);
    expect(detail.body).toEqual({ detail: 'No Offering matches the given query.' });
    // Another tenant's offering, whose plan is still available, stays.
    const other = offeringsOf(1);
    expect(await listed(other.volume.project_uuid, 'admin')).toEqual([other.volume.uuid]);
  });

  it('staff and support are filtered the same way (the staff branch keeps the plan filter)', async () => {
    const { volume, parent } = offeringsOf(0);
    for (const plan of parent.plans!) plan.archived = true;
    expect(await listed(volume.project_uuid, 'staff')).toEqual([]);
    expect(await listed(volume.project_uuid, 'support')).toEqual([]);
  });

  it('one plan left that is not archived is enough', async () => {
    const { volume, parent } = offeringsOf(0);
    parent.plans!.push({ ...parent.plans![0]!, uuid: 'f'.repeat(32), name: 'Legacy' });
    parent.plans![0]!.archived = true;
    expect(await listed(volume.project_uuid, 'admin')).toEqual([volume.uuid]);
    parent.plans![1]!.archived = true;
    expect(await listed(volume.project_uuid, 'admin')).toEqual([]);
  });

  it('the order serializer resolves any offering: an order to a hidden one is still placed', async () => {
    const { volume, parent } = offeringsOf(0);
    for (const plan of parent.plans!) plan.archived = true;
    const response = await call('POST', '/api/marketplace-orders/', {
      as: 'admin',
      body: {
        offering: link('marketplace-public-offerings', volume.uuid),
        project: link('projects', volume.project_uuid),
        attributes: { name: 'unlisted', size: 1024 },
        limits: {},
        accepting_terms_of_service: true,
      },
    });
    expect(response.status).toBe(201);
  });
});

describe('volume types explain themselves', () => {
  interface Type {
    uuid: string;
    name: string;
    description: string;
  }
  const typesOf = async (tenantUuid: string) =>
    (await call('GET', `/api/openstack-volume-types/?tenant_uuid=${tenantUuid}`)).body as Type[];

  it('Cinder’s __DEFAULT__ in one tenant, described "Default Volume Type", on a few of its volumes', async () => {
    const tenant = db().tenants[CINDER_DEFAULT_TYPE_TENANT]!;
    const types = await typesOf(tenant.uuid);
    expect(types.map((t) => t.name).sort()).toEqual(
      [...VOLUME_TYPES.map((t) => t.name), CINDER_DEFAULT_TYPE.name].sort(),
    );
    const fallback = types.find((t) => t.name === '__DEFAULT__')!;
    expect(fallback.description).toBe('Default Volume Type');
    const volumes = db().volumes.filter((v) => v.type_uuid === fallback.uuid);
    expect(volumes.length).toBeGreaterThan(0);
    const shown = (await call('GET', volumeUrl(volumes[0]!.uuid))).body;
    expect(shown).toMatchObject({
      type: link('openstack-volume-types', fallback.uuid),
      type_name: '__DEFAULT__',
      state: 'OK',
    });
    // The tenant's quotas count it like any type.
    const { body } = await call('GET', `/api/openstack-tenants/?uuid=${tenant.uuid}&field=quotas`);
    const quotas = (body as { quotas: { name: string; usage: number }[] }[])[0]!.quotas;
    expect(quotas.find((q) => q.name === 'gigabytes___DEFAULT__')?.usage).toBe(
      volumes.reduce((sum, v) => sum + Math.trunc(v.size / 1024), 0),
    );
  });

  it('the other tenants have the three types; each has a description, one left empty', async () => {
    for (const [index, tenant] of db().tenants.entries()) {
      if (index === CINDER_DEFAULT_TYPE_TENANT) continue;
      const types = await typesOf(tenant.uuid);
      expect(types.map((t) => t.name).sort()).toEqual(VOLUME_TYPES.map((t) => t.name).sort());
      for (const type of types) {
        const empty = index === UNDESCRIBED_TYPE_TENANT && type.name === 'nvme';
        expect(type.description).toBe(
          empty ? '' : VOLUME_TYPES.find((t) => t.name === type.name)!.description,
        );
      }
    }
  });
});
