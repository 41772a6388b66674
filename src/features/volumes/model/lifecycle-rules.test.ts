// @vitest-environment node
// The lifecycle's small rules: accepted requests after a lost answer, order states, quotas, the
// event log's kinds, snapshot actions, the snapshots page's view, bulk names and form fields.
import { describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/current-user';
import { outcomeText } from './bulk';
import { BULK_ACTIONS, BULK_LABELS, bulkDeleteConfirmation } from './bulk-actions';
import {
  canApproveOrder,
  EVENT_TYPES,
  eventKind,
  eventUser,
  isFailureEvent,
  isOrderFinished,
  isOrderPending,
  orderStateLabel,
  orderWait,
  quotaLeft,
} from './lifecycle';
import type { Snapshot } from './schemas';
import { snapshotAvailability } from './snapshot-rules';
import {
  EMPTY_SNAPSHOT_VIEW,
  isFiltered,
  parseSnapshotView,
  SNAPSHOT_FIELDS,
  snapshotViewToQuery,
  snapshotViewToSearch,
} from './snapshot-view';
import {
  confirmNameSchema,
  keptUntilField,
  nameField,
  snapshotName,
  toLocalInput,
} from './validation';

const HEX = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
describe('orders', () => {
  it('labels, pending and finished states, whose approval', () => {
    expect(orderStateLabel('pending-consumer')).toBe('Waiting for approval');
    expect(orderStateLabel('done')).toBe('Done');
    expect(orderStateLabel('pending-start-date')).toBe('Waiting for its start date');
    expect(orderStateLabel('new-state')).toBe('new-state');
    expect(orderStateLabel(undefined)).toBe('Unknown');
    for (const state of ['done', 'erred', 'canceled', 'rejected'])
      expect(isOrderFinished(state)).toBe(true);
    for (const state of ['executing', 'pending-consumer', 'mystery', null])
      expect(isOrderFinished(state)).toBe(false);
    expect(isOrderPending('pending-provider')).toBe(true);
    expect(isOrderPending('executing')).toBe(false);
    expect(isOrderPending(undefined)).toBe(false);
    expect(orderWait({ state: 'pending-consumer', customer_name: 'ARI' })).toBe(
      'approval by an owner of ARI (or staff)',
    );
    expect(orderWait({ state: 'pending-consumer', customer_name: '' })).toBe(
      'approval by an owner of the organisation (or staff)',
    );
    expect(orderWait({ state: 'pending-provider', customer_name: 'ARI' })).toBe(
      'approval by the service provider',
    );
  });

  it('an order held for its project’s start date says so, with the date when it is known', () => {
    const held = { state: 'pending-project', project_name: 'lunar', customer_name: 'ARI' };
    expect(orderWait(held, '2027-01-03')).toBe('the start of project lunar on 3 Jan 2027');
    expect(orderWait(held)).toBe('the start date of project lunar');
    expect(orderWait({ ...held, project_name: null })).toBe('the start date of the project');
    expect(orderWait(held)).not.toContain('undefined');
    expect(orderWait({ state: 'pending-start-date' })).toBe('the start date set on the order');
    expect(orderWait({ state: 'pending-someday' })).toBe('Waldur (the order is pending-someday)');
  });

  it('approvers: staff and owners of the order’s customer', () => {
    const owner = {
      is_staff: false,
      permissions: [{ role_name: 'CUSTOMER.OWNER', scope_uuid: HEX }],
    };
    expect(canApproveOrder({ is_staff: true }, null)).toBe(true);
    expect(canApproveOrder(owner, HEX)).toBe(true);
    expect(canApproveOrder(owner, 'f'.repeat(32))).toBe(false);
    expect(canApproveOrder(owner, null)).toBe(false);
    expect(
      canApproveOrder({ permissions: [{ role_name: 'PROJECT.ADMIN', scope_uuid: HEX }] }, HEX),
    ).toBe(false);
    expect(canApproveOrder(undefined, HEX)).toBe(false);
    expect(canApproveOrder({ is_staff: false, permissions: null }, HEX)).toBe(false);
    const ownerAndMember = {
      permissions: [
        { role_name: 'PROJECT.MEMBER', scope_uuid: 'f'.repeat(32) },
        { role_name: 'CUSTOMER.OWNER', scope_uuid: HEX },
      ],
    };
    expect(canApproveOrder(ownerAndMember, HEX)).toBe(true);
  });

  it('quota left, and no promise on a -1 (E6)', () => {
    const quotas = [
      { name: 'storage', usage: 1000, limit: 5000 },
      { name: 'volumes', usage: 3, limit: -1 },
      { name: 'snapshots', usage: 2, limit: 0 },
    ];
    expect(quotaLeft(quotas, 'storage')).toBe(4000);
    expect(quotaLeft(quotas, 'volumes')).toBeNull();
    expect(quotaLeft(quotas, 'snapshots')).toBe(-2);
    expect(quotaLeft(quotas, 'gigabytes_ssd')).toBeNull();
    expect(quotaLeft([{ name: 'storage', limit: 10 }], 'storage')).toBe(10);
    expect(quotaLeft(null, 'storage')).toBeNull();
    expect(quotaLeft([{ name: 'storage', usage: 1, limit: null }], 'storage')).toBeNull();
  });
});

describe('the event log', () => {
  it('sorts each event type into its kind; the kinds’ type lists are Waldur’s', () => {
    expect(eventKind('marketplace_order_completed')).toBe('order');
    expect(eventKind('marketplace_resource_update_failed')).toBe('marketplace');
    expect(eventKind('resource_creation_scheduled')).toBe('lifecycle');
    expect(eventKind('resource_deletion_succeeded')).toBe('lifecycle');
    expect(eventKind('resource_import_succeeded')).toBe('lifecycle');
    expect(eventKind('resource_extend_succeeded')).toBe('action');
    expect(eventKind(undefined)).toBe('action');
    expect(eventKind(null)).toBe('action');
    expect(eventKind('custom_resource_creation_succeeded')).toBe('action');
    for (const [kind, types] of Object.entries(EVENT_TYPES))
      for (const type of types) expect(eventKind(type), type).toBe(kind);
    expect(EVENT_TYPES.action).toHaveLength(15);
    expect(EVENT_TYPES.action).toContain('resource_retype_failed');
  });

  it('failures and who did it', () => {
    expect(isFailureEvent('resource_extend_failed')).toBe(true);
    expect(isFailureEvent('marketplace_resource_erred_on_backend')).toBe(true);
    expect(isFailureEvent('marketplace_order_failed')).toBe(true);
    expect(isFailureEvent('resource_failed_to_start_succeeded')).toBe(false);
    expect(isFailureEvent(null)).toBe(false);
    expect(isFailureEvent('marketplace_resource_erred_on_backend_cleared')).toBe(false);
    const base = { uuid: HEX };
    expect(
      eventUser({ ...base, context: { user_full_name: 'Alice', user_username: 'alice' } }),
    ).toBe('Alice');
    expect(eventUser({ ...base, context: { user_full_name: '', user_username: 'alice' } })).toBe(
      'alice',
    );
    expect(eventUser({ ...base, context: {} })).toBeUndefined();
    expect(eventUser({ ...base, context: { user_username: 7 } })).toBeUndefined();
    expect(eventUser(base)).toBeUndefined();
  });
});

describe('snapshot actions', () => {
  const snap = (patch: Partial<Snapshot>): Snapshot => ({
    uuid: HEX,
    state: 'OK',
    project_name: 'P',
    ...patch,
  });
  const staff = { is_staff: true } as CurrentUser;
  const reasons = (s: Snapshot, user: CurrentUser | undefined = staff) =>
    Object.fromEntries(snapshotAvailability(s, user).map((a) => [a.id, a.reason ?? null]));

  it('restore and edit need OK, delete OK or ERRED; each in transition says to wait', () => {
    expect(reasons(snap({}))).toEqual({ restore: null, edit: null, delete: null });
    expect(reasons(snap({ state: 'ERRED' }))).toEqual({
      restore: 'Possible only when the snapshot is OK; it is Erred.',
      edit: 'Possible only when the snapshot is OK; it is Erred.',
      delete: null,
    });
    expect(reasons(snap({ state: 'CREATING' })).delete).toBe(
      'The snapshot is creating. Wait until it finishes.',
    );
    expect(snapshotAvailability(snap({ state: 'ERRED' }), staff).map((a) => a.enabled)).toEqual([
      false,
      false,
      true,
    ]);
    expect(snapshotAvailability(snap({}), staff).map((a) => a.label)).toEqual([
      'Restore to a new volume…',
      'Edit…',
      'Delete…',
    ]);
  });

  it('someone without a managing role gets the permission’s reason for all three', () => {
    const member = { is_staff: false, permissions: [] } as unknown as CurrentUser;
    const all = reasons(snap({}), member);
    expect(new Set(Object.values(all))).toEqual(
      new Set(['You need to be an admin or manager of project P.']),
    );
  });
});

describe('the snapshots page’s view', () => {
  it('round-trips through the URL, defaults left out', () => {
    const search = `q=nightly&state=ERRED&state=OK&volume=${HEX}&project=${HEX}&sort=-size&page=2&size=50`;
    const view = parseSnapshotView(new URLSearchParams(search));
    expect(view).toEqual({
      search: 'nightly',
      states: ['ERRED', 'OK'],
      volume: HEX,
      project: HEX,
      sort: '-size',
      page: 2,
      pageSize: 50,
    });
    expect(snapshotViewToSearch(view)).toBe(`?${search}`);
    expect(snapshotViewToSearch(EMPTY_SNAPSHOT_VIEW)).toBe('');
    expect(snapshotViewToSearch({ ...EMPTY_SNAPSHOT_VIEW, states: ['OK', 'ERRED'] })).toBe(
      '?state=ERRED&state=OK',
    );
    expect(
      parseSnapshotView(new URLSearchParams('state=nope&volume=x&sort=colour&page=0&size=7')),
    ).toEqual(EMPTY_SNAPSHOT_VIEW);
    expect(parseSnapshotView(new URLSearchParams('q=%20a%20')).search).toBe('a');
  });

  it('asks newest first unless sorted, with the row fields', () => {
    expect(snapshotViewToQuery(EMPTY_SNAPSHOT_VIEW)).toEqual({
      name: undefined,
      state: undefined,
      source_volume_uuid: undefined,
      project_uuid: undefined,
      o: '-created',
      page: undefined,
      page_size: 25,
      field: SNAPSHOT_FIELDS,
    });
    expect(
      snapshotViewToQuery({
        ...EMPTY_SNAPSHOT_VIEW,
        search: 'a',
        states: ['OK'],
        volume: HEX,
        sort: 'name',
        page: 3,
      }),
    ).toMatchObject({ name: 'a', state: ['OK'], source_volume_uuid: HEX, o: 'name', page: 3 });
    expect(isFiltered(EMPTY_SNAPSHOT_VIEW)).toBe(false);
    expect(isFiltered({ ...EMPTY_SNAPSHOT_VIEW, volume: HEX })).toBe(true);
    expect(isFiltered({ ...EMPTY_SNAPSHOT_VIEW, states: ['OK'] })).toBe(true);
    expect(isFiltered({ ...EMPTY_SNAPSHOT_VIEW, project: HEX })).toBe(true);
    expect(isFiltered({ ...EMPTY_SNAPSHOT_VIEW, search: 'x' })).toBe(true);
  });
});

describe('bulk names and outcomes', () => {
  it('offers four actions, and a delete is confirmed by its count', () => {
    expect(BULK_ACTIONS.map((a) => a.id)).toEqual(['pull', 'snapshot', 'detach', 'delete']);
    expect(BULK_LABELS.delete).toEqual({ title: 'Delete volumes' });
    expect(bulkDeleteConfirmation(3)).toBe('delete 3');
  });

  it('says each outcome in words', () => {
    expect(outcomeText({ status: 'scheduled' })).toBe('Scheduled');
    expect(outcomeText({ status: 'failed', message: 'Nope.' })).toBe('Failed: Nope.');
    expect(outcomeText({ status: 'running' })).toBe('Sending…');
    expect(outcomeText({ status: 'queued' })).toBe('Waiting');
    expect(outcomeText({ status: 'cancelled' })).toBe('Not started (stopped)');
    expect(outcomeText({ status: 'unknown' })).toMatch(/unknown whether it was received$/);
  });
});

describe('form fields', () => {
  it('names: trimmed, required, at most 150 characters', () => {
    expect(nameField().safeParse('  a  ')).toEqual({ success: true, data: 'a' });
    expect(nameField('Say it').safeParse('   ').error?.issues[0]?.message).toBe('Say it');
    expect(nameField().safeParse('').error?.issues[0]?.message).toBe('Enter a name');
    expect(nameField().safeParse('x'.repeat(150)).success).toBe(true);
    expect(nameField().safeParse('x'.repeat(151)).error?.issues[0]?.message).toBe(
      'At most 150 characters',
    );
  });

  it('a typed confirmation is the name exactly, spaces around it aside', () => {
    expect(confirmNameSchema('data-01').safeParse(' data-01 ').success).toBe(true);
    expect(confirmNameSchema('data-01').safeParse('data-0').error?.issues[0]?.message).toBe(
      'Type data-01 exactly to confirm',
    );
  });

  it('retention: empty, or a date in the future', () => {
    expect(keptUntilField.safeParse('').success).toBe(true);
    expect(keptUntilField.safeParse('2999-01-01T00:00').success).toBe(true);
    expect(keptUntilField.safeParse('2000-01-01T00:00').error?.issues[0]?.message).toBe(
      'Retention must end in the future',
    );
    expect(keptUntilField.safeParse('soon').error?.issues[0]?.message).toBe(
      'Enter a date and time',
    );
    // The very minute it is now has already begun: not in the future.
    vi.useFakeTimers({ now: new Date(2026, 10, 20, 9, 30, 0, 0) });
    try {
      expect(keptUntilField.safeParse('2026-11-20T09:30').error?.issues[0]?.message).toBe(
        'Retention must end in the future',
      );
      expect(keptUntilField.safeParse('2026-11-20T09:31').success).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('dates as datetime-local values, and default snapshot names', () => {
    const local = toLocalInput('2026-03-04T05:06:07Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(new Date(local).getTime()).toBe(Date.parse('2026-03-04T05:06:00Z'));
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('garbage')).toBe('');
    expect(snapshotName({ name: 'data-01', uuid: HEX }, '20261127-1405')).toBe(
      'data-01-snap-20261127-1405',
    );
    expect(snapshotName({ name: '', uuid: HEX }, 'D')).toBe(`${HEX}-snap-D`);
    expect(snapshotName({ name: 'x'.repeat(200), uuid: HEX }, 'D')).toHaveLength(150);
    expect(snapshotName({ name: 'v', uuid: HEX }, 'D', '{date}/{name}')).toBe('D/v');
  });
});
