// Behaviours of the real Waldur the demo copies on purpose, each against the contract's text
// (../shared/waldur-api/contract-lifecycle.md §6 and issue 11 §5): a demo kinder than Waldur would
// hide exactly the bugs users meet.
import { describe, expect, it } from 'vitest';
import { call, stateOf, volumeUrl } from '../../../test/demo-api';
import { attachedTo, findVolume, okAvailable } from '../../../test/seed-queries';
import { getBackend, skipResponseContractCheck } from '../../../test/setup';
import { ZERO_QUOTA_TENANT } from '../seed/catalogue';
import { settleAfterMs, TIMING } from '../tasks';

const backend = () => getBackend();
const db = () => backend().db;

describe('E2: an update runs one branch, so bootable set together with a rename is lost at the next pull', () => {
  it('name and bootable in one PATCH: bootable is saved, and the next pull brings back Cinder’s value', async () => {
    const v = findVolume(db(), okAvailable);
    const renamed = `${v.name}-x`;
    await call('PATCH', volumeUrl(v.uuid), { body: { name: renamed, bootable: true } });
    expect((await call('GET', volumeUrl(v.uuid))).body).toMatchObject({ bootable: true });
    backend().clock.advance(TIMING.firstTaskMs + settleAfterMs('update'));
    expect((await call('POST', `${volumeUrl(v.uuid)}pull/`)).status).toBe(202);
    backend().clock.advance(TIMING.firstTaskMs + settleAfterMs('pull'));
    expect((await call('GET', volumeUrl(v.uuid))).body).toMatchObject({
      name: renamed,
      bootable: false,
    });
  });

  it('bootable alone in its PATCH reaches Cinder and survives the pull', async () => {
    const v = findVolume(db(), okAvailable);
    await call('PATCH', volumeUrl(v.uuid), { body: { bootable: true } });
    backend().clock.advance(TIMING.firstTaskMs + settleAfterMs('update'));
    await call('POST', `${volumeUrl(v.uuid)}pull/`);
    backend().clock.advance(TIMING.firstTaskMs + settleAfterMs('pull'));
    expect((await call('GET', volumeUrl(v.uuid))).body).toMatchObject({ bootable: true });
  });
});

describe('E3: staff set_ok and set_erred leave action and action_details as they were', () => {
  it('a volume stuck in UPDATING with action Attach keeps it after set_ok', async () => {
    const v = findVolume(db(), (x) => x.state === 'UPDATING' && x.action === 'Attach');
    expect(await call('POST', `${volumeUrl(v.uuid)}set_ok/`)).toMatchObject({
      status: 200,
      body: { detail: 'Resource has been marked as OK.' },
    });
    expect(await stateOf(v.uuid)).toMatchObject({ state: 'OK', action: 'Attach' });
    expect(
      await call('POST', `${volumeUrl(v.uuid)}set_erred/`, {
        body: { error_message: 'Stuck in Nova', error_traceback: '' },
      }),
    ).toMatchObject({ status: 200, body: { detail: 'Resource has been marked as ERRED.' } });
    expect(await stateOf(v.uuid)).toMatchObject({
      state: 'ERRED',
      action: 'Attach',
      error_message: 'Stuck in Nova',
    });
    expect((await call('POST', `${volumeUrl(v.uuid)}set_ok/`, { as: 'admin' })).status).toBe(403);
  });
});

describe('E4: unlinking a volume removes its snapshots from Waldur (on_delete=CASCADE)', () => {
  it('the snapshots go; a volume restored from one of them keeps existing, without a source', async () => {
    const snapshot = db().snapshots.find((s) =>
      db().volumes.some((v) => v.source_snapshot_uuid === s.uuid),
    )!;
    const source = snapshot.source_volume_uuid!;
    const restored = db().volumes.find((v) => v.source_snapshot_uuid === snapshot.uuid)!;
    const theirs = db().snapshots.filter((s) => s.source_volume_uuid === source);
    expect(theirs.length).toBeGreaterThan(0);
    expect((await call('POST', `${volumeUrl(source)}unlink/`)).status).toBe(204);
    for (const gone of theirs) {
      expect((await call('GET', `/api/openstack-snapshots/${gone.uuid}/`)).status).toBe(404);
    }
    expect((await call('GET', volumeUrl(restored.uuid))).body).toMatchObject({
      source_snapshot: null,
    });
  });
});

describe('E6: a quota limit stored as 0 is shown as -1, like unlimited, and enforced as 0', () => {
  it('the tenant’s quotas report -1 for it', async () => {
    const tenant = db().tenants[ZERO_QUOTA_TENANT]!;
    expect(tenant.quota_limits.volumes).toBe(0);
    const { body } = await call('GET', `/api/openstack-tenants/?uuid=${tenant.uuid}&field=quotas`);
    const quotas = (body as { quotas: { name: string; limit: number }[] }[])[0]!.quotas;
    expect(quotas.find((q) => q.name === 'volumes')).toMatchObject({ limit: -1 });
  });
});

describe('E7: a server from before 2025 spells states in title case, in answers and in the filter', () => {
  it('answers "Erred", takes state=Erred, refuses state=ERRED, and words its 409s the old way', async () => {
    skipResponseContractCheck(); // the 8.0.5 schema knows only today's spelling
    backend().legacyStates = true;
    const erred = db().volumes.filter((v) => v.state === 'ERRED');
    const rows = (await call('GET', '/api/openstack-volumes/?state=Erred&page_size=300')).body as {
      state: string;
    }[];
    expect(rows).toHaveLength(erred.length);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['Erred']));
    expect(await call('GET', '/api/openstack-volumes/?state=ERRED')).toMatchObject({
      status: 400,
      body: { state: ['Select a valid choice. ERRED is not one of the available choices.'] },
    });
    const busy = db().volumes.find((v) => v.state === 'UPDATE_SCHEDULED' && v.backend_id)!;
    expect(await call('POST', `${volumeUrl(busy.uuid)}pull/`)).toMatchObject({
      status: 409,
      body: { detail: 'Valid states for operation: OK, Erred.' },
    });
  });
});

describe('fields Waldur sends as null rather than leaving out', () => {
  it('instance_marketplace_uuid is null for an attached instance without a marketplace resource', async () => {
    const v = findVolume(db(), (x, d) => {
      const instance = d.instances.find((i) => i.uuid === x.instance_uuid);
      return attachedTo()(x, d) && instance?.marketplace === null;
    });
    const body = (await call('GET', volumeUrl(v.uuid))).body as Record<string, unknown>;
    expect(body).toHaveProperty('instance_marketplace_uuid', null);
    const detached = findVolume(db(), okAvailable);
    expect((await call('GET', volumeUrl(detached.uuid))).body).not.toHaveProperty(
      'instance_marketplace_uuid',
    );
  });
});

describe('the snapshot action validates its body before it looks the volume up', () => {
  it('a bad body is a 400 even for a volume the user cannot see; a good one then gets 404', async () => {
    const pat = backend().user('pat');
    const projects = new Set(pat.roles.map((r) => r.scope_uuid));
    const hidden = findVolume(db(), (x) => !projects.has(x.project_uuid));
    expect(
      await call('POST', `${volumeUrl(hidden.uuid)}snapshot/`, { as: 'admin', body: {} }),
    ).toMatchObject({ status: 400, body: { name: ['This field is required.'] } });
    expect(
      await call('POST', `${volumeUrl(hidden.uuid)}snapshot/`, {
        as: 'admin',
        body: { name: 'x' },
      }),
    ).toMatchObject({ status: 404, body: { detail: 'No Volume matches the given query.' } });
  });
});
