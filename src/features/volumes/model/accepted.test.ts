// What a re-read shows after a lost answer (src/lib/writes.ts): the pure rules of model/accepted.
import { describe, expect, it } from 'vitest';
import {
  isCreateOrderFor,
  newOrderShown,
  newRestorationShown,
  orderShowsApproval,
  snapshotShowsDeletion,
  snapshotShowsEdit,
  volumeShowsRequest,
} from './accepted';
import type { Order, Restoration } from './lifecycle';
import type { Snapshot, Volume } from './schemas';

const HEX = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
const vol = (patch: Partial<Volume>): Volume => ({ uuid: HEX, ...patch });

describe('what re-reading shows after a lost answer', () => {
  it('edit: every sent field saved', () => {
    const request = { action: 'edit', body: { name: 'b', bootable: true } } as const;
    expect(volumeShowsRequest(vol({ name: 'b', bootable: true }), request)).toBe(true);
    expect(volumeShowsRequest(vol({ name: 'b', bootable: false }), request)).toBe(false);
    expect(volumeShowsRequest(null, request)).toBe(false);
  });

  it('attach, extend and retype: the new instance, size or type saved', () => {
    const instance = `https://h/api/openstack-instances/${HEX}/`;
    expect(volumeShowsRequest(vol({ instance }), { action: 'attach', body: { instance } })).toBe(
      true,
    );
    expect(
      volumeShowsRequest(vol({ instance: null }), { action: 'attach', body: { instance } }),
    ).toBe(false);
    expect(
      volumeShowsRequest(vol({ size: 2048 }), { action: 'extend', body: { disk_size: 2048 } }),
    ).toBe(true);
    expect(
      volumeShowsRequest(vol({ size: 1024 }), { action: 'extend', body: { disk_size: 2048 } }),
    ).toBe(false);
    const type = `https://h/api/openstack-volume-types/${HEX}/`;
    expect(volumeShowsRequest(vol({ type }), { action: 'retype', body: { type } })).toBe(true);
    expect(volumeShowsRequest(vol({ type: null }), { action: 'retype', body: { type } })).toBe(
      false,
    );
  });

  it('detach and pull: their action under way (a leftover one does not count)', () => {
    expect(
      volumeShowsRequest(vol({ state: 'UPDATE_SCHEDULED', action: 'Detach' }), {
        action: 'detach',
      }),
    ).toBe(true);
    expect(volumeShowsRequest(vol({ state: 'OK', action: 'Detach' }), { action: 'detach' })).toBe(
      false,
    );
    expect(
      volumeShowsRequest(vol({ state: 'UPDATING', action: 'Attach' }), { action: 'detach' }),
    ).toBe(false);
    expect(volumeShowsRequest(vol({ state: 'UPDATING', action: 'Pull' }), { action: 'pull' })).toBe(
      true,
    );
  });

  it('a snapshot is never taken as shown by the volume, whatever its state', () => {
    for (const state of ['OK', 'DELETING', 'DELETION_SCHEDULED', 'UPDATING'])
      expect(
        volumeShowsRequest(vol({ state, marketplace_resource_state: 'Terminating' }), {
          action: 'snapshot',
        }),
      ).toBe(false);
  });

  it('marks and unlink; delete and snapshot are not read from the volume', () => {
    expect(volumeShowsRequest(vol({ state: 'OK' }), { action: 'set_ok' })).toBe(true);
    expect(volumeShowsRequest(vol({ state: 'ERRED' }), { action: 'set_ok' })).toBe(false);
    const erred = { action: 'set_erred', body: { error_message: 'stuck' } } as const;
    expect(volumeShowsRequest(vol({ state: 'ERRED', error_message: 'stuck' }), erred)).toBe(true);
    expect(volumeShowsRequest(vol({ state: 'ERRED', error_message: 'other' }), erred)).toBe(false);
    expect(volumeShowsRequest(vol({ state: 'OK', error_message: 'stuck' }), erred)).toBe(false);
    expect(volumeShowsRequest(null, { action: 'unlink' })).toBe(true);
    expect(volumeShowsRequest(vol({}), { action: 'unlink' })).toBe(false);
    // Delete and snapshot make something new: looked for among orders and snapshots instead.
    for (const now of [null, vol({ state: 'DELETING' }), vol({ state: 'DELETION_SCHEDULED' })])
      expect(volumeShowsRequest(now, { action: 'delete' })).toBe(false);
    expect(volumeShowsRequest(vol({}), { action: 'snapshot' })).toBe(false);
  });
});

describe('what re-reading shows of a request that makes something new', () => {
  const order = (uuid: string, patch: Partial<Order> = {}): Order => ({
    uuid,
    type: 'Create',
    offering_uuid: 'off',
    attributes: { name: 'data-01' },
    ...patch,
  });

  it('a new order: the first match above the one that was newest before, whatever its state', () => {
    const matches = isCreateOrderFor('off', 'data-01');
    const orders = [
      order('c', { attributes: { name: 'other' } }),
      order('b', { state: 'erred' }),
      order('a'),
    ];
    expect(newOrderShown(orders, 'a', matches)?.uuid).toBe('b');
    // The match below the one that was there before is an older order, not this request's.
    expect(newOrderShown(orders, 'b', matches)).toBeNull();
    expect(newOrderShown(orders, 'c', matches)).toBeNull();
    // A project without orders before: any match is new.
    expect(newOrderShown([order('a')], null, matches)?.uuid).toBe('a');
    expect(newOrderShown([], null, matches)).toBeNull();
  });

  it('a Create order for this offering and name (an order without offering_uuid matches by name)', () => {
    const matches = isCreateOrderFor('off', 'data-01');
    expect(matches(order('a'))).toBe(true);
    expect(matches(order('a', { type: 'Terminate' }))).toBe(false);
    expect(matches(order('a', { offering_uuid: 'elsewhere' }))).toBe(false);
    expect(matches(order('a', { offering_uuid: undefined }))).toBe(true);
    expect(matches(order('a', { attributes: {}, resource_name: 'data-01' }))).toBe(true);
    expect(matches(order('a', { attributes: { name: 'data-02' } }))).toBe(false);
  });

  it('approval: no longer waiting for a consumer, and not rejected', () => {
    for (const state of ['executing', 'done', 'erred', 'pending-provider'])
      expect(orderShowsApproval(order('a', { state }))).toBe(true);
    for (const state of ['pending-consumer', 'rejected'])
      expect(orderShowsApproval(order('a', { state }))).toBe(false);
  });

  it('a snapshot edit: every field saved; keep-until compared as an instant', () => {
    const body = { name: 'n', description: 'd', kept_until: '2027-01-02T03:04:05.000Z' };
    const snap = (patch: Partial<Snapshot>): Snapshot => ({
      uuid: HEX,
      name: 'n',
      description: 'd',
      kept_until: '2027-01-02T03:04:05.000000Z',
      ...patch,
    });
    expect(snapshotShowsEdit(snap({}), body)).toBe(true);
    expect(snapshotShowsEdit(snap({ name: 'old' }), body)).toBe(false);
    expect(snapshotShowsEdit(snap({ description: null }), { ...body, description: '' })).toBe(true);
    expect(snapshotShowsEdit(snap({ description: 'x' }), body)).toBe(false);
    expect(snapshotShowsEdit(snap({ kept_until: null }), body)).toBe(false);
    expect(snapshotShowsEdit(snap({ kept_until: null }), { ...body, kept_until: null })).toBe(true);
  });

  it('a snapshot deletion: gone, scheduled or under way', () => {
    expect(snapshotShowsDeletion(null)).toBe(true);
    expect(snapshotShowsDeletion({ uuid: HEX, state: 'DELETION_SCHEDULED' })).toBe(true);
    expect(snapshotShowsDeletion({ uuid: HEX, state: 'DELETING' })).toBe(true);
    expect(snapshotShowsDeletion({ uuid: HEX, state: 'OK' })).toBe(false);
  });

  it('a restore: a restoration of that name that was not there before', () => {
    const r = (uuid: string, name: string): Restoration => ({
      volume: `https://h/api/openstack-volumes/${uuid}/`,
      volume_name: name,
    });
    const old = 'a'.repeat(32);
    const fresh = 'b'.repeat(32);
    const list = [r(old, 'copy'), r(fresh, 'copy')];
    expect(newRestorationShown(list, new Set([old]), 'copy')?.volume).toContain(fresh);
    expect(newRestorationShown(list, new Set([old, fresh]), 'copy')).toBeNull();
    expect(newRestorationShown(list, new Set(), 'other')).toBeNull();
  });
});
