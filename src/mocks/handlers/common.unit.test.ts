// @vitest-environment node
// The filters and orderings every resource list shares (`BaseResourceFilter`), as functions over
// the seed, for the mutation run; lists.test.ts checks the same through HTTP.
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../backend';
import type { VolumeRecord } from '../db';
import { createHandlers } from '../handlers';
import { applyFilters, applyOrdering } from '../list';
import { createTestBackend, TEST_ORIGIN } from '../node';
import {
  findObject,
  getObject,
  getObjectForChange,
  resourceFilters,
  resourceOrdering,
} from './common';

function context(username = 'alice', params: Record<string, string> = {}) {
  const backend = createTestBackend();
  const user = backend.user(username);
  return {
    backend,
    db: backend.db,
    user,
    viewer: user,
    origin: TEST_ORIGIN,
    legacyStates: false,
    params,
    request: new Request(`${TEST_ORIGIN}/api/openstack-volumes/`),
    url: new URL(`${TEST_ORIGIN}/api/openstack-volumes/`),
  } as HandlerContext;
}

const pick = (ctx: HandlerContext, query: string) =>
  applyFilters(ctx.db.volumes, new URLSearchParams(query), resourceFilters<VolumeRecord>(ctx))
    .map((v) => v.uuid)
    .sort();
const where = (ctx: HandlerContext, predicate: (v: VolumeRecord) => boolean) => {
  const uuids = ctx.db.volumes
    .filter(predicate)
    .map((v) => v.uuid)
    .sort();
  expect(uuids.length).toBeGreaterThan(0);
  return uuids;
};

describe('resource filters', () => {
  it('by name (contains, exact), runtime state, description, project, customer, tenant, state, uuid, backend ID', () => {
    const ctx = context();
    const v = ctx.db.volumes.find((x) => x.description && x.backend_id)!;
    const project = ctx.db.projects.find((p) => p.uuid === v.project_uuid)!;
    const customer = ctx.db.customers.find((c) => c.uuid === project.customer_uuid)!;
    const settings = ctx.db.service_settings.find((s) => s.uuid === v.service_settings_uuid)!;
    expect(pick(ctx, `name=${v.name.toUpperCase()}`)).toEqual(
      where(ctx, (x) => x.name.toLowerCase().includes(v.name.toLowerCase())),
    );
    expect(pick(ctx, `name_exact=${v.name}`)).toEqual(where(ctx, (x) => x.name === v.name));
    expect(pick(ctx, 'runtime_state=in-use')).toEqual(
      where(ctx, (x) => x.runtime_state === 'in-use'),
    );
    expect(pick(ctx, `description=${v.description.slice(2, 9)}`)).toEqual(
      where(ctx, (x) => x.description.includes(v.description.slice(2, 9))),
    );
    for (const param of ['project', 'project_uuid'])
      expect(pick(ctx, `${param}=${project.uuid}`)).toEqual(
        where(ctx, (x) => x.project_uuid === project.uuid),
      );
    expect(pick(ctx, `project_name=${project.name.slice(1, 6)}`)).toEqual(
      where(ctx, (x) =>
        ctx.db.projects
          .find((p) => p.uuid === x.project_uuid)!
          .name.includes(project.name.slice(1, 6)),
      ),
    );
    const ofCustomer = where(
      ctx,
      (x) =>
        ctx.db.projects.find((p) => p.uuid === x.project_uuid)!.customer_uuid === customer.uuid,
    );
    for (const query of [
      `customer=${customer.uuid}`,
      `customer_uuid=${customer.uuid}`,
      `customer_name=${customer.name.toLowerCase()}`,
      `customer_abbreviation=${customer.abbreviation}`,
    ])
      expect(pick(ctx, query), query).toEqual(ofCustomer);
    if (customer.native_name)
      expect(pick(ctx, `customer_native_name=${customer.native_name}`)).toEqual(ofCustomer);
    expect(pick(ctx, `service_settings_uuid=${settings.uuid}`)).toEqual(
      where(ctx, (x) => x.service_settings_uuid === settings.uuid),
    );
    expect(pick(ctx, `service_settings_name=${settings.name}`)).toEqual(
      where(ctx, (x) => x.service_settings_uuid === settings.uuid),
    );
    expect(pick(ctx, `tenant_uuid=${v.tenant_uuid}`)).toEqual(
      where(ctx, (x) => x.tenant_uuid === v.tenant_uuid),
    );
    expect(pick(ctx, `tenant=${TEST_ORIGIN}/api/openstack-tenants/${v.tenant_uuid}/`)).toEqual(
      where(ctx, (x) => x.tenant_uuid === v.tenant_uuid),
    );
    expect(pick(ctx, 'state=ERRED&state=CREATING')).toEqual(
      where(ctx, (x) => x.state === 'ERRED' || x.state === 'CREATING'),
    );
    expect(pick(ctx, `uuid=${v.uuid}`)).toEqual([v.uuid]);
    expect(pick(ctx, `backend_id=${v.backend_id}`)).toEqual([v.uuid]);
    expect(pick(ctx, 'external_ip=1.2.3.4')).toEqual([]);
  });

  it('state in the old spelling on an old server, and can_manage whatever its value', () => {
    const old = { ...context(), legacyStates: true } as HandlerContext;
    expect(pick(old, 'state=Erred')).toEqual(where(old, (x) => x.state === 'ERRED'));
    const admin = context('pat');
    const managed = admin.backend.managedProjects(admin.user);
    for (const value of ['true', 'false', 'x'])
      expect(pick(admin, `can_manage=${value}`)).toEqual(
        where(admin, (x) => managed.has(x.project_uuid)),
      );
    const staff = context();
    expect(pick(staff, 'can_manage=true')).toHaveLength(staff.db.volumes.length);
  });

  it('orders by name, state (by code), project, customer, service and created', () => {
    const ctx = context();
    const ordering = resourceOrdering<VolumeRecord>(ctx);
    const sorted = (o: string) =>
      applyOrdering(ctx.db.volumes, new URLSearchParams(`o=${o}`), {
        ordering,
        defaultOrdering: ['name'],
      });
    expect(
      sorted('state')
        .map((v) => v.state)
        .slice(0, 3),
    ).toEqual(
      Array(3).fill(
        ctx.db.volumes.some((v) => v.state === 'UPDATE_SCHEDULED')
          ? 'UPDATE_SCHEDULED'
          : 'UPDATING',
      ),
    );
    expect(sorted('-state')[0]!.state).toBe('DELETING');
    const projectName = (v: VolumeRecord) =>
      ctx.db.projects.find((p) => p.uuid === v.project_uuid)!.name;
    expect(sorted('project_name').map(projectName)).toEqual(
      ctx.db.volumes.map(projectName).sort((a, b) => a.localeCompare(b, 'en')),
    );
    expect(sorted('-created')[0]!.created).toBe(
      ctx.db.volumes
        .map((v) => v.created)
        .sort()
        .at(-1),
    );
    const customerOf = (v: VolumeRecord) =>
      ctx.db.customers.find(
        (c) => c.uuid === ctx.db.projects.find((p) => p.uuid === v.project_uuid)!.customer_uuid,
      )!;
    expect(customerOf(sorted('-customer_name')[0]!).name).toBe('Delta Space Agency');
    expect(customerOf(sorted('customer_abbreviation')[0]!).abbreviation).toBe('ARI');
    expect(customerOf(sorted('-customer_abbreviation')[0]!).abbreviation).toBe('DSA');
    // Native names: "" sorts first, then "Alfa…", then "Delta…".
    expect(customerOf(sorted('-customer_native_name')[0]!).native_name).toBe(
      'Delta Kosmoseagentuur',
    );
    expect(sorted('-name')[0]!.name).toBe(
      ctx.db.volumes
        .map((v) => v.name)
        .sort((a, b) => a.localeCompare(b, 'en'))
        .at(-1),
    );
    expect(sorted('service_name')[0]!.service_settings_uuid).toBe(
      [...ctx.db.service_settings].sort((a, b) => a.name.localeCompare(b.name, 'en'))[0]!.uuid,
    );
  });
});

describe('looking one object up', () => {
  it('404 for a malformed or unknown UUID, and for what the user cannot see; 403 to change what they may only see', () => {
    const mine = context('pat');
    const theirs = mine.db.volumes.find((v) => !mine.backend.canSee(mine.user, v.project_uuid))!;
    const seen = mine.db.volumes.find((v) => mine.backend.canSee(mine.user, v.project_uuid))!;
    const lookup = (uuid: string, run: (ctx: HandlerContext) => unknown, username = 'pat') => {
      try {
        run(context(username, { uuid }));
        return 'found';
      } catch (error) {
        return (error as { status: number; body: unknown }).body;
      }
    };
    const get = (ctx: HandlerContext) => getObject(ctx, ctx.db.volumes, 'Volume');
    expect(lookup('nope', get)).toEqual({ detail: 'Not found.' });
    expect(lookup('0'.repeat(32), get)).toEqual({ detail: 'No Volume matches the given query.' });
    expect(lookup(theirs.uuid, get)).toEqual({ detail: 'No Volume matches the given query.' });
    expect(lookup(seen.uuid, get)).toBe('found');
    expect(lookup(seen.uuid, (ctx) => findObject(ctx, ctx.db.volumes, 'Volume'))).toBe('found');
    const change = (ctx: HandlerContext) => getObjectForChange(ctx, ctx.db.volumes, 'Volume');
    expect(lookup(seen.uuid, change, 'sam')).toEqual({
      detail: 'You do not have permission to perform this action.',
    });
    expect(lookup(seen.uuid, change, 'pat')).toBe('found');
  });
});

describe('a resource viewset’s reads', () => {
  it('GET and HEAD on the list, GET on one object, as the signed-in user sees them', async () => {
    const backend = createTestBackend();
    const handlers = createHandlers(backend, TEST_ORIGIN);
    const alice = backend.user('alice');
    const ask = (path: string, method = 'GET') =>
      getResponse(
        handlers,
        new Request(`${TEST_ORIGIN}${path}`, {
          method,
          headers: { Authorization: `Token ${alice.token}` },
        }),
      );
    const visible = backend.visible(alice, backend.db.volumes);
    const list = await ask('/api/openstack-volumes/?page_size=2&field=uuid');
    expect(list?.status).toBe(200);
    expect(list?.headers.get('x-result-count')).toBe(String(visible.length));
    expect(await list?.json()).toHaveLength(2);
    const head = await ask('/api/openstack-volumes/', 'HEAD');
    expect(head?.status).toBe(200);
    expect(head?.headers.get('x-result-count')).toBe(String(visible.length));
    const one = visible[0]!;
    const got = await ask(`/api/openstack-volumes/${one.uuid}/?field=name`);
    expect(await got?.json()).toEqual({ name: one.name });
  });
});
