// The demo's volume lifecycle against contract-lifecycle.md: ordering a volume (§2), approving it
// (§2.6), the walk to OK (§2.7), terminating (§3.2–3.3) and restoring a snapshot (§4.1); the
// event log (§5) is in ./events.test.ts. Each expectation quotes the contract's wording or timing.
import { describe, expect, it } from 'vitest';
import { call, historyOf, link, volumeUrl } from '../../../test/demo-api';
import { attachedTo, findVolume, okAvailable } from '../../../test/seed-queries';
import { getBackend } from '../../../test/setup';
import { ORDER_PICKUP_MS } from '../lifecycle';
import { APPROVAL_TENANT } from '../seed/marketplace';
import { settleAfterMs, TIMING } from '../tasks';

const backend = () => getBackend();
const db = () => backend().db;
const advance = (ms: number) => backend().clock.advance(ms);

function volumeOffering(billable = false) {
  const tenant = db().tenants[billable ? APPROVAL_TENANT : 0]!;
  return db().offerings.find(
    (o) => o.tenant_uuid === tenant.uuid && o.type === 'OpenStack.Volume',
  )!;
}

function orderBody(attributes: Record<string, unknown>, billable = false) {
  const offering = volumeOffering(billable);
  return {
    offering: link('marketplace-public-offerings', offering.uuid),
    project: link('projects', offering.project_uuid),
    attributes,
    limits: {},
    accepting_terms_of_service: true,
  };
}

interface Order {
  uuid: string;
  state: string;
  marketplace_resource_uuid: string;
  resource_uuid: string | null;
  error_message: string;
}

const getOrder = async (uuid: string) =>
  (await call('GET', `/api/marketplace-orders/${uuid}/`)).body as Order;

describe('ordering a volume (POST /api/marketplace-orders/)', () => {
  it('201 with the create serializer’s body and a Location; then CREATION_SCHEDULED → CREATING → OK, order done', async () => {
    const response = await call('POST', '/api/marketplace-orders/', {
      body: orderBody({ name: 'fresh-01', size: 10240, description: 'scratch disk' }),
    });
    expect(response.status).toBe(201);
    const order = response.body as Order & { url: string; created_by: string; type: string };
    expect(response.headers.get('location')).toBe(order.url);
    expect(order).toMatchObject({ state: 'executing', type: 'Create', resource_uuid: null });
    expect(order.created_by).toMatch(/\/api\/users\/[0-9a-f]{32}\/$/); // a URL in the 201 only

    advance(ORDER_PICKUP_MS);
    const made = await getOrder(order.uuid);
    const volume = () => db().volumes.find((v) => v.name === 'fresh-01')!;
    expect(volume()).toMatchObject({ state: 'CREATION_SCHEDULED', runtime_state: '' });
    expect(made.resource_uuid).toBe(volume().uuid);
    advance(TIMING.firstTaskMs);
    await call('GET', volumeUrl(volume().uuid));
    expect(volume()).toMatchObject({ state: 'CREATING', runtime_state: 'creating' });
    // First poll 30 s after the first task (§2.7 step 3).
    advance(TIMING.createPollStartMs - 1);
    await call('GET', volumeUrl(volume().uuid));
    expect(volume().state).toBe('CREATING');
    advance(1);
    expect((await call('GET', volumeUrl(volume().uuid))).body).toMatchObject({
      state: 'OK',
      runtime_state: 'available',
      size: 10240,
      description: 'scratch disk',
      marketplace_resource_state: 'OK',
    });
    expect(await getOrder(order.uuid)).toMatchObject({ state: 'done' });
    // The volume's own feed has its events; its marketplace resource's has the order's too.
    expect(await historyOf(volume().uuid)).toEqual([
      'resource_creation_succeeded',
      'resource_creation_scheduled',
    ]);
    expect(
      await historyOf(volume().uuid, 'marketplace-resources', made.marketplace_resource_uuid),
    ).toEqual([
      'marketplace_resource_create_succeeded',
      'marketplace_order_completed',
      'resource_creation_succeeded',
      'resource_creation_scheduled',
      'marketplace_resource_create_requested',
    ]);
  });

  it('field errors in Waldur’s words: whitespace name, no size, a type of another tenant, an image too big', async () => {
    const offering = volumeOffering();
    const foreignType = db().volume_types.find(
      (t) => !t.tenant_uuids.includes(offering.tenant_uuid),
    )!;
    const tenant = db().tenants.find((t) => t.uuid === offering.tenant_uuid)!;
    const image = db().images.find(
      (i) => i.settings_uuid === tenant.service_settings_uuid && i.min_disk > 10240,
    )!;
    const post = async (attributes: Record<string, unknown>) =>
      (await call('POST', '/api/marketplace-orders/', { body: orderBody(attributes) })).body;
    expect(await post({ name: '   ', size: 1024 })).toEqual({
      name: ['Ensure that name has at least one non-whitespace character.'],
    });
    expect(await post({ name: 'x' })).toEqual({
      non_field_errors: ['Snapshot or size should be defined'],
    });
    expect(
      await post({ name: 'x', size: 1024, type: link('openstack-volume-types', foreignType.uuid) }),
    ).toEqual({
      type: ['Volume type is not visible in tenant.'],
    });
    expect(
      await post({ name: 'x', size: 10240, image: link('openstack-images', image.uuid) }),
    ).toEqual({
      size: [`Volume size should be equal or greater than ${image.min_disk} for selected image`],
    });
    expect(db().orders.filter((o) => o.resource_name === 'x')).toEqual([]);
  });

  it('a quota past its limit is a bare-list 400; a stored 0 shows as -1 yet refuses (E6)', async () => {
    const zero = db().tenants[5]!;
    const offering = db().offerings.find(
      (o) => o.tenant_uuid === zero.uuid && o.type === 'OpenStack.Volume',
    )!;
    const shown = (await call('GET', `/api/marketplace-public-offerings/${offering.uuid}/`))
      .body as {
      quotas: { name: string; limit: number }[];
    };
    expect(shown.quotas.find((q) => q.name === 'volumes')?.limit).toBe(-1);
    const response = await call('POST', '/api/marketplace-orders/', {
      body: {
        offering: link('marketplace-public-offerings', offering.uuid),
        project: link('projects', offering.project_uuid),
        attributes: { name: 'none-left', size: 1024 },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      `One or more quotas were exceeded: volumes quota limit: 0, requires ${
        db().volumes.filter((v) => v.tenant_uuid === zero.uuid).length + 1
      }`,
    ]);
  });

  it('a project member’s order and a billable offering’s wait for a consumer approver; staff approve, it runs', async () => {
    const member = await call('POST', '/api/marketplace-orders/', {
      as: 'admin',
      body: orderBody({ name: 'needs-owner', size: 1024 }, true),
    });
    const order = member.body as Order;
    expect(order.state).toBe('pending-consumer');
    advance(60_000);
    expect(db().volumes.some((v) => v.name === 'needs-owner')).toBe(false);
    expect(
      (
        await call('POST', `/api/marketplace-orders/${order.uuid}/approve_by_consumer/`, {
          as: 'admin',
        })
      ).status,
    ).toBe(403);
    const approved = await call(
      'POST',
      `/api/marketplace-orders/${order.uuid}/approve_by_consumer/`,
    );
    expect([approved.status, approved.text]).toEqual([200, '']);
    expect(
      (await call('POST', `/api/marketplace-orders/${order.uuid}/approve_by_consumer/`)).body,
    ).toEqual({ detail: 'Valid states for operation: pending-consumer.' });
    advance(ORDER_PICKUP_MS);
    await call('GET', '/api/marketplace-orders/');
    expect(db().volumes.find((v) => v.name === 'needs-owner')?.state).toBe('CREATION_SCHEDULED');
  });

  it('a rejected order ends rejected and its resource Terminated; cancel is 405 for volume orders', async () => {
    const order = (
      await call('POST', '/api/marketplace-orders/', {
        as: 'admin',
        body: orderBody({ name: 'rejected-one', size: 1024 }, true),
      })
    ).body as Order;
    backend().rejectOrder(order.uuid);
    expect(await getOrder(order.uuid)).toMatchObject({ state: 'rejected' });
    expect(
      (await call('GET', `/api/marketplace-resources/${order.marketplace_resource_uuid}/`)).body,
    ).toMatchObject({ state: 'Terminated', scope: null });
  });
});

describe('terminating a volume (POST /api/marketplace-resources/{uuid}/terminate/)', () => {
  it('refuses synchronously with the volume’s own 409s, attached in Waldur’s odd ", ." wording', async () => {
    const attached = findVolume(db(), (v, d) => attachedTo(() => true)(v, d) && !!v.marketplace);
    const terminate = (uuid: string) =>
      call('POST', `/api/marketplace-resources/${uuid}/terminate/`);
    expect((await terminate(attached.marketplace!.resource_uuid)).body).toEqual({
      detail:
        'Valid runtime states for operation: available, error, error_restoring, error_extending, .',
    });
    const withSnapshots = findVolume(
      db(),
      (v, d) =>
        okAvailable(v, d) &&
        !!v.marketplace &&
        d.snapshots.some((s) => s.source_volume_uuid === v.uuid),
    );
    expect((await terminate(withSnapshots.marketplace!.resource_uuid)).body).toEqual({
      detail: 'Volume has dependent snapshots.',
    });
    const busy = findVolume(db(), (v) => v.state === 'UPDATING' && !!v.marketplace);
    expect((await terminate(busy.marketplace!.resource_uuid)).body).toEqual({
      detail: 'Valid states for operation: OK, Erred.',
    });
  });

  it('200 {order_uuid}; DELETION_SCHEDULED → DELETING → gone (404); the resource ends Terminated', async () => {
    const volume = findVolume(
      db(),
      (v, d) =>
        okAvailable(v, d) &&
        !!v.marketplace &&
        !d.snapshots.some((s) => s.source_volume_uuid === v.uuid),
    );
    const resourceUuid = volume.marketplace!.resource_uuid;
    const response = await call('POST', `/api/marketplace-resources/${resourceUuid}/terminate/`);
    expect(response.status).toBe(200);
    const { order_uuid } = response.body as { order_uuid: string };
    expect(
      (await call('POST', `/api/marketplace-resources/${resourceUuid}/terminate/`)).body,
    ).toEqual(['Pending order for resource already exists.']);
    advance(ORDER_PICKUP_MS);
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'DELETION_SCHEDULED',
      marketplace_resource_state: 'Terminating',
    });
    advance(TIMING.firstTaskMs);
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({ state: 'DELETING' });
    advance(settleAfterMs('delete'));
    expect(await call('GET', volumeUrl(volume.uuid))).toMatchObject({
      status: 404,
      body: { detail: 'No Volume matches the given query.' },
    });
    expect(await getOrder(order_uuid)).toMatchObject({ state: 'done' });
    expect((await call('GET', `/api/marketplace-resources/${resourceUuid}/`)).body).toMatchObject({
      state: 'Terminated',
      scope: null,
    });
    // Its history stays reachable through the marketplace resource (§3.3 step 7).
    const events = (
      await call(
        'GET',
        `/api/events/?scope=${encodeURIComponent(link('marketplace-resources', resourceUuid))}&page_size=5`,
      )
    ).body as { event_type: string }[];
    expect(events.map((e) => e.event_type)).toEqual(
      expect.arrayContaining([
        'marketplace_resource_terminate_succeeded',
        'resource_deletion_succeeded',
        'resource_deletion_scheduled',
      ]),
    );
  });
});

describe('restoring a snapshot (POST …/restore/)', () => {
  it('201 with the new volume, CREATION_SCHEDULED, described after the snapshot, no order; walks to OK', async () => {
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const response = await call('POST', `/api/openstack-snapshots/${snapshot.uuid}/restore/`, {
      body: { name: 'from-snapshot' },
    });
    expect(response.status).toBe(201);
    const volume = response.body as { uuid: string; marketplace_resource_uuid: string };
    expect(response.body).toMatchObject({
      name: 'from-snapshot',
      state: 'CREATION_SCHEDULED',
      description: `Restored from snapshot ${snapshot.name}`,
      size: snapshot.size,
      marketplace_resource_state: 'Creating',
    });
    expect(
      (
        await call(
          'GET',
          `/api/marketplace-orders/?resource_uuid=${volume.marketplace_resource_uuid}`,
        )
      ).body,
    ).toEqual([]);
    const restorations = await call(
      'GET',
      `/api/openstack-snapshots/${snapshot.uuid}/restorations/`,
    );
    expect(restorations.headers.get('x-result-count')).toBeNull();
    expect(restorations.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ volume_name: 'from-snapshot' })]),
    );
    advance(TIMING.firstTaskMs + settleAfterMs('create'));
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'OK',
      bootable: false,
    });
    expect(await historyOf(volume.uuid)).toEqual(
      expect.arrayContaining(['resource_import_succeeded', 'resource_creation_scheduled']),
    );
  });

  it('refuses a blank description and a snapshot that is not OK', async () => {
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    expect(
      (
        await call('POST', `/api/openstack-snapshots/${snapshot.uuid}/restore/`, {
          body: { name: 'x', description: '' },
        })
      ).body,
    ).toEqual({ description: ['This field may not be blank.'] });
    const busy = db().snapshots.find((s) => s.state !== 'OK' && s.state !== 'ERRED');
    if (!busy) throw new Error('the seed has a snapshot in transition');
    expect(
      (
        await call('POST', `/api/openstack-snapshots/${busy.uuid}/restore/`, {
          body: { name: 'x' },
        })
      ).body,
    ).toEqual({ detail: 'Valid states for operation: OK.' });
  });
});
