import { describe, expect, it } from 'vitest';
import { call, demoVolume, link, volumeUrl } from '../../../test/demo-api';
import { okAvailable } from '../../../test/seed-queries';
import { getBackend } from '../../../test/setup';
import { TIGHT_QUOTA_TENANT } from '../seed/catalogue';
import { TIMING } from '../tasks';

// Snapshots in the demo backend: creating one from a volume (contract.md §3.2), its walk to OK,
// and the tenant's snapshot quota.
const backend = () => getBackend();

describe('snapshot', () => {
  it('201 with the new snapshot CREATION_SCHEDULED, CREATING at the first task, OK at its first poll 10 s later', async () => {
    const v = demoVolume(okAvailable);
    const response = await call('POST', `${volumeUrl(v.uuid)}snapshot/`, {
      body: {
        name: 'before-upgrade',
        metadata: { reason: 'test' },
        kept_until: '2030-01-01T00:00:00Z',
      },
    });
    expect(response.status).toBe(201);
    const snapshot = response.body as { uuid: string; kept_until: string };
    expect(snapshot).toMatchObject({
      name: 'before-upgrade',
      state: 'CREATION_SCHEDULED',
      runtime_state: '',
      backend_id: null,
      size: v.size,
      source_volume: link('openstack-volumes', v.uuid),
      source_volume_name: v.name,
      metadata: { reason: 'test' },
      resource_type: 'OpenStack.Snapshot',
    });
    expect(snapshot.kept_until).toMatch(/^2030-01-01T00:00:00\.\d{6}Z$/);
    backend().clock.advance(TIMING.firstTaskMs);
    expect(
      ((await call('GET', `/api/openstack-snapshots/${snapshot.uuid}/`)).body as { state: string })
        .state,
    ).toBe('CREATING');
    backend().clock.advance(TIMING.slowPollStartMs - 1);
    expect(
      ((await call('GET', `/api/openstack-snapshots/${snapshot.uuid}/`)).body as { state: string })
        .state,
    ).toBe('CREATING');
    backend().clock.advance(1);
    expect((await call('GET', `/api/openstack-snapshots/${snapshot.uuid}/`)).body).toMatchObject({
      state: 'OK',
      runtime_state: 'available',
    });
  });

  it('does not check the volume’s state (the backend has no validator), but validates the body', async () => {
    const erred = demoVolume((v) => v.state === 'ERRED');
    expect(
      (await call('POST', `${volumeUrl(erred.uuid)}snapshot/`, { body: { name: 'x' } })).status,
    ).toBe(201);
    const v = demoVolume(okAvailable);
    expect((await call('POST', `${volumeUrl(v.uuid)}snapshot/`, { body: {} })).body).toEqual({
      name: ['This field is required.'],
    });
    expect(
      (
        await call('POST', `${volumeUrl(v.uuid)}snapshot/`, {
          body: { name: 'x', kept_until: 'tomorrow' },
        })
      ).body,
    ).toEqual({
      kept_until: [
        'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
      ],
    });
  });

  it('400 with a bare list when the tenant’s snapshot quota is used up', async () => {
    const tenant = backend().db.tenants[TIGHT_QUOTA_TENANT]!;
    const v = demoVolume((x) => okAvailable(x, backend().db) && x.tenant_uuid === tenant.uuid);
    const post = () =>
      call('POST', `${volumeUrl(v.uuid)}snapshot/`, { body: { name: 'one more' } });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const refused = await post();
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([
      `One or more quotas were exceeded: snapshots quota limit: ${tenant.quota_limits.snapshots}, requires ${tenant.quota_limits.snapshots! + 1}`,
    ]);
  });
});
