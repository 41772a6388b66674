// A project that starts in the future (`deployment.futureProjectStart`, contract-lifecycle §2.6
// step 2 and §8): its orders wait in `pending-project` until the start date passes on the demo
// clock, then go on as Waldur's `process_pending_project_orders` moves them.
import { describe, expect, it } from 'vitest';
import { call, link } from '../../../test/demo-api';
import { getBackend } from '../../../test/setup';
import { ORDER_PICKUP_MS } from '../lifecycle';
import { TEST_NOW } from '../node';
import { FUTURE_PROJECT_NAME } from '../project-start';

const backend = () => getBackend();
const db = () => backend().db;
const advance = (ms: number) => backend().clock.advance(ms);
const futureStart = (on: boolean) => {
  backend().deployment = { ...backend().deployment, futureProjectStart: on };
};
const project = () => db().projects.find((p) => p.name === FUTURE_PROJECT_NAME)!;
/** TEST_NOW is 2026-11-20T09:00Z: 30 days on, the project starts at 2026-12-20T00:00Z. */
const START = Date.parse('2026-12-20T00:00:00Z');

function offering() {
  const tenant = db().tenants.find((t) => t.project_uuid === project().uuid)!;
  return db().offerings.find(
    (o) => o.tenant_uuid === tenant.uuid && o.type === 'OpenStack.Volume',
  )!;
}

const placeOrder = (name: string, as: 'admin' | 'member' = 'admin') =>
  call('POST', '/api/marketplace-orders/', {
    as,
    body: {
      offering: link('marketplace-public-offerings', offering().uuid),
      project: link('projects', project().uuid),
      attributes: { name, size: 1024 },
    },
  });
const orderState = async (uuid: string) =>
  ((await call('GET', `/api/marketplace-orders/${uuid}/`)).body as { state: string }).state;

describe('a project that starts in 30 days', () => {
  it('the project shows its start_date (a date); the others null', async () => {
    const url = `/api/projects/${project().uuid}/`;
    expect((await call('GET', url)).body).toMatchObject({ start_date: null });
    futureStart(true);
    expect((await call('GET', url)).body).toMatchObject({
      name: 'Retail Forecasts',
      start_date: '2026-12-20',
    });
    const others = (await call('GET', '/api/projects/')).body as {
      name: string;
      start_date: string | null;
    }[];
    expect(others.filter((p) => p.start_date !== null).map((p) => p.name)).toEqual([
      'Retail Forecasts',
    ]);
    futureStart(false);
    expect((await call('GET', url)).body).toMatchObject({ start_date: null });
  });

  it('an order that needs no review waits in pending-project until the start, then executes and makes its volume', async () => {
    futureStart(true);
    for (const as of ['admin', 'member'] as const) {
      expect(((await placeOrder(`waits-${as}`, as)).body as { state: string }).state).toBe(
        'pending-project',
      );
    }
    const placed = await placeOrder('waits');
    expect(placed).toMatchObject({
      status: 201,
      body: {
        state: 'pending-project',
        consumer_reviewed_by: link('users', backend().user('pat').uuid),
      },
    });
    const { uuid, marketplace_resource_uuid } = placed.body as {
      uuid: string;
      marketplace_resource_uuid: string;
    };
    advance(START - TEST_NOW - 1);
    expect(await orderState(uuid)).toBe('pending-project');
    expect(db().volumes.some((v) => v.name === 'waits')).toBe(false);
    advance(1);
    expect(await orderState(uuid)).toBe('executing');
    advance(ORDER_PICKUP_MS);
    await call('GET', '/api/marketplace-orders/');
    expect(db().volumes.find((v) => v.name === 'waits')?.state).toBe('CREATION_SCHEDULED');
    // The release is what Waldur logs as the approval (`log_order_events` on `executing`).
    const events = (
      await call(
        'GET',
        `/api/events/?scope=${encodeURIComponent(link('marketplace-orders', uuid))}`,
      )
    ).body as { event_type: string; created: string }[];
    expect(events.map((e) => e.event_type)).toContain('marketplace_order_approved');
    expect(events.find((e) => e.event_type === 'marketplace_order_approved')!.created).toMatch(
      /^2026-12-20T00:00:00\.000/,
    );
    expect(marketplace_resource_uuid).toMatch(/^[0-9a-f]{32}$/);
  });

  it('turning the switch off clears the start date and releases the waiting orders at once', async () => {
    futureStart(true);
    const { uuid } = (await placeOrder('released')).body as { uuid: string };
    advance(60_000);
    expect(await orderState(uuid)).toBe('pending-project');
    futureStart(false);
    expect(project().start_date).toBeNull();
    expect(await orderState(uuid)).toBe('executing');
    advance(ORDER_PICKUP_MS);
    await call('GET', '/api/marketplace-orders/');
    expect(db().volumes.some((v) => v.name === 'released')).toBe(true);
    // Its old release time passes without a second run: one volume, the order done.
    advance(START - TEST_NOW);
    expect(await orderState(uuid)).toBe('done');
    expect(db().volumes.filter((v) => v.name === 'released')).toHaveLength(1);
  });

  it('an order that needs review stays pending-consumer; approved before the start, it waits in pending-project', async () => {
    futureStart(true);
    offering().billable = true; // a billable offering: project admins need an approver
    const { uuid } = (await placeOrder('reviewed')).body as { uuid: string };
    expect(await orderState(uuid)).toBe('pending-consumer');
    const approved = await call('POST', `/api/marketplace-orders/${uuid}/approve_by_consumer/`);
    expect(approved.status).toBe(200);
    expect(await orderState(uuid)).toBe('pending-project');
    advance(START - TEST_NOW);
    expect(await orderState(uuid)).toBe('executing');
  });

  it('a Terminate order of that project waits too', async () => {
    futureStart(true);
    const volume = db().volumes.find(
      (v) =>
        v.project_uuid === project().uuid &&
        v.state === 'OK' &&
        v.runtime_state === 'available' &&
        !!v.marketplace &&
        !db().snapshots.some((s) => s.source_volume_uuid === v.uuid),
    )!;
    const response = await call(
      'POST',
      `/api/marketplace-resources/${volume.marketplace!.resource_uuid}/terminate/`,
      { as: 'admin' },
    );
    const { order_uuid } = response.body as { order_uuid: string };
    expect(await orderState(order_uuid)).toBe('pending-project');
    advance(ORDER_PICKUP_MS);
    expect(db().volumes.find((v) => v.uuid === volume.uuid)?.state).toBe('OK');
  });
});
