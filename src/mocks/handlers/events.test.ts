// The demo's event log against contract-lifecycle.md §5: what an operation logs, in whose feed,
// who may read it, and the history the seed gives every volume.
import { describe, expect, it } from 'vitest';
import { call, historyOf, link, volumeUrl } from '../../../test/demo-api';
import { findVolume, okAvailable } from '../../../test/seed-queries';
import { getBackend } from '../../../test/setup';
import { settleAfterMs, TIMING } from '../tasks';

const backend = () => getBackend();
const db = () => backend().db;
const advance = (ms: number) => backend().clock.advance(ms);

describe('the event log (GET /api/events/)', () => {
  it('an action logs scheduled and succeeded in Waldur’s words, newest first', async () => {
    const volume = findVolume(db(), (v, d) => okAvailable(v, d) && !!v.marketplace);
    const size = volume.size; // the record grows with the extend
    await call('POST', `${volumeUrl(volume.uuid)}extend/`, {
      body: { disk_size: size + 1024 },
    });
    advance(TIMING.firstTaskMs + settleAfterMs('extend'));
    const events = (
      await call(
        'GET',
        `/api/events/?scope=${encodeURIComponent(link('marketplace-resources', volume.marketplace!.resource_uuid))}&page_size=3`,
      )
    ).body as { event_type: string; message: string; context: Record<string, unknown> }[];
    expect(events.map((e) => [e.event_type, e.message])).toEqual([
      [
        'marketplace_resource_update_succeeded',
        `Resource ${volume.name} has been updated successfully.`,
      ],
      [
        'resource_extend_succeeded',
        `Successfully executed "Extend volume from ${size} MB to ${size + 1024} MB" operation for volume "${volume.name}"`,
      ],
      [
        'resource_extend_scheduled',
        `Operation "Extend volume from ${size} MB to ${size + 1024} MB" has been scheduled for volume "${volume.name}"`,
      ],
    ]);
    // Logged inside the request: the user's keys; the project's and customer's at the top level.
    expect(events[2]!.context).toMatchObject({
      user_username: 'alice',
      project_uuid: volume.project_uuid,
      resource_type: 'OpenStack.Volume',
    });
    expect(events[0]!.context.user_username).toBeUndefined();
  });

  it('without a scope non-staff see nothing; a scope they may not see is a 400, like one that does not exist (§8)', async () => {
    expect(await call('GET', '/api/events/', { as: 'admin' })).toMatchObject({
      status: 200,
      body: [],
    });
    const foreign = db().volumes.find(
      (v) => !backend().canSee(backend().user('pat'), v.project_uuid),
    )!;
    const hidden = link('openstack-volumes', foreign.uuid);
    expect(
      await call('GET', `/api/events/?scope=${encodeURIComponent(hidden)}`, { as: 'admin' }),
    ).toMatchObject({ status: 400, body: [`Can't restore object from url: ${hidden}`] });
    // Staff see it: the same URL resolves for them.
    expect((await call('GET', `/api/events/?scope=${encodeURIComponent(hidden)}`)).status).toBe(
      200,
    );
    const bad = link('openstack-volumes', '0'.repeat(32));
    expect((await call('GET', `/api/events/?scope=${encodeURIComponent(bad)}`)).body).toEqual([
      `Can't restore object from url: ${bad}`,
    ]);
  });

  it('every seeded volume has a history, and an ERRED one ends with its failing event', async () => {
    for (const volume of db().volumes.slice(0, 40)) {
      expect(await historyOf(volume.uuid)).not.toEqual([]);
    }
    const erred = findVolume(
      db(),
      (v) => v.state === 'ERRED' && v.error_traceback.includes('extend_volume'),
    );
    expect((await historyOf(erred.uuid)).slice(0, 2)).toEqual([
      'resource_extend_failed',
      'resource_extend_scheduled',
    ]);
  });
});
