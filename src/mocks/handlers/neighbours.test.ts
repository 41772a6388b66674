// The demo backend's neighbours of the volume endpoint: instances a volume can go to, a tenant's
// volume types, and the directory (customers, projects, tenants, zones) as each user may see it.
// Expected sets come from the seed's database, never from today's counts.
import { describe, expect, it } from 'vitest';
import { call } from '../../../test/demo-api';
import { getBackend } from '../../../test/setup';
import { DEMO_PERSONAS } from '../seed/users';

const db = () => getBackend().db;
type Row = Record<string, unknown>;
const total = async (path: string, as?: 'admin') =>
  Number((await call('GET', path, { as })).headers.get('x-result-count'));

describe('the neighbours', () => {
  it('instances attachable to a volume: same project and tenant', async () => {
    const volume = db().volumes.find((v) => v.state === 'OK' && v.runtime_state === 'available')!;
    const instances = (
      await call('GET', `/api/openstack-instances/?attach_volume_uuid=${volume.uuid}`)
    ).body as Row[];
    expect(instances.length).toBeGreaterThan(0);
    for (const instance of instances) {
      expect(instance).toMatchObject({
        project_uuid: volume.project_uuid,
        tenant_uuid: volume.tenant_uuid,
      });
    }
  });

  it('the volume types of a tenant, and the whole directory for staff', async () => {
    const tenant = db().tenants[0]!;
    const types = (await call('GET', `/api/openstack-volume-types/?tenant_uuid=${tenant.uuid}`))
      .body as Row[];
    expect(types.map((t) => t.name).sort()).toEqual(
      db()
        .volume_types.filter((t) => t.tenant_uuids.includes(tenant.uuid))
        .map((t) => t.name)
        .sort(),
    );
    expect(await total('/api/customers/')).toBe(db().customers.length);
    expect(await total('/api/projects/')).toBe(db().projects.length);
    expect(await total('/api/openstack-tenants/')).toBe(db().tenants.length);
    expect(await total('/api/openstack-volume-availability-zones/')).toBe(
      db().availability_zones.length,
    );
    expect(await total('/api/openstack-snapshots/')).toBe(db().snapshots.length);
  });

  it('snapshots of one volume: exactly those whose source it is', async () => {
    const source = db().snapshots[0]!.source_volume_uuid!;
    const rows = (
      await call('GET', `/api/openstack-snapshots/?source_volume_uuid=${source}&page_size=300`)
    ).body as Row[];
    expect(rows.map((r) => r.uuid).sort()).toEqual(
      db()
        .snapshots.filter((s) => s.source_volume_uuid === source)
        .map((s) => s.uuid)
        .sort(),
    );
  });

  it('a project admin sees only the projects they have a role in, and those projects’ customers', async () => {
    const admin = getBackend().user(DEMO_PERSONAS.admin);
    const scopes = new Set(admin.roles.map((r) => r.scope_uuid));
    const projects = db().projects.filter((p) => scopes.has(p.uuid));
    const customers = new Set(projects.map((p) => p.customer_uuid));
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.length).toBeLessThan(db().projects.length);
    expect(await total('/api/projects/', 'admin')).toBe(projects.length);
    expect(await total('/api/customers/', 'admin')).toBe(customers.size);
  });
});
