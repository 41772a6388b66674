// Newer Waldur checks a volume's delete preconditions when the Terminate order is processed, not in
// the request (contract-lifecycle §8: `VolumeDeleteProcessor`, marketplace_openstack/utils.py
// `delete_volume`): terminate answers 200, the order ends erred with the reason, the volume stays.
import { describe, expect, it } from 'vitest';
import { call, historyOf, volumeUrl } from '../../../test/demo-api';
import { attachedTo, okAvailable } from '../../../test/seed-queries';
import { getBackend } from '../../../test/setup';
import type { VolumeRecord } from '../db';
import { ORDER_PICKUP_MS } from '../lifecycle';
import { settleAfterMs, TIMING } from '../tasks';

const backend = () => getBackend();
const db = () => backend().db;
const advance = (ms: number) => backend().clock.advance(ms);
const playNewer = () => {
  backend().deployment = { ...backend().deployment, version: 'newer' };
};

const terminate = (volume: VolumeRecord, as?: 'admin' | 'member') =>
  call('POST', `/api/marketplace-resources/${volume.marketplace!.resource_uuid}/terminate/`, {
    ...(as ? { as } : {}),
  });
const order = async (uuid: string) =>
  (await call('GET', `/api/marketplace-orders/${uuid}/`)).body as Record<string, unknown>;
const resourceState = async (volume: VolumeRecord) =>
  (
    (await call('GET', `/api/marketplace-resources/${volume.marketplace!.resource_uuid}/`))
      .body as { state: string }
  ).state;

const withSnapshots = () =>
  db().volumes.find(
    (v) =>
      okAvailable(v, db()) &&
      !!v.marketplace &&
      db().snapshots.some((s) => s.source_volume_uuid === v.uuid),
  )!;

describe('newer: terminate is accepted, and the order ends erred when Celery processes it', () => {
  it('a volume with snapshots: 200, then the order erred "Volume has dependent snapshots.", the resource Erred, the volume OK', async () => {
    playNewer();
    const volume = withSnapshots();
    const response = await terminate(volume);
    expect(response.status).toBe(200);
    const { order_uuid } = response.body as { order_uuid: string };
    expect(await order(order_uuid)).toMatchObject({ state: 'executing', type: 'Terminate' });
    advance(ORDER_PICKUP_MS - 1);
    expect(await order(order_uuid)).toMatchObject({ state: 'executing' });
    advance(1);
    const erred = await order(order_uuid);
    expect(erred).toMatchObject({
      state: 'erred',
      error_message: 'Volume has dependent snapshots.',
    });
    expect(erred.error_traceback).toMatch(
      /IncorrectStateException: Volume has dependent snapshots\.\n$/,
    );
    expect(erred.completed_at).toEqual(expect.any(String));
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'OK',
      runtime_state: 'available',
      marketplace_resource_state: 'Erred',
    });
    expect(await resourceState(volume)).toBe('Erred');
    // What Waldur logs: the request, then the failed order (`log_order_failed`); nothing more.
    const history = await historyOf(
      volume.uuid,
      'marketplace-resources',
      volume.marketplace!.resource_uuid,
    );
    expect(history.slice(0, 2)).toEqual([
      'marketplace_order_failed',
      'marketplace_resource_terminate_requested',
    ]);
    advance(60_000);
    expect(db().volumes.find((v) => v.uuid === volume.uuid)?.state).toBe('OK');
  });

  it('a later terminate of the Erred resource is accepted, and goes through once the snapshots are gone', async () => {
    playNewer();
    const volume = withSnapshots();
    await terminate(volume);
    advance(ORDER_PICKUP_MS);
    expect(await resourceState(volume)).toBe('Erred');
    expect((await terminate(volume)).status).toBe(200);
    advance(ORDER_PICKUP_MS);
    for (const s of db().snapshots.filter((x) => x.source_volume_uuid === volume.uuid))
      expect((await call('DELETE', `/api/openstack-snapshots/${s.uuid}/`)).status).toBe(202);
    advance(TIMING.firstTaskMs + settleAfterMs('delete'));
    const third = await terminate(volume);
    expect(third.status).toBe(200);
    advance(ORDER_PICKUP_MS);
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'DELETION_SCHEDULED',
      marketplace_resource_state: 'Terminating',
    });
  });

  it('an attached volume ends erred with the runtime-state message', async () => {
    playNewer();
    const volume = db().volumes.find((v) => attachedTo()(v, db()) && !!v.marketplace)!;
    const { order_uuid } = (await terminate(volume)).body as { order_uuid: string };
    advance(ORDER_PICKUP_MS);
    expect(await order(order_uuid)).toMatchObject({
      state: 'erred',
      error_message:
        'Valid runtime states for operation: available, error, error_restoring, error_extending, .',
    });
    expect((await call('GET', volumeUrl(volume.uuid))).body).toMatchObject({
      state: 'OK',
      runtime_state: 'in-use',
    });
  });

  it('permissions, the resource state and a pending order are still checked in the request', async () => {
    playNewer();
    const volume = withSnapshots();
    const pat = backend().user('pat');
    const mia = backend().user('mia');
    const hidden = db().volumes.find(
      (v) => !!v.marketplace && !backend().canSee(pat, v.project_uuid),
    )!;
    expect((await terminate(hidden, 'admin')).status).toBe(404);
    const readOnly = db().volumes.find(
      (v) =>
        !!v.marketplace &&
        backend().canSee(mia, v.project_uuid) &&
        !backend().canAdminister(mia, v.project_uuid),
    )!;
    expect((await terminate(readOnly, 'member')).status).toBe(403);
    const busy = db().volumes.find((v) => v.state === 'UPDATING' && !!v.marketplace)!;
    expect((await terminate(busy)).body).toEqual({
      detail: 'Valid states for operation: OK, Erred.',
    });
    expect((await terminate(volume)).status).toBe(200);
    expect(await terminate(volume)).toMatchObject({
      status: 400,
      body: ['Pending order for resource already exists.'],
    });
  });
});

describe('8.x: what changed between the request and Celery is refused then too', () => {
  it('a snapshot taken before the order is processed: the order ends erred with the internal DELETE’s 409 as text', async () => {
    const volume = db().volumes.find(
      (v) =>
        okAvailable(v, db()) &&
        !!v.marketplace &&
        !db().snapshots.some((s) => s.source_volume_uuid === v.uuid),
    )!;
    const { order_uuid } = (await terminate(volume)).body as { order_uuid: string };
    expect(
      (await call('POST', `${volumeUrl(volume.uuid)}snapshot/`, { body: { name: 'late' } })).status,
    ).toBe(201);
    advance(ORDER_PICKUP_MS);
    expect(await order(order_uuid)).toMatchObject({
      state: 'erred',
      error_message:
        "{'detail': ErrorDetail(string='Volume has dependent snapshots.', code='error')}",
    });
    expect(db().volumes.find((v) => v.uuid === volume.uuid)?.state).toBe('OK');
  });
});
