// The demo backend's list mechanics and auth against ../shared/waldur-api/contract.md §4 and §5.
// Filters are checked against the exact set of volumes the database says should match (never an
// `every` over a list that might be empty).
import { describe, expect, it } from 'vitest';
import { call, link } from '../../test/demo-api';
import type { VolumePredicate } from '../../test/seed-queries';
import { getBackend } from '../../test/setup';
import { SEED_VOLUME_COUNT } from './seed/catalogue';
import type { DemoPersona } from './seed/users';
import { CORE_STATE_CODES } from './states';

const db = () => getBackend().db;
type Row = Record<string, unknown>;

async function list(query: string, as?: DemoPersona) {
  const response = await call('GET', `/api/openstack-volumes/${query}`, { as });
  return { ...response, rows: response.body as Row[] };
}

async function all(query: string, as?: DemoPersona) {
  const sep = query ? '&' : '?';
  return (await list(`${query}${sep}page_size=300`, as)).rows;
}

/** The UUIDs of the volumes the database says match, sorted; never empty (or the test says so). */
function expected(predicate: VolumePredicate): string[] {
  const uuids = db()
    .volumes.filter((v) => predicate(v, db()))
    .map((v) => v.uuid)
    .sort();
  expect(uuids.length, 'the seed has volumes for this filter').toBeGreaterThan(0);
  return uuids;
}

const uuidsOf = (rows: Row[]) => rows.map((r) => r.uuid as string).sort();
const volumeOf = (uuid: string) => db().volumes.find((v) => v.uuid === uuid)!;

/** PostgreSQL's order in a direction: NULLs last when ascending, first when descending. */
function ordered(values: unknown[], direction: 1 | -1) {
  return [...values].sort((a, b) => {
    if (a === null || b === null) return a === b ? 0 : (a === null ? 1 : -1) * direction;
    if (typeof a === 'number' && typeof b === 'number') return (a - b) * direction;
    return String(a).localeCompare(String(b), 'en') * direction;
  });
}
const projectOf = (projectUuid: string) => db().projects.find((p) => p.uuid === projectUuid)!;
const customerOf = (projectUuid: string) =>
  db().customers.find((c) => c.uuid === projectOf(projectUuid).customer_uuid)!;

describe('authentication (401 with WWW-Authenticate: Token)', () => {
  it.each([
    [undefined, 'Authentication credentials were not provided.'],
    ['Bearer abc', 'Authentication credentials were not provided.'],
    ['Token', 'Invalid token. No credentials provided.'],
    ['Token a b', 'Invalid token. Token string should not contain spaces.'],
    ['Token 0123456789abcdef0123456789abcdef01234567', 'Invalid token.'],
  ])('Authorization: %s', async (header, message) => {
    const response = await call('GET', '/api/openstack-volumes/', {
      as: null,
      headers: header ? { Authorization: header } : {},
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: message });
    expect(response.headers.get('www-authenticate')).toBe('Token');
  });

  it('accepts the keyword in any case; an expired token gets "Token has expired."', async () => {
    const token = getBackend().user('alice').token;
    expect(
      (
        await call('GET', '/api/users/me/', {
          as: null,
          headers: { Authorization: `token ${token}` },
        })
      ).status,
    ).toBe(200);
    getBackend().expireToken(token);
    expect((await call('GET', '/api/users/me/')).body).toEqual({ detail: 'Token has expired.' });
  });

  it('/api/users/me/ tells staff, support and roles apart', async () => {
    expect((await call('GET', '/api/users/me/')).body).toMatchObject({
      username: 'alice',
      is_staff: true,
      is_support: false,
    });
    expect((await call('GET', '/api/users/me/', { as: 'support' })).body).toMatchObject({
      is_staff: false,
      is_support: true,
    });
    const admin = (await call('GET', '/api/users/me/', { as: 'admin' })).body as {
      permissions: Row[];
    };
    expect(admin.permissions).toHaveLength(3);
    expect(admin.permissions[0]).toMatchObject({
      role_name: 'PROJECT.ADMIN',
      scope_type: 'project',
    });
  });
});

describe('pagination', () => {
  it('every seeded volume, 10 per page by default, total in X-Result-Count', async () => {
    const { rows, headers } = await list('');
    expect(rows).toHaveLength(10);
    expect(headers.get('x-result-count')).toBe(String(SEED_VOLUME_COUNT));
    expect(db().volumes).toHaveLength(SEED_VOLUME_COUNT);
  });

  it('writes the Link header exactly as DRF does (sorted query, first/prev/next/last)', async () => {
    const states = new Set(['OK', 'ERRED']);
    const matching = db().volumes.filter((v) => states.has(v.state)).length;
    const last = Math.ceil(matching / 2);
    const { headers } = await list(
      '?page_size=2&page=2&state=OK&state=ERRED&o=-size&field=uuid&field=name',
    );
    const base = 'http://localhost/api/openstack-volumes/?field=uuid&field=name&o=-size';
    expect(headers.get('link')).toBe(
      `<${base}&page_size=2&state=OK&state=ERRED>; rel="first", ` +
        `<${base}&page_size=2&state=OK&state=ERRED>; rel="prev", ` +
        `<${base}&page=3&page_size=2&state=OK&state=ERRED>; rel="next", ` +
        `<${base}&page=${last}&page_size=2&state=OK&state=ERRED>; rel="last"`,
    );
  });

  it('empty result: count 0, first and last only; a single page drops page= from last', async () => {
    const { headers, rows } = await list('?name=nothing-like-this');
    expect(rows).toEqual([]);
    expect(headers.get('x-result-count')).toBe('0');
    expect(headers.get('link')).toBe(
      '<http://localhost/api/openstack-volumes/?name=nothing-like-this>; rel="first", <http://localhost/api/openstack-volumes/?name=nothing-like-this>; rel="last"',
    );
  });

  it('page=last, a cap of 300, bad page sizes ignored, bad pages 404 "Invalid page."', async () => {
    expect((await list('?page=last')).rows).toHaveLength(SEED_VOLUME_COUNT % 10 || 10);
    expect((await list('?page_size=1000')).rows).toHaveLength(Math.min(300, SEED_VOLUME_COUNT));
    expect((await list('?page_size=300&page=2')).status).toBe(404);
    expect((await list('?page_size=0')).rows).toHaveLength(10);
    expect((await list('?page_size=abc')).rows).toHaveLength(10);
    for (const page of [String(Math.ceil(SEED_VOLUME_COUNT / 10) + 1), '0', 'abc']) {
      expect(await list(`?page=${page}`)).toMatchObject({
        status: 404,
        body: { detail: 'Invalid page.' },
      });
    }
  });

  it('HEAD gives the same headers and no body', async () => {
    const response = await call('HEAD', '/api/openstack-volumes/?state=ERRED');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(response.headers.get('x-result-count')).toBe(
      String(db().volumes.filter((v) => v.state === 'ERRED').length),
    );
  });
});

describe('filters', () => {
  const names = (rows: Row[]) => rows.map((r) => r.name as string);

  it('name is a case-insensitive substring; name_exact is exact', async () => {
    const target = db().volumes[30]!.name;
    expect(names(await all(`?name=${target.toUpperCase()}`))).toContain(target);
    expect(names(await all(`?name_exact=${target}`))).toEqual([target]);
    expect(await all(`?name_exact=${target.toUpperCase()}`)).toEqual([]);
  });

  it('state takes several repeated values and rejects unknown ones (labels are case-sensitive)', async () => {
    const rows = await all('?state=ERRED&state=CREATING');
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['ERRED', 'CREATING']));
    expect(rows).toHaveLength(
      db().volumes.filter((v) => v.state === 'ERRED' || v.state === 'CREATING').length,
    );
    expect(await list('?state=Erred')).toMatchObject({
      status: 400,
      body: { state: ['Select a valid choice. Erred is not one of the available choices.'] },
    });
  });

  it('customer, project, tenant and instance by UUID (dashes optional); malformed UUIDs give 400', async () => {
    const volume = db().volumes.find((v) => v.instance_uuid)!;
    const project = db().projects.find((p) => p.uuid === volume.project_uuid)!;
    const dashed = (hex: string) =>
      hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const ofCustomer = expected(
      (v) => projectOf(v.project_uuid).customer_uuid === project.customer_uuid,
    );
    expect(uuidsOf(await all(`?customer=${dashed(project.customer_uuid)}`))).toEqual(ofCustomer);
    expect(uuidsOf(await all(`?customer_uuid=${project.customer_uuid}`))).toEqual(ofCustomer);
    const ofProject = expected((v) => v.project_uuid === project.uuid);
    expect(uuidsOf(await all(`?project=${project.uuid}`))).toEqual(ofProject);
    expect(uuidsOf(await all(`?project_uuid=${dashed(project.uuid)}`))).toEqual(ofProject);
    expect(uuidsOf(await all(`?tenant_uuid=${volume.tenant_uuid}`))).toEqual(
      expected((v) => v.tenant_uuid === volume.tenant_uuid),
    );
    expect(uuidsOf(await all(`?instance_uuid=${volume.instance_uuid}`))).toEqual(
      expected((v) => v.instance_uuid === volume.instance_uuid),
    );
    expect(await list('?project_uuid=nope&instance_uuid=123')).toMatchObject({
      status: 400,
      body: { project_uuid: ['Enter a valid UUID.'], instance_uuid: ['Enter a valid UUID.'] },
    });
  });

  it('tenant, instance and snapshot as hyperlinks; one Django cannot resolve gives 404, one to another view nothing', async () => {
    const volume = db().volumes.find((v) => v.instance_uuid)!;
    expect(
      uuidsOf(
        await all(`?tenant=${encodeURIComponent(link('openstack-tenants', volume.tenant_uuid))}`),
      ),
    ).toEqual(expected((v) => v.tenant_uuid === volume.tenant_uuid));
    expect(
      uuidsOf(
        await all(
          `?instance=${encodeURIComponent(link('openstack-instances', volume.instance_uuid!))}`,
        ),
      ),
    ).toEqual(expected((v) => v.instance_uuid === volume.instance_uuid));
    expect(await list('?tenant=https://elsewhere.example/not/a/tenant/')).toMatchObject({
      status: 404,
      body: { detail: 'Not found.' },
    });
    expect(
      await all(`?tenant=${encodeURIComponent(link('customers', db().customers[0]!.uuid))}`),
    ).toEqual([]);
    expect(await all('?tenant=not-a-link')).toEqual([]);
    const restored = db().volumes.find((v) => v.source_snapshot_uuid)!;
    expect(names(await all(`?snapshot_uuid=${restored.source_snapshot_uuid}`))).toEqual([
      restored.name,
    ]);
    expect(
      names(
        await all(
          `?snapshot=${encodeURIComponent(link('openstack-snapshots', restored.source_snapshot_uuid!))}`,
        ),
      ),
    ).toEqual([restored.name]);
  });

  it('runtime_state, backend_id, uuid, availability_zone_name and the names of related objects', async () => {
    expect(uuidsOf(await all('?runtime_state=in-use'))).toEqual(
      expected((v) => v.runtime_state === 'in-use'),
    );
    const volume = db().volumes.find((v) => v.backend_id && v.availability_zone_uuid)!;
    expect(names(await all(`?backend_id=${volume.backend_id}`))).toEqual([volume.name]);
    expect(names(await all(`?uuid=${volume.uuid}`))).toEqual([volume.name]);
    const zoneName = (uuid: string | null) =>
      db().availability_zones.find((z) => z.uuid === uuid)?.name;
    const inNova = expected((v) => zoneName(v.availability_zone_uuid) === 'nova');
    expect(inNova.length).toBeLessThan(db().volumes.length);
    expect(uuidsOf(await all('?availability_zone_name=nova'))).toEqual(inNova);
    expect(await all('?availability_zone_name=Nova')).toEqual([]); // exact, case-sensitive
    expect(uuidsOf(await all('?customer_abbreviation=bor'))).toEqual(
      expected((v) => customerOf(v.project_uuid).abbreviation === 'BOR'),
    );
    expect(uuidsOf(await all('?project_name=CLIMATE'))).toEqual(
      expected((v) => projectOf(v.project_uuid).name === 'Climate Models'),
    );
    const settingsName = (uuid: string) => db().service_settings.find((s) => s.uuid === uuid)!.name;
    expect(uuidsOf(await all('?service_settings_name=fraud'))).toEqual(
      expected((v) => settingsName(v.service_settings_uuid).includes('fraud')),
    );
  });

  it('attach_instance_uuid: same tenant and project, not already on that instance', async () => {
    const instance = db().instances.find((i) =>
      db().volumes.some((v) => v.instance_uuid === i.uuid),
    )!;
    const rows = await all(`?attach_instance_uuid=${instance.uuid}`);
    expect(uuidsOf(rows)).toEqual(
      expected(
        (v) =>
          v.tenant_uuid === instance.tenant_uuid &&
          v.project_uuid === instance.project_uuid &&
          v.instance_uuid !== instance.uuid,
      ),
    );
  });

  it('external_ip gives an empty list; unknown parameters are ignored', async () => {
    expect(await all('?external_ip=1.2.3.4')).toEqual([]);
    expect((await list('?colour=blue')).rows).toHaveLength(10);
  });

  it('a project admin sees only the volumes of their projects; support sees all', async () => {
    const pat = getBackend().user('pat');
    const projects = new Set(pat.roles.map((r) => r.scope_uuid));
    expect(uuidsOf(await all('', 'admin'))).toEqual(expected((v) => projects.has(v.project_uuid)));
    expect(uuidsOf(await all('', 'support'))).toEqual(expected(() => true));
  });

  it('can_manage=true keeps what the user administers: a member sees three projects, manages one', async () => {
    const mia = getBackend().user('mia');
    const seen = new Set(mia.roles.map((r) => r.scope_uuid));
    const managed = new Set(
      mia.roles.filter((r) => r.role === 'PROJECT.MANAGER').map((r) => r.scope_uuid),
    );
    const visible = expected((v) => seen.has(v.project_uuid));
    const administered = expected((v) => managed.has(v.project_uuid));
    expect(administered.length).toBeLessThan(visible.length);
    expect(uuidsOf(await all('', 'member'))).toEqual(visible);
    expect(uuidsOf(await all('?can_manage=true', 'member'))).toEqual(administered);
    // Its value does not matter to Waldur (`can_manage=false` narrows too); staff manage everything.
    expect(uuidsOf(await all('?can_manage=false', 'member'))).toEqual(administered);
    expect(uuidsOf(await all('?can_manage=true', 'staff'))).toEqual(expected(() => true));
    expect(await all('?can_manage=true', 'support')).toEqual([]);
  });
});

describe('ordering (o)', () => {
  it('by name by default and on every documented key, both directions', async () => {
    const rows = await all('');
    const sorted = [...rows].sort((a, b) => String(a.name).localeCompare(String(b.name), 'en'));
    expect(rows.map((r) => r.name)).toEqual(sorted.map((r) => r.name));
    const settings = (uuid: string) => db().service_settings.find((s) => s.uuid === uuid)!;
    const instanceName = (uuid: string | null) =>
      db().instances.find((i) => i.uuid === uuid)?.name ?? null;
    // Each documented key, with the value it sorts by in the database (a related object's field).
    const sortValue: Record<string, (uuid: string) => string | number | null> = {
      name: (uuid) => volumeOf(uuid).name,
      state: (uuid) => CORE_STATE_CODES[volumeOf(uuid).state]!,
      customer_name: (uuid) => customerOf(volumeOf(uuid).project_uuid).name,
      customer_native_name: (uuid) => customerOf(volumeOf(uuid).project_uuid).native_name,
      customer_abbreviation: (uuid) => customerOf(volumeOf(uuid).project_uuid).abbreviation,
      project_name: (uuid) => projectOf(volumeOf(uuid).project_uuid).name,
      service_name: (uuid) => settings(volumeOf(uuid).service_settings_uuid).name,
      created: (uuid) => volumeOf(uuid).created,
      instance_name: (uuid) => instanceName(volumeOf(uuid).instance_uuid),
      size: (uuid) => volumeOf(uuid).size,
    };
    for (const [key, value] of Object.entries(sortValue)) {
      for (const direction of [1, -1] as const) {
        const values = (await all(`?o=${direction < 0 ? '-' : ''}${key}`)).map((r) =>
          value(r.uuid as string),
        );
        expect(values, `o=${direction < 0 ? '-' : ''}${key}`).toEqual(ordered(values, direction));
        expect(new Set(values).size, `${key} has more than one value to order`).toBeGreaterThan(1);
      }
    }
  });

  it('state sorts by Waldur’s integer code, not alphabetically', async () => {
    const codes = (await all('?o=state')).map((r) => CORE_STATE_CODES[r.state as string]!);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('several keys: the first orders, the next breaks its ties; an unknown one gives 400', async () => {
    const rows = await all('?o=project_name,-size');
    const projects = rows.map((r) => r.project_name as string);
    expect(projects).toEqual([...projects].sort((a, b) => a.localeCompare(b, 'en')));
    expect(new Set(projects).size).toBeGreaterThan(1);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      if (a.project_name === b.project_name)
        expect(a.size as number).toBeGreaterThanOrEqual(b.size as number);
    }
    expect(await list('?o=colour')).toMatchObject({
      status: 400,
      body: { o: ['Select a valid choice. colour is not one of the available choices.'] },
    });
  });
});

describe('field (sparse fieldsets)', () => {
  it('keeps the serializer’s order, ignores unknown names, and gives everything when none is valid', async () => {
    const { rows } = await list('?field=state&field=uuid&field=nonsense');
    expect(Object.keys(rows[0]!)).toEqual(['uuid', 'state']);
    expect(Object.keys((await list('?field=nonsense')).rows[0]!).length).toBeGreaterThan(50);
  });

  it('leaves out instance_name, type_name and availability_zone_name when the relation is null', async () => {
    const detached = db().volumes.find(
      (v) => !v.instance_uuid && !v.type_uuid && !v.availability_zone_uuid,
    )!;
    const body = (await call('GET', `/api/openstack-volumes/${detached.uuid}/`)).body as Row;
    expect(body).toMatchObject({ instance: null, type: null, availability_zone: null });
    expect(body).not.toHaveProperty('instance_name');
    expect(body).not.toHaveProperty('type_name');
    expect(body).not.toHaveProperty('availability_zone_name');
    expect(body.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(body.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(body.url).toBe(link('openstack-volumes', detached.uuid));
  });
});
