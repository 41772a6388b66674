// @vitest-environment node
import type { Query } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/current-user';
import { planBulk } from './bulk';
import { LIVE_MAX_MS, LIVE_MIN_MS, liveInterval } from './live';
import type { Volume } from './schemas';

type Data = { busy: boolean };
const queryAt = (data: Data | undefined, dataUpdatedAt: number) =>
  ({ state: { data, dataUpdatedAt } }) as unknown as Query<Data, Error, Data, readonly unknown[]>;

describe('live refresh', () => {
  it('off when nothing runs; 2 s at first, doubling to 30 s while nothing changes, back to 2 s on a change', () => {
    const interval = liveInterval<Data>((d) => d.busy);
    const query = queryAt({ busy: true }, 1);
    expect(interval(queryAt(undefined, 0))).toBe(false);
    expect(interval(queryAt({ busy: false }, 0))).toBe(false);
    expect(interval(query)).toBe(LIVE_MIN_MS);
    expect(interval(query)).toBe(LIVE_MIN_MS); // asked again before new data: unchanged
    const same = query.state.data;
    let now = 1;
    const seen: (number | false)[] = [];
    for (let i = 0; i < 6; i++) {
      now += 1;
      Object.assign(query.state, { data: same, dataUpdatedAt: now });
      seen.push(interval(query));
    }
    expect(seen).toEqual([4000, 8000, 16000, LIVE_MAX_MS, LIVE_MAX_MS, LIVE_MAX_MS]);
    Object.assign(query.state, { data: { busy: true }, dataUpdatedAt: now + 1 });
    expect(interval(query)).toBe(LIVE_MIN_MS);
    Object.assign(query.state, { data: { busy: false }, dataUpdatedAt: now + 2 });
    expect(interval(query)).toBe(false);
    Object.assign(query.state, { data: { busy: true }, dataUpdatedAt: now + 3 });
    expect(interval(query)).toBe(LIVE_MIN_MS);
  });

  it('the first unchanged answer already doubles it', () => {
    const interval = liveInterval<Data>((d) => d.busy);
    const query = queryAt({ busy: true }, 1);
    expect(interval(query)).toBe(LIVE_MIN_MS);
    Object.assign(query.state, { dataUpdatedAt: 2 });
    expect(interval(query)).toBe(2 * LIVE_MIN_MS);
  });
});

describe('a bulk plan', () => {
  const admin = {
    is_staff: false,
    permissions: [{ role_name: 'PROJECT.ADMIN', scope_uuid: 'p' }],
  } as CurrentUser;
  const volume = (uuid: string, patch: Partial<Volume>): Volume => ({
    uuid,
    name: uuid,
    state: 'OK',
    runtime_state: 'available',
    backend_id: 'x',
    project_uuid: 'p',
    ...patch,
  });

  it('takes the eligible volumes and says why each of the others is skipped', () => {
    const plan = planBulk(
      [
        volume('a', {}),
        volume('b', { state: 'UPDATING', action: 'Extend' }),
        volume('c', { project_uuid: 'other', project_name: 'Other' }),
        volume('d', { backend_id: '' }),
      ],
      'pull',
      admin,
    );
    expect(plan.eligible.map((v) => v.uuid)).toEqual(['a']);
    expect(plan.skipped.map((s) => [s.volume.uuid, s.reason])).toEqual([
      ['b', 'Extending is in progress. Wait until it finishes.'],
      ['c', 'You need to be an admin or manager of project Other.'],
      ['d', 'The volume has no backend ID yet, so there is nothing in OpenStack to pull from.'],
    ]);
    expect(planBulk([], 'detach', admin)).toEqual({ eligible: [], skipped: [] });
  });
});
