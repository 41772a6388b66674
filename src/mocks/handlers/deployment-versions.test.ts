// The Waldur releases the demo plays (contract-lifecycle §8, `deployment.version`): a 2024 server
// (`7.x`) against today's (`8.x`, the default). Newer Waldur's background delete check is in
// ./deployment-newer.test.ts.
import { describe, expect, it } from 'vitest';
import { call, demoVolume, link, volumeUrl } from '../../../test/demo-api';
import { okAvailable } from '../../../test/seed-queries';
import { getBackend, skipResponseContractCheck } from '../../../test/setup';

const backend = () => getBackend();
const db = () => backend().db;
const play = (version: '7.x' | '8.x' | 'newer') => {
  backend().deployment = { ...backend().deployment, version };
};
const customerOf = (projectUuid: string) =>
  db().projects.find((p) => p.uuid === projectUuid)!.customer_uuid;

describe('7.x: a 2024 server sends the fields of its time', () => {
  it('no customer_uuid on volumes, snapshots or instances (BaseResourceSerializer); the customer URL is there', async () => {
    skipResponseContractCheck(); // the 8.0.5 schema knows only today's state spelling
    play('7.x');
    const v = demoVolume(okAvailable);
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const instance = db().instances.find((i) => i.state === 'OK')!;
    for (const [path, projectUuid] of [
      [volumeUrl(v.uuid), v.project_uuid],
      [`/api/openstack-snapshots/${snapshot.uuid}/`, snapshot.project_uuid],
      [`/api/openstack-instances/${instance.uuid}/`, instance.project_uuid],
    ] as const) {
      const body = (await call('GET', path)).body as Record<string, unknown>;
      expect(body).not.toHaveProperty('customer_uuid');
      expect(body.customer).toBe(link('customers', customerOf(projectUuid)));
      expect(body.project_uuid).toBe(projectUuid);
    }
    const rows = (await call('GET', '/api/openstack-volumes/?page_size=5')).body as object[];
    for (const row of rows) expect(row).not.toHaveProperty('customer_uuid');
    play('8.x');
    expect((await call('GET', volumeUrl(v.uuid))).body).toMatchObject({
      customer_uuid: customerOf(v.project_uuid),
    });
  });

  it('order details without the *_username fields (OrderDetailsSerializer 2024); 8.x has them', async () => {
    const order = db().orders.find((o) => o.consumer_reviewed_by)!;
    const creator = db().users.find((u) => u.uuid === order.created_by)!;
    const url = `/api/marketplace-orders/${order.uuid}/`;
    play('7.x');
    const old = (await call('GET', url)).body as Record<string, unknown>;
    expect(old).not.toHaveProperty('created_by_username');
    expect(old).not.toHaveProperty('consumer_reviewed_by_username');
    expect(old).toMatchObject({
      created_by_full_name: creator.full_name,
      consumer_reviewed_by: expect.any(String),
    });
    play('8.x');
    expect((await call('GET', url)).body).toMatchObject({
      created_by_username: creator.username,
      consumer_reviewed_by_username: expect.any(String),
    });
  });

  it('descriptions of at most 2,000 characters wherever one is validated (DESCRIPTION_LENGTH = 2000)', async () => {
    skipResponseContractCheck(); // the accepted PATCH answers "Update Scheduled"
    play('7.x');
    const long = 'd'.repeat(2001);
    const tooLong = { description: ['Ensure this field has no more than 2000 characters.'] };
    const v = demoVolume(okAvailable);
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const offering = db().offerings.find(
      (o) => o.tenant_uuid === db().tenants[0]!.uuid && o.type === 'OpenStack.Volume',
    )!;
    const refused = [
      await call('PATCH', volumeUrl(v.uuid), { body: { description: long } }),
      await call('PUT', volumeUrl(v.uuid), { body: { name: v.name, description: long } }),
      await call('POST', `${volumeUrl(v.uuid)}snapshot/`, {
        body: { name: 'snap', description: long },
      }),
      await call('PATCH', `/api/openstack-snapshots/${snapshot.uuid}/`, {
        body: { description: long },
      }),
      await call('POST', `/api/openstack-snapshots/${snapshot.uuid}/restore/`, {
        body: { name: 'restored', description: long },
      }),
      await call('POST', '/api/marketplace-orders/', {
        body: {
          offering: link('marketplace-public-offerings', offering.uuid),
          project: link('projects', offering.project_uuid),
          attributes: { name: 'long', size: 1024, description: long },
        },
      }),
    ];
    for (const response of refused) expect(response).toMatchObject({ status: 400, body: tooLong });
    expect(
      (await call('PATCH', volumeUrl(v.uuid), { body: { description: 'd'.repeat(2000) } })).status,
    ).toBe(200);
  });

  it('8.x (the default) takes 4,096 characters', async () => {
    expect(backend().deployment.version).toBe('8.x');
    const v = demoVolume(okAvailable);
    expect(
      await call('PATCH', volumeUrl(v.uuid), { body: { description: 'd'.repeat(2001) } }),
    ).toMatchObject({ status: 200, body: { description: 'd'.repeat(2001) } });
  });

  it('terminate checks the volume’s delete preconditions at once: 409, and no order', async () => {
    play('7.x');
    const withSnapshots = db().volumes.find(
      (v) =>
        okAvailable(v, db()) &&
        !!v.marketplace &&
        db().snapshots.some((s) => s.source_volume_uuid === v.uuid),
    )!;
    const orders = db().orders.length;
    expect(
      await call(
        'POST',
        `/api/marketplace-resources/${withSnapshots.marketplace!.resource_uuid}/terminate/`,
      ),
    ).toMatchObject({ status: 409, body: { detail: 'Volume has dependent snapshots.' } });
    expect(db().orders).toHaveLength(orders);
  });

  it('`legacyStates` is the 7.x switch, for the callers that set it', () => {
    backend().legacyStates = true;
    expect(backend().deployment.version).toBe('7.x');
    expect(backend().legacyStates).toBe(true);
    backend().legacyStates = false;
    expect(backend().deployment.version).toBe('8.x');
  });
});
