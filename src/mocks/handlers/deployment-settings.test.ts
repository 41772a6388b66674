// The deployment settings the demo can play (contract-lifecycle §8, `DemoDeployment`):
// REQUIRE_AVAILABILITY_ZONE, a console on another origin behind mastermind's stock nginx, and the
// controls that switch them (kept per browser, kept by a reset).
import { describe, expect, it } from 'vitest';
import { call, demoVolume, link, volumeUrl } from '../../../test/demo-api';
import { okAvailable } from '../../../test/seed-queries';
import { getBackend } from '../../../test/setup';
import { createDemoControls } from '../controls';
import { DEPLOYMENT_KEY, deploymentFromQuery, readDeployment } from '../deployment';
import { ZERO_QUOTA_TENANT } from '../seed/catalogue';

const backend = () => getBackend();
const db = () => backend().db;
const set = (change: Partial<ReturnType<typeof backend>['deployment']>) => {
  backend().deployment = { ...backend().deployment, ...change };
};

function orderBody(tenantIndex: number, attributes: Record<string, unknown>) {
  const tenant = db().tenants[tenantIndex]!;
  const offering = db().offerings.find(
    (o) => o.tenant_uuid === tenant.uuid && o.type === 'OpenStack.Volume',
  )!;
  return {
    offering: link('marketplace-public-offerings', offering.uuid),
    project: link('projects', offering.project_uuid),
    attributes,
  };
}

describe('REQUIRE_AVAILABILITY_ZONE: an order without a zone is refused', () => {
  it('400 non_field_errors at the volume serializer, before the quotas; with a zone it is placed', async () => {
    const post = (tenant: number, attributes: Record<string, unknown>) =>
      call('POST', '/api/marketplace-orders/', { body: orderBody(tenant, attributes) });
    expect((await post(0, { name: 'no-zone', size: 1024 })).status).toBe(201);
    set({ requireAvailabilityZone: true });
    const orders = db().orders.length;
    expect(await post(0, { name: 'no-zone-2', size: 1024 })).toMatchObject({
      status: 400,
      body: { non_field_errors: ['Availability zone is mandatory.'] },
    });
    // The quota check comes after: a tenant with no room left still says "zone" first.
    expect((await post(ZERO_QUOTA_TENANT, { name: 'no-zone-3', size: 1024 })).body).toEqual({
      non_field_errors: ['Availability zone is mandatory.'],
    });
    expect(db().orders).toHaveLength(orders);
    const zone = db().availability_zones.find((z) => z.tenant_uuid === db().tenants[0]!.uuid)!;
    const zoned = await post(0, {
      name: 'zoned',
      size: 1024,
      availability_zone: link('openstack-volume-availability-zones', zone.uuid),
    });
    expect(zoned.status).toBe(201);
  });

  it('a restore is not an order: SnapshotRestorationSerializer checks no zone', async () => {
    set({ requireAvailabilityZone: true });
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const restored = await call('POST', `/api/openstack-snapshots/${snapshot.uuid}/restore/`, {
      body: { name: 'restored-without-zone' },
    });
    expect(restored.status).toBe(201);
  });
});

describe('across origins behind mastermind’s nginx (§6 E1): every 202, 4xx and 5xx is a network error', () => {
  it('the work is done and logged with its real status; the page gets a failed fetch', async () => {
    set({ acrossOrigins: true });
    const v = demoVolume(okAvailable);
    await expect(
      call('POST', `${volumeUrl(v.uuid)}extend/`, { body: { disk_size: v.size + 1024 } }),
    ).rejects.toThrow(TypeError);
    expect(backend().requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `${volumeUrl(v.uuid)}extend/`,
      status: 202,
    });
    // The answer was lost, the extend was not.
    const read = await call('GET', volumeUrl(v.uuid));
    expect(read).toMatchObject({ status: 200, body: { state: 'UPDATE_SCHEDULED' } });
    // A 409 (the volume is busy now), a 404 and a 400 are lost the same way.
    await expect(
      call('POST', `${volumeUrl(v.uuid)}extend/`, { body: { disk_size: v.size + 4096 } }),
    ).rejects.toThrow(TypeError);
    expect(backend().requests.at(-1)?.status).toBe(409);
    await expect(call('GET', volumeUrl('0'.repeat(32)))).rejects.toThrow(TypeError);
    expect(backend().requests.at(-1)?.status).toBe(404);
    await expect(
      call('POST', '/api/marketplace-orders/', { body: orderBody(0, { name: 'x' }) }),
    ).rejects.toThrow(TypeError);
    expect(backend().requests.at(-1)?.status).toBe(400);
    backend().failNextRequests(1);
    await expect(call('GET', '/api/openstack-volumes/')).rejects.toThrow(TypeError);
    expect(backend().requests.at(-1)?.status).toBe(500);
  });

  it('200, 201, 204 and 3xx reach the page', async () => {
    set({ acrossOrigins: true });
    expect((await call('GET', '/api/openstack-volumes/?page_size=1')).status).toBe(200);
    const placed = await call('POST', '/api/marketplace-orders/', {
      body: orderBody(0, { name: 'across', size: 1024 }),
    });
    expect(placed.status).toBe(201);
    const v = demoVolume(okAvailable);
    expect((await call('POST', `${volumeUrl(v.uuid)}unlink/`)).status).toBe(204);
    expect((await call('GET', '/api/openstack-volumes')).status).toBe(301);
  });
});

describe('the demo controls switch the deployment; the browser keeps it, a reset keeps it', () => {
  it('setDeployment merges the change, stores it, and reset leaves it (and the future start) in place', () => {
    const controls = createDemoControls(backend());
    expect(controls.deployment()).toEqual({
      version: '8.x',
      requireAvailabilityZone: false,
      acrossOrigins: false,
      futureProjectStart: false,
    });
    expect(controls.futureProjectName).toBe('Retail Forecasts');
    controls.setDeployment({ version: 'newer', futureProjectStart: true });
    const expected = {
      version: 'newer',
      requireAvailabilityZone: false,
      acrossOrigins: false,
      futureProjectStart: true,
    };
    expect(controls.deployment()).toEqual(expected);
    expect(JSON.parse(localStorage.getItem(DEPLOYMENT_KEY)!)).toEqual(expected);
    expect(readDeployment()).toEqual(expected);
    controls.reset();
    expect(backend().deployment).toEqual(expected);
    const project = db().projects.find((p) => p.name === controls.futureProjectName)!;
    expect(project.start_date).toBe('2026-12-20');
    controls.setDeployment({ futureProjectStart: false });
    expect(project.start_date).toBeNull();
  });

  it('an unknown stored value falls back to the default, field by field', () => {
    localStorage.setItem(DEPLOYMENT_KEY, JSON.stringify({ version: '9.x', acrossOrigins: true }));
    expect(readDeployment()).toEqual({
      version: '8.x',
      requireAvailabilityZone: false,
      acrossOrigins: true,
      futureProjectStart: false,
    });
    localStorage.setItem(DEPLOYMENT_KEY, '{not json');
    expect(readDeployment().version).toBe('8.x');
  });

  it('the Waldur-shaped server’s /__control/deployment changes only the settings it is given', () => {
    const query = (q: string) => deploymentFromQuery(backend().deployment, new URLSearchParams(q));
    expect(query('version=7.x&zone=1&future=1')).toEqual({
      version: '7.x',
      requireAvailabilityZone: true,
      acrossOrigins: false,
      futureProjectStart: true,
    });
    set({ version: 'newer', requireAvailabilityZone: true });
    expect(query('future=1')).toMatchObject({
      version: 'newer',
      requireAvailabilityZone: true,
      futureProjectStart: true,
    });
    expect(query('zone=0')).toMatchObject({ requireAvailabilityZone: false });
    expect(query('version=9.x')).toBeNull();
  });
});
