// @vitest-environment node
// The demo backend's access rules, quotas, state spelling and validators, as functions.
import { describe, expect, it } from 'vitest';
import {
  canAdminister,
  canApproveOrders,
  canSee,
  managedProjects,
  projectsOf,
  seesEverything,
  skipsConsumerReview,
  visible,
} from './access';
import {
  FieldErrors,
  requireRuntimeState,
  requireState,
  validateBoolean,
  validateChar,
} from './handlers/validators';
import { createTestBackend } from './node';
import { checkQuotas, tenantUsage } from './quotas';
import { DrfError } from './responses';
import { CORE_STATE_CODES, spellState } from './states';

const errorOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DrfError) return { status: error.status, body: error.body };
    throw error;
  }
};

describe('who sees and changes what', () => {
  const backend = createTestBackend();
  const { db } = backend;
  const user = (name: string) => backend.user(name);

  it('staff and support see everything; others their projects, by any role', () => {
    expect(seesEverything(user('alice'))).toBe(true);
    expect(seesEverything(user('sam'))).toBe(true);
    expect(seesEverything(user('pat'))).toBe(false);
    const pat = projectsOf(db, user('pat'));
    expect(pat.size).toBe(3);
    const mia = projectsOf(db, user('mia'));
    expect(mia.size).toBe(3);
    const one = [...pat][0]!;
    expect(canSee(db, user('pat'), one)).toBe(true);
    expect(canSee(db, user('sam'), one)).toBe(true);
    expect(canSee(db, user('pat'), db.projects.find((p) => !pat.has(p.uuid))!.uuid)).toBe(false);
    const items = db.projects.map((p) => ({ project_uuid: p.uuid }));
    expect(visible(db, user('pat'), items)).toHaveLength(3);
    expect(visible(db, user('sam'), items)).toHaveLength(items.length);
  });

  it('admins and managers administer, members and support do not; an owner administers the customer’s projects', () => {
    const mia = user('mia');
    const managed = managedProjects(db, mia);
    expect(managed.size).toBe(1);
    const memberOf = mia.roles.find((r) => r.role === 'PROJECT.MEMBER')!.scope_uuid;
    expect(canAdminister(db, mia, memberOf)).toBe(false);
    expect(canAdminister(db, mia, [...managed][0]!)).toBe(true);
    expect(canAdminister(db, user('sam'), memberOf)).toBe(false);
    expect(canAdminister(db, user('alice'), memberOf)).toBe(true);
    const project = db.projects[0]!;
    const owner = {
      ...mia,
      roles: [{ scope_uuid: project.customer_uuid, role: 'CUSTOMER.OWNER' as const, created: '' }],
    };
    const ofCustomer = db.projects
      .filter((p) => p.customer_uuid === project.customer_uuid)
      .map((p) => p.uuid)
      .sort();
    expect([...projectsOf(db, owner)].sort()).toEqual(ofCustomer);
    expect([...managedProjects(db, owner)].sort()).toEqual(ofCustomer);
    expect(canApproveOrders(db, owner, project.uuid)).toBe(true);
    expect(canApproveOrders(db, mia, [...managed][0]!)).toBe(false);
    expect(canApproveOrders(db, user('alice'), project.uuid)).toBe(true);
    // Only an owner of *this* project's customer approves, whatever other roles they hold.
    const elsewhere = db.projects.find((p) => p.customer_uuid !== project.customer_uuid)!;
    expect(canApproveOrders(db, owner, elsewhere.uuid)).toBe(false);
    const ownerAndMember = {
      ...owner,
      roles: [
        ...owner.roles,
        { scope_uuid: elsewhere.uuid, role: 'PROJECT.MEMBER' as const, created: '' },
      ],
    };
    expect(canApproveOrders(db, ownerAndMember, project.uuid)).toBe(true);
    const ownerElsewhere = {
      ...mia,
      roles: [
        { scope_uuid: elsewhere.customer_uuid, role: 'CUSTOMER.OWNER' as const, created: '' },
      ],
    };
    expect(canApproveOrders(db, ownerElsewhere, project.uuid)).toBe(false);
  });

  it('consumer review: skipped for approvers; for a private offering also for admins and managers', () => {
    const mia = user('mia');
    const managed = [...managedProjects(db, mia)][0]!;
    const memberOf = mia.roles.find((r) => r.role === 'PROJECT.MEMBER')!.scope_uuid;
    const privateOffering = { billable: false, shared: false };
    expect(skipsConsumerReview(db, mia, privateOffering, managed)).toBe(true);
    expect(skipsConsumerReview(db, mia, privateOffering, memberOf)).toBe(false);
    expect(skipsConsumerReview(db, mia, { billable: true, shared: false }, managed)).toBe(false);
    expect(skipsConsumerReview(db, mia, { billable: false, shared: true }, managed)).toBe(false);
    expect(skipsConsumerReview(db, user('alice'), { billable: true, shared: true }, memberOf)).toBe(
      true,
    );
  });
});

describe('quotas', () => {
  it('usage counts volumes and snapshots (snapshots not in storage); the first quota past its limit refuses, in Waldur’s words', () => {
    const { db } = createTestBackend();
    const tenant = db.tenants[0]!;
    const usage = tenantUsage(db, tenant.uuid);
    const volumes = db.volumes.filter((v) => v.tenant_uuid === tenant.uuid);
    const snapshots = db.snapshots.filter((s) => s.tenant_uuid === tenant.uuid);
    expect(usage.volumes).toBe(volumes.length);
    expect(usage.snapshots).toBe(snapshots.length);
    expect(usage.volumes_size).toBe(volumes.reduce((n, v) => n + v.size, 0));
    expect(usage.snapshots_size).toBe(snapshots.reduce((n, s) => n + s.size, 0));
    expect(usage.snapshots_size).toBeGreaterThan(0);
    // Waldur's local accounting: `Snapshot.get_quota_deltas` has no `storage`.
    expect(usage.storage).toBe(usage.volumes_size);
    tenant.quota_limits = { storage: usage.storage! + 10, volumes: -1 };
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { storage: 10, volumes: 100 }))).toBeNull();
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { storage: -500 }))).toBeNull();
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { storage: 11 }))).toEqual({
      status: 400,
      body: [
        `One or more quotas were exceeded: storage quota limit: ${usage.storage! + 10}, requires ${usage.storage! + 11}`,
      ],
    });
    // Each quota is checked alone, in turn (`add_quota_usage(..., validate=True)`): the first
    // one past its limit is the whole message.
    tenant.quota_limits = { storage: 0, snapshots: 0 };
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { storage: 1, snapshots: 1 }))).toEqual({
      status: 400,
      body: [
        `One or more quotas were exceeded: storage quota limit: 0, requires ${usage.storage! + 1}`,
      ],
    });
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { snapshots: 1, storage: 1 }))).toEqual({
      status: 400,
      body: [
        `One or more quotas were exceeded: snapshots quota limit: 0, requires ${usage.snapshots! + 1}`,
      ],
    });
    // A type's gigabytes are `size / 1024`, a Python float: "requires 12.0".
    tenant.quota_limits = { gigabytes_ssd: usage.gigabytes_ssd! + 1 };
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { gigabytes_ssd: 2 }))).toEqual({
      status: 400,
      body: [
        `One or more quotas were exceeded: gigabytes_ssd quota limit: ${usage.gigabytes_ssd! + 1}, requires ${usage.gigabytes_ssd! + 2}.0`,
      ],
    });
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { gigabytes_ssd: 1.5 }))).toEqual({
      status: 400,
      body: [
        `One or more quotas were exceeded: gigabytes_ssd quota limit: ${usage.gigabytes_ssd! + 1}, requires ${usage.gigabytes_ssd! + 1.5}`,
      ],
    });
    expect(errorOf(() => checkQuotas(db, 'no-such-tenant', { storage: 1 }))).toBeNull();
    // Already past a limit (it was lowered): a change that adds nothing still goes through.
    tenant.quota_limits = { storage: usage.storage! - 1 };
    expect(errorOf(() => checkQuotas(db, tenant.uuid, { storage: 0 }))).toBeNull();
  });

  it('per volume type, in GiB, for the types the tenant has', () => {
    const { db } = createTestBackend();
    const tenant = db.tenants[0]!;
    const usage = tenantUsage(db, tenant.uuid);
    const types = db.volume_types.filter((t) => t.tenant_uuids.includes(tenant.uuid));
    expect(types.length).toBeGreaterThan(1);
    const perType = Object.fromEntries(
      types.map((t) => [
        `gigabytes_${t.name}`,
        // Each volume's `size / 1024`, kept whole (a BigIntegerField) when it was added.
        db.volumes
          .filter((v) => v.tenant_uuid === tenant.uuid && v.type_uuid === t.uuid)
          .reduce((n, v) => n + Math.trunc(v.size / 1024), 0),
      ]),
    );
    expect(Object.values(perType).some((gib) => gib > 0)).toBe(true);
    expect(
      Object.fromEntries(Object.entries(usage).filter(([k]) => k.startsWith('gigabytes_'))),
    ).toEqual(perType);
    const names = new Set(types.map((t) => t.name));
    const other = db.volume_types.find((t) => !names.has(t.name));
    if (other) expect(usage).not.toHaveProperty(`gigabytes_${other.name}`);
  });
});

describe('states and validators', () => {
  it('spells states as the server does; orders them by Waldur’s codes', () => {
    expect(spellState('UPDATE_SCHEDULED', true)).toBe('Update Scheduled');
    expect(spellState('UPDATE_SCHEDULED', false)).toBe('UPDATE_SCHEDULED');
    expect(CORE_STATE_CODES.OK).toBe(3);
  });

  it('state checks answer 409 in the server’s spelling; runtime checks likewise', () => {
    expect(errorOf(() => requireState({}, { state: 'OK' }, 'OK', 'ERRED'))).toBeNull();
    expect(errorOf(() => requireState({}, { state: 'UPDATING' }, 'OK', 'ERRED'))).toEqual({
      status: 409,
      body: { detail: 'Valid states for operation: OK, ERRED.' },
    });
    expect(
      errorOf(() => requireState({ legacyStates: true }, { state: 'UPDATING' }, 'OK', 'ERRED')),
    ).toEqual({
      status: 409,
      body: { detail: 'Valid states for operation: OK, Erred.' },
    });
    expect(errorOf(() => requireRuntimeState({ runtime_state: 'in-use' }, 'available'))).toEqual({
      status: 409,
      body: { detail: 'Valid runtime states for operation: available.' },
    });
    expect(
      errorOf(() => requireRuntimeState({ runtime_state: 'error' }, 'available', 'in-use')),
    ).toEqual({
      status: 409,
      body: { detail: 'Valid runtime states for operation: available, in-use.' },
    });
    expect(
      errorOf(() => requireRuntimeState({ runtime_state: 'available' }, 'available')),
    ).toBeNull();
  });

  it('DRF’s CharField and BooleanField, errors collected and thrown together', () => {
    const errors = new FieldErrors();
    const data = {
      a: '  x  ',
      b: '',
      c: null,
      d: true,
      e: 'y'.repeat(6),
      f: 'yes',
      g: 'maybe',
      h: null,
      i: 0,
      j: ['x'],
      k: 42,
    };
    expect(validateChar(errors, data, 'a', {})).toBe('x');
    expect(validateChar(errors, data, 'b', { allowBlank: true })).toBe('');
    expect(validateChar(errors, data, 'b', {})).toBeUndefined();
    expect(validateChar(errors, data, 'c', {})).toBeUndefined();
    expect(validateChar(errors, data, 'd', {})).toBeUndefined();
    expect(validateChar(errors, data, 'e', { maxLength: 5 })).toBeUndefined();
    expect(validateChar(errors, data, 'e', { maxLength: 6 })).toBe('yyyyyy');
    expect(validateChar(errors, data, 'missing', { required: true })).toBeUndefined();
    expect(validateChar(errors, data, 'optional', {})).toBeUndefined();
    expect(validateChar(errors, data, 'j', {})).toBeUndefined();
    expect(validateChar(errors, data, 'k', {})).toBe('42');
    expect(validateBoolean(errors, data, 'f')).toBe(true);
    expect(validateBoolean(errors, data, 'i')).toBe(false);
    expect(validateBoolean(errors, data, 'g')).toBeUndefined();
    expect(validateBoolean(errors, data, 'h')).toBeUndefined();
    expect(validateBoolean(errors, data, 'absent')).toBeUndefined();
    expect(errors.has('a')).toBe(false);
    expect(errors.has()).toBe(true);
    expect(errorOf(() => errors.throwIfAny())).toEqual({
      status: 400,
      body: {
        b: ['This field may not be blank.'],
        c: ['This field may not be null.'],
        d: ['Not a valid string.'],
        e: ['Ensure this field has no more than 5 characters.'],
        missing: ['This field is required.'],
        g: ['Must be a valid boolean.'],
        h: ['This field may not be null.'],
        j: ['Not a valid string.'],
      },
    });
    expect(errorOf(() => new FieldErrors().throwIfAny())).toBeNull();
  });
});
