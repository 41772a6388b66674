// @vitest-environment node
// The action rules one by one, in the backend's order (403, then each validator's 409), worded as
// what to do; checked without a page so each rule's boundary is pinned.
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/current-user';
import { type ActionId, actionAvailability, asksForInput, type RuleContext } from './action-rules';
import type { Instance, Volume } from './schemas';

const PROJECT = 'b'.repeat(32);
const CUSTOMER = 'c'.repeat(32);
const staff = { is_staff: true } as CurrentUser;
const admin = {
  is_staff: false,
  permissions: [{ role_name: 'PROJECT.ADMIN', scope_uuid: PROJECT }],
} as CurrentUser;
const owner = {
  is_staff: false,
  permissions: [{ role_name: 'CUSTOMER.OWNER', scope_uuid: CUSTOMER }],
} as CurrentUser;
const member = {
  is_staff: false,
  permissions: [{ role_name: 'PROJECT.MEMBER', scope_uuid: PROJECT }],
} as CurrentUser;
const support = { is_staff: false, is_support: true, permissions: [] } as unknown as CurrentUser;

const volume = (patch: Partial<Volume> = {}): Volume => ({
  uuid: 'a'.repeat(32),
  name: 'data-01',
  state: 'OK',
  runtime_state: 'available',
  bootable: false,
  backend_id: 'x',
  instance: null,
  project_uuid: PROJECT,
  project_name: 'Climate',
  customer_uuid: CUSTOMER,
  marketplace_resource_uuid: 'd'.repeat(32),
  marketplace_resource_state: 'OK',
  ...patch,
});

const attached = (patch: Partial<Volume> = {}) =>
  volume({
    runtime_state: 'in-use',
    instance: `https://h/api/openstack-instances/${'e'.repeat(32)}/`,
    instance_name: 'web-01',
    ...patch,
  });

function rule(id: ActionId, v: Volume, context: Partial<RuleContext> = {}) {
  return actionAvailability(v, { user: staff, ...context }).find((a) => a.id === id)!;
}
const reason = (id: ActionId, v: Volume, context: Partial<RuleContext> = {}) =>
  rule(id, v, context).reason ?? null;

describe('who may act', () => {
  it('staff, an admin of the project and an owner of its customer may; a member and support may not, saying why', () => {
    for (const user of [staff, admin, owner])
      expect(rule('edit', volume(), { user }).enabled).toBe(true);
    expect(reason('edit', volume(), { user: member })).toBe(
      'You need to be an admin or manager of project Climate.',
    );
    expect(reason('edit', volume(), { user: support })).toMatch(/^Support users have read-only/);
  });

  it('staff-only actions are hidden from others; the rest are visible to all', () => {
    for (const id of ['unlink', 'set_ok', 'set_erred'] as const) {
      expect(rule(id, volume(), { user: admin }).visible).toBe(false);
      expect(rule(id, volume(), { user: staff }).visible).toBe(true);
    }
    expect(rule('delete', volume(), { user: member }).visible).toBe(true);
  });

  it('says which actions ask for more (an ellipsis) and which run at once', () => {
    expect(asksForInput('pull')).toBe(false);
    expect(asksForInput('detach')).toBe(false);
    expect(asksForInput('extend')).toBe(true);
    expect(asksForInput('delete')).toBe(true);
  });
});

describe('each action’s state rules', () => {
  it('edit needs OK; an erred volume is pointed to pull, a busy one to wait', () => {
    expect(reason('edit', volume())).toBeNull();
    expect(reason('edit', volume({ state: 'ERRED' }))).toBe(
      'The volume is erred. Pull it to re-sync with OpenStack, then try again.',
    );
    expect(reason('edit', volume({ state: 'UPDATING', action: 'Extend' }))).toBe(
      'Extending is in progress. Wait until it finishes.',
    );
    expect(reason('edit', volume({ state: undefined }))).toBe(
      'Possible only when the volume is OK; it is Unknown.',
    );
  });

  it('attach needs it available (detach first) and OK', () => {
    expect(reason('attach', volume())).toBeNull();
    expect(reason('attach', attached())).toBe('It is attached to web-01. Detach it first.');
    expect(reason('attach', attached({ instance_name: undefined }))).toBe(
      'It is attached to an instance. Detach it first.',
    );
    expect(reason('attach', volume({ runtime_state: 'reserved' }))).toBe(
      'Possible only when the volume is available; OpenStack reports “Reserved”.',
    );
  });

  it('detach: not a boot volume, attached, in use, OK', () => {
    expect(reason('detach', attached())).toBeNull();
    expect(reason('detach', attached({ bootable: true }))).toMatch(
      /^It is a boot volume of web-01\./,
    );
    expect(reason('detach', volume({ bootable: true }))).toMatch(/^It is a boot volume\. /);
    expect(reason('detach', volume())).toBe('The volume is not attached to an instance.');
    expect(reason('detach', attached({ runtime_state: 'detaching' }))).toBe(
      'Possible only when the volume is in use; OpenStack reports “Detaching”.',
    );
    expect(reason('detach', attached({ state: 'ERRED' }))).toMatch(/^The volume is erred/);
  });

  it('extend: not bootable; an attached one only while its instance is OK and shut off', () => {
    const shutOff = { name: 'web-01', state: 'OK', runtime_state: 'SHUTOFF' } as Instance;
    expect(reason('extend', volume())).toBeNull();
    expect(reason('extend', volume({ bootable: true }))).toMatch(/^Boot volumes can’t be extended/);
    expect(reason('extend', attached(), { instance: shutOff })).toBeNull();
    expect(reason('extend', attached(), { instanceLoading: true })).toBe('Checking web-01…');
    expect(reason('extend', attached(), { instance: null })).toBeNull();
    expect(
      reason('extend', attached(), { instance: { ...shutOff, state: 'ERRED' } as Instance }),
    ).toBe('web-01 is Erred; it must be OK before an attached volume can be extended.');
    expect(
      reason('extend', attached(), {
        instance: { ...shutOff, runtime_state: 'ACTIVE' } as Instance,
      }),
    ).toBe(
      'Stop instance web-01 first (it is ACTIVE). Attached volumes are extended only while their instance is shut off.',
    );
    expect(reason('extend', volume({ state: 'ERRED' }))).toMatch(/^The volume is erred/);
  });

  it('retype: detached, available, OK', () => {
    expect(reason('retype', volume())).toBeNull();
    expect(reason('retype', attached())).toBe(
      'Only detached volumes can be retyped. Detach it from web-01 first.',
    );
    expect(reason('retype', volume({ runtime_state: 'error' }))).toMatch(
      /OpenStack reports “Error”/,
    );
  });

  it('snapshot needs OK; pull needs a settled state and a backend ID', () => {
    expect(reason('snapshot', volume())).toBeNull();
    expect(reason('snapshot', volume({ state: 'CREATING' }))).toBe(
      'Creating is in progress. Wait until it finishes.',
    );
    expect(reason('pull', volume({ state: 'ERRED' }))).toBeNull();
    expect(reason('pull', volume({ state: 'UPDATING', action: 'Retype' }))).toBe(
      'Retyping is in progress. Wait until it finishes.',
    );
    expect(reason('pull', volume({ backend_id: '' }))).toBe(
      'The volume has no backend ID yet, so there is nothing in OpenStack to pull from.',
    );
  });

  it('staff mark a volume in any state, except OK as OK', () => {
    expect(reason('set_ok', volume())).toBe('The volume is OK already.');
    expect(reason('set_ok', volume({ state: 'UPDATING' }))).toBeNull();
    expect(reason('set_erred', volume())).toBeNull();
    expect(reason('unlink', volume({ state: 'DELETING' }))).toBeNull();
  });
});

describe('delete, as terminate checks it (contract-lifecycle §3.2)', () => {
  it('an OK, available volume without snapshots can go', () => {
    expect(reason('delete', volume())).toBeNull();
    expect(reason('delete', volume({ runtime_state: 'error_extending' }))).toBeNull();
    expect(reason('delete', volume({ runtime_state: '' }))).toBeNull();
  });

  it('without a marketplace resource it cannot, and staff hear about unlink', () => {
    expect(reason('delete', volume({ marketplace_resource_uuid: null }))).toMatch(
      /Unlink it instead/,
    );
    expect(reason('delete', volume({ marketplace_resource_uuid: null }), { user: admin })).toMatch(
      /Ask support to remove it\.$/,
    );
  });

  it('the marketplace resource must be OK or Erred', () => {
    expect(
      reason('delete', volume({ marketplace_resource_state: 'Erred', state: 'ERRED' })),
    ).toBeNull();
    expect(reason('delete', volume({ marketplace_resource_state: 'Terminating' }))).toBe(
      'It is being deleted already.',
    );
    expect(reason('delete', volume({ marketplace_resource_state: 'Terminated' }))).toBe(
      'It is being deleted already.',
    );
    expect(reason('delete', volume({ marketplace_resource_state: 'Updating' }))).toBe(
      'Its marketplace resource is Updating; wait until it is OK.',
    );
  });

  it('then the volume: OK and detached, or ERRED whatever Cinder says; then its snapshots', () => {
    expect(reason('delete', volume({ state: 'UPDATING', action: 'Pull' }))).toBe(
      'Pulling is in progress. Wait until it finishes.',
    );
    expect(reason('delete', attached())).toBe('It is attached to web-01. Detach it first.');
    expect(reason('delete', attached({ state: 'ERRED' }))).toBeNull();
    expect(reason('delete', volume({ runtime_state: 'maintenance' }))).toBe(
      'Possible only when OpenStack reports it available or in error; it reports “Maintenance”.',
    );
    expect(reason('delete', volume(), { snapshotCount: 1 })).toBe(
      'It has a snapshot. Delete it first: Waldur keeps a volume that has snapshots.',
    );
    expect(reason('delete', volume({ state: 'ERRED' }), { snapshotCount: 3 })).toBe(
      'It has 3 snapshots. Delete them first: Waldur keeps a volume that has snapshots.',
    );
    expect(reason('delete', volume(), { snapshotCount: 0 })).toBeNull();
  });
});

describe('the edges between rules', () => {
  it('before the user is known the backend decides, but staff actions stay hidden', () => {
    const all = actionAvailability(volume(), { user: undefined });
    expect(all.filter((a) => !a.visible).map((a) => a.id)).toEqual([
      'unlink',
      'set_ok',
      'set_erred',
    ]);
    expect(reason('edit', volume(), { user: undefined })).toBeNull();
    expect(reason('delete', volume({ marketplace_resource_uuid: null }), { user: undefined })).toBe(
      'It has no marketplace resource (it was imported), so Waldur cannot delete it. Ask support to remove it.',
    );
  });

  it('an available volume that is not OK can be neither attached nor retyped', () => {
    const erred = volume({ state: 'ERRED' });
    const message = 'The volume is erred. Pull it to re-sync with OpenStack, then try again.';
    expect(reason('attach', erred)).toBe(message);
    expect(reason('retype', erred)).toBe(message);
  });

  it('a volume attached to an instance whose name is not known says “an instance” or “the instance”', () => {
    const unnamed = attached({ instance_name: undefined });
    expect(reason('delete', unnamed)).toBe('It is attached to an instance. Detach it first.');
    expect(reason('retype', unnamed)).toBe(
      'Only detached volumes can be retyped. Detach it from the instance first.',
    );
  });

  it('extend looks at the instance only when the volume is attached to one', () => {
    expect(rule('extend', volume(), { instanceLoading: true }).enabled).toBe(true);
    expect(reason('extend', attached(), { instanceLoading: true })).toBe('Checking web-01…');
  });

  it('extend names the instance by its own name, else by the volume’s record of it', () => {
    const unnamed = attached({ instance_name: undefined });
    const instance = { state: 'OK', runtime_state: 'ACTIVE', name: 'db-02' } as Instance;
    expect(reason('extend', unnamed, { instance })).toBe(
      'Stop instance db-02 first (it is ACTIVE). Attached volumes are extended only while their instance is shut off.',
    );
    expect(reason('extend', unnamed, { instance: { ...instance, state: 'ERRED' } })).toBe(
      'db-02 is Erred; it must be OK before an attached volume can be extended.',
    );
    const nameless = { state: 'OK', runtime_state: 'ACTIVE' } as Instance;
    expect(reason('extend', attached(), { instance: nameless })).toBe(
      'Stop instance web-01 first (it is ACTIVE). Attached volumes are extended only while their instance is shut off.',
    );
  });
});
