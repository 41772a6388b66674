// What the contract's second reading (contract-lifecycle §8) corrected, in every deployment: a
// snapshot edit schedules an update, a rejected order is logged, and a new volume's `bootable` and
// default type come from Cinder when the volume is created there. (The event log's 400 for a scope
// the user may not see is in ./events.test.ts.)
import { describe, expect, it } from 'vitest';
import { call, historyOf, link, volumeUrl } from '../../../test/demo-api';
import { getBackend } from '../../../test/setup';
import { ORDER_PICKUP_MS } from '../lifecycle';
import { APPROVAL_TENANT } from '../seed/marketplace';
import { settleAfterMs, TIMING } from '../tasks';

const backend = () => getBackend();
const db = () => backend().db;
const advance = (ms: number) => backend().clock.advance(ms);

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

describe('snapshot PUT/PATCH schedules an update (UpdateExecutor, §4.4, §6 E2)', () => {
  it('200 in UPDATE_SCHEDULED, UPDATING at the first task, OK when it returns; a second edit meanwhile is a 409', async () => {
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const url = `/api/openstack-snapshots/${snapshot.uuid}/`;
    const state = async () => ((await call('GET', url)).body as { state: string }).state;
    expect(
      await call('PUT', url, { body: { name: 'renamed', description: 'edited' } }),
    ).toMatchObject({
      status: 200,
      body: { name: 'renamed', description: 'edited', state: 'UPDATE_SCHEDULED' },
    });
    expect(await call('PATCH', url, { body: { description: 'again' } })).toMatchObject({
      status: 409,
      body: { detail: 'Valid states for operation: OK.' },
    });
    advance(TIMING.firstTaskMs - 1);
    expect(await state()).toBe('UPDATE_SCHEDULED');
    advance(1);
    expect(await state()).toBe('UPDATING');
    advance(settleAfterMs('update') - 1);
    expect(await state()).toBe('UPDATING');
    advance(1);
    expect((await call('GET', url)).body).toMatchObject({ state: 'OK', name: 'renamed' });
    expect((await call('PATCH', url, { body: { description: 'again' } })).status).toBe(200);
    // No action is set, so nothing is logged for the snapshot.
    expect(await historyOf(snapshot.uuid, 'openstack-snapshots')).not.toContain(
      'resource_update_scheduled',
    );
  });
});

describe('a rejected order is logged (marketplace/log.py `log_order_rejected`)', () => {
  it('marketplace_order_rejected, "Marketplace order has been rejected.", in the resource’s and the order’s feeds', async () => {
    const placed = await call('POST', '/api/marketplace-orders/', {
      as: 'admin',
      body: orderBody(APPROVAL_TENANT, { name: 'to-reject', size: 1024 }),
    });
    const order = placed.body as { uuid: string; marketplace_resource_uuid: string };
    backend().rejectOrder(order.uuid);
    const events = (
      await call(
        'GET',
        `/api/events/?scope=${encodeURIComponent(link('marketplace-resources', order.marketplace_resource_uuid))}`,
      )
    ).body as { event_type: string; message: string; context: Record<string, unknown> }[];
    expect(events[0]).toMatchObject({
      event_type: 'marketplace_order_rejected',
      message: 'Marketplace order has been rejected.',
      context: { order_uuid: order.uuid, resource_name: 'to-reject' },
    });
    expect(await historyOf(order.uuid, 'marketplace-orders')).toContain(
      'marketplace_order_rejected',
    );
  });
});

describe('a new volume’s bootable flag and default type come from Cinder (backend.py `create_volume`)', () => {
  it('from an image: bootable false until the volume is created in Cinder, then what Cinder reports (true)', async () => {
    const tenant = db().tenants[0]!;
    const image = db().images.find(
      (i) => i.settings_uuid === tenant.service_settings_uuid && i.min_disk <= 20480,
    )!;
    const placed = await call('POST', '/api/marketplace-orders/', {
      body: orderBody(0, {
        name: 'from-image',
        size: 20480,
        image: link('openstack-images', image.uuid),
      }),
    });
    expect(placed.status).toBe(201);
    advance(ORDER_PICKUP_MS);
    await call('GET', '/api/marketplace-orders/');
    const volume = db().volumes.find((v) => v.name === 'from-image')!;
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'CREATION_SCHEDULED',
      bootable: false,
      image: link('openstack-images', image.uuid),
    });
    advance(TIMING.firstTaskMs);
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'CREATING',
      bootable: true,
    });
    advance(settleAfterMs('create'));
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'OK',
      bootable: true,
    });
  });

  it('without a type: none until Cinder creates it, then the tenant’s default_volume_type_name (not the first type)', async () => {
    const tenant = db().tenants[0]!;
    const tenants = (await call('GET', `/api/openstack-tenants/?uuid=${tenant.uuid}`)).body as {
      default_volume_type_name: string;
    }[];
    expect(tenants[0]!.default_volume_type_name).toBe('hdd');
    const first = db().volume_types.find((t) => t.tenant_uuids.includes(tenant.uuid))!;
    expect(first.name).not.toBe('hdd');
    const hdd = db().volume_types.find(
      (t) => t.tenant_uuids.includes(tenant.uuid) && t.name === 'hdd',
    )!;
    await call('POST', '/api/marketplace-orders/', {
      body: orderBody(0, { name: 'untyped', size: 1024 }),
    });
    advance(ORDER_PICKUP_MS);
    await call('GET', '/api/marketplace-orders/');
    const volume = db().volumes.find((v) => v.name === 'untyped')!;
    const scheduled = (await call('GET', volumeUrl(volume.uuid))).body as Record<string, unknown>;
    expect(scheduled).toMatchObject({ type: null, bootable: false });
    expect(scheduled).not.toHaveProperty('type_name');
    advance(TIMING.firstTaskMs);
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'CREATING',
      type: link('openstack-volume-types', hdd.uuid),
      type_name: 'hdd',
      bootable: false,
    });
  });
});
