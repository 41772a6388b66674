// @vitest-environment node
// The demo backend's list mechanics as plain functions (django-filter, `o`, `field=`, DRF's page
// number pagination), for the mutation run; lists.test.ts checks them through HTTP.
import { describe, expect, it } from 'vitest';
import {
  applyFields,
  applyFilters,
  applyOrdering,
  type Filter,
  listResponse,
  pageLink,
  paginate,
  parseUuid,
  resolveLink,
} from './list';
import { DrfError } from './responses';

interface Row {
  uuid: string;
  name: string;
  state: string;
  size: number | null;
  project: string;
}
const HEX = (n: number) => n.toString(16).padStart(32, '0');
const rows: Row[] = [
  { uuid: HEX(1), name: 'Data-01', state: 'OK', size: 10, project: HEX(9) },
  { uuid: HEX(2), name: 'scratch', state: 'ERRED', size: null, project: HEX(8) },
  { uuid: HEX(3), name: 'data-02', state: 'OK', size: 5, project: HEX(9) },
];
const filters: Filter<Row>[] = [
  { param: 'name', kind: 'icontains', get: (r) => r.name },
  { param: 'name_exact', kind: 'exact', get: (r) => r.name },
  { param: 'project_uuid', kind: 'uuid', get: (r) => r.project },
  { param: 'project', kind: 'url', collection: 'projects', get: (r) => r.project },
  { param: 'state', kind: 'choices', choices: ['OK', 'ERRED'], get: (r) => r.state },
  {
    param: 'big',
    kind: 'custom',
    apply: (items, v) => items.filter((r) => (r.size ?? 0) >= Number(v)),
  },
  {
    param: 'only',
    kind: 'custom',
    uuid: true,
    apply: (items, uuid) => items.filter((r) => r.uuid === uuid),
  },
];
const names = (items: Row[]) => items.map((r) => r.name);
const filter = (query: string) => names(applyFilters(rows, new URLSearchParams(query), filters));
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DrfError) return { status: error.status, body: error.body };
    throw error;
  }
  return null;
};

describe('UUIDs and hyperlinks', () => {
  it('Django’s UUIDField: with or without dashes, braces or a urn prefix', () => {
    const dashed = '0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9';
    const hex = dashed.replaceAll('-', '');
    expect(parseUuid(hex.toUpperCase())).toBe(hex);
    expect(parseUuid(` {${dashed}} `)).toBe(hex);
    expect(parseUuid(`urn:uuid:${dashed}`)).toBe(hex);
    expect(parseUuid('nope')).toBeNull();
    expect(parseUuid(`${hex}0`)).toBeNull();
    // The prefix and the braces count only around the whole value.
    expect(parseUuid(`${hex.slice(0, 16)}urn:uuid:${hex.slice(16)}`)).toBeNull();
    expect(parseUuid(`{${hex.slice(0, 16)}}${hex.slice(16)}`)).toBeNull();
    expect(parseUuid(`${hex.slice(0, 16)}{${hex.slice(16)}}`)).toBeNull();
  });

  it('URLFilter: the UUID of its collection; another view matches nothing; an unrouted path is 404', () => {
    expect(resolveLink(`https://any.host/api/projects/${HEX(9)}/`, 'projects')).toBe(HEX(9));
    expect(resolveLink(`/api/projects/${HEX(9)}/?x=1`, 'projects')).toBe(HEX(9));
    expect(resolveLink(`/api/customers/${HEX(9)}/`, 'projects')).toBeNull();
    expect(resolveLink('/api/projects/', 'projects')).toBeNull();
    expect(resolveLink('not a path', 'projects')).toBeNull();
    expect(resolveLink('https://[bad', 'projects')).toBeNull();
    expect(resolveLink(`/api/projects/${HEX(9)}/?next=https://x/`, 'projects')).toBe(HEX(9));
    expect(resolveLink(`api/projects/${HEX(9)}/`, 'projects')).toBeNull();
    for (const unrouted of [`/x/api/projects/${HEX(9)}/`, `/api/projects/${HEX(9)}/more/`]) {
      expect(errorOf(() => resolveLink(unrouted, 'projects'))).toEqual({
        status: 404,
        body: { detail: 'Not found.' },
      });
    }
    expect(errorOf(() => resolveLink('/api/unknown-things/x/', 'projects'))).toEqual({
      status: 404,
      body: { detail: 'Not found.' },
    });
    expect(errorOf(() => resolveLink('/elsewhere/', 'projects'))).toEqual({
      status: 404,
      body: { detail: 'Not found.' },
    });
  });
});

describe('filters', () => {
  it('icontains, exact, uuid, url, choices (repeated, OR-ed) and custom', () => {
    expect(filter('name=DATA')).toEqual(['Data-01', 'data-02']);
    expect(filter('name_exact=data-02')).toEqual(['data-02']);
    expect(filter('name_exact=Data')).toEqual([]);
    expect(filter(`project_uuid=${HEX(8)}`)).toEqual(['scratch']);
    expect(filter(`project=/api/projects/${HEX(9)}/`)).toEqual(['Data-01', 'data-02']);
    expect(filter(`project=/api/customers/${HEX(9)}/`)).toEqual([]);
    expect(filter('state=ERRED')).toEqual(['scratch']);
    expect(filter('state=ERRED&state=OK')).toEqual(['Data-01', 'scratch', 'data-02']);
    expect(filter('big=6')).toEqual(['Data-01']);
    expect(filter(`only=${HEX(3)}`)).toEqual(['data-02']);
  });

  it('empty values are ignored; the last of repeated single values wins', () => {
    expect(filter('name=&state=')).toEqual(['Data-01', 'scratch', 'data-02']);
    expect(filter('name_exact=')).toEqual(['Data-01', 'scratch', 'data-02']);
    expect(filter('name=scr&name=02')).toEqual(['data-02']);
  });

  it('errors are collected per parameter and thrown together', () => {
    expect(errorOf(() => filter('project_uuid=x&state=Erred&only=y'))).toEqual({
      status: 400,
      body: {
        project_uuid: ['Enter a valid UUID.'],
        state: ['Select a valid choice. Erred is not one of the available choices.'],
        only: ['Enter a valid UUID.'],
      },
    });
  });
});

describe('ordering', () => {
  const spec = {
    ordering: {
      name: (r: Row) => r.name.toLowerCase(),
      size: (r: Row) => r.size,
      state: (r: Row) => r.state,
    },
    defaultOrdering: ['name'],
  };
  const order = (o: string) =>
    names(applyOrdering(rows, new URLSearchParams(o ? `o=${o}` : ''), spec));

  it('by the default, by any key in both directions, NULLs last ascending', () => {
    expect(order('')).toEqual(['Data-01', 'data-02', 'scratch']);
    expect(order('-name')).toEqual(['scratch', 'data-02', 'Data-01']);
    expect(order('size')).toEqual(['data-02', 'Data-01', 'scratch']);
    expect(order('-size')).toEqual(['scratch', 'Data-01', 'data-02']);
    // NULLs last for text too ("null" would sort before "zeta"), first when descending.
    const labelled = {
      ...spec,
      ordering: { label: (r: Row) => (r.size === null ? null : 'zeta') },
    };
    const byLabel = (o: string) =>
      names(applyOrdering(rows, new URLSearchParams(`o=${o}`), labelled));
    expect(byLabel('label')).toEqual(['Data-01', 'data-02', 'scratch']);
    expect(byLabel('-label')).toEqual(['scratch', 'Data-01', 'data-02']);
    // Numbers by value, not as text ("10" < "5").
    expect(order('size')[0]).toBe('data-02');
  });

  it('an empty `o` is the default; spaces around keys are ignored', () => {
    expect(names(applyOrdering(rows, new URLSearchParams('o='), spec))).toEqual(order(''));
    expect(order('state, -size')).toEqual(order('state,-size'));
  });

  it('the first key orders, the next breaks ties, then the UUID', () => {
    expect(order('state,-size')).toEqual(['scratch', 'Data-01', 'data-02']);
    expect(order('-state,size')).toEqual(['data-02', 'Data-01', 'scratch']);
    const tied = [rows[2]!, rows[0]!].map((r) => ({ ...r, name: 'same' }));
    expect(applyOrdering(tied, new URLSearchParams('o=name'), spec).map((r) => r.uuid)).toEqual([
      HEX(1),
      HEX(3),
    ]);
  });

  it('an unknown key is a 400 in Django’s words', () => {
    expect(errorOf(() => order('colour'))).toEqual({
      status: 400,
      body: { o: ['Select a valid choice. colour is not one of the available choices.'] },
    });
  });
});

describe('fields and pages', () => {
  it('field= keeps the known fields in the serializer’s order; none known, everything', () => {
    const object = { a: 1, b: 2, c: 3 };
    expect(applyFields(object, new URLSearchParams('field=c&field=a'))).toEqual({ a: 1, c: 3 });
    expect(Object.keys(applyFields(object, new URLSearchParams('field=c&field=a')))).toEqual([
      'a',
      'c',
    ]);
    expect(applyFields(object, new URLSearchParams('field=zz'))).toEqual(object);
    expect(applyFields(object, new URLSearchParams())).toEqual(object);
  });

  it('links re-encode the query in sorted key order, as DRF does', () => {
    const url = new URL('https://h/api/v/?state=OK&name=a b&state=ERRED&page=3');
    expect(pageLink(url, 2)).toBe('https://h/api/v/?name=a+b&page=2&state=OK&state=ERRED');
    expect(pageLink(url, null)).toBe('https://h/api/v/?name=a+b&state=OK&state=ERRED');
    expect(pageLink(new URL('https://h/api/v/?page=2'), null)).toBe('https://h/api/v/');
    expect(pageLink(new URL("https://h/api/v/?q=it's(1)*!"), 1)).toBe(
      'https://h/api/v/?page=1&q=it%27s%281%29%2A%21',
    );
  });

  it('pages of 10 by default, at most 300; the last, `last`, and an invalid page', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const page = (query: string) => paginate(items, new URL(`https://h/api/v/${query}`));
    expect(page('').items).toEqual(items.slice(0, 10));
    expect(page('').headers['X-Result-Count']).toBe('25');
    expect(page('?page=3').items).toEqual([20, 21, 22, 23, 24]);
    expect(page('?page=last').items).toEqual([20, 21, 22, 23, 24]);
    expect(page('?page_size=7&page=2').items).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(page('?page_size=0').items).toHaveLength(10);
    expect(page('?page_size=-3').items).toHaveLength(10);
    expect(page('?page_size=abc').items).toHaveLength(10);
    expect(page('?page_size=%2B5').items).toHaveLength(5);
    expect(page('?page_size=%205%20').items).toHaveLength(5);
    expect(page('?page_size=5abc').items).toHaveLength(10);
    expect(page('?page_size=abc5').items).toHaveLength(10);
    expect(page('?page_size=2&page=12').items).toEqual([22, 23]);
    expect(page('?page=%2B2').items).toEqual(items.slice(10, 20));
    expect(page('?page=3').headers.Link).toContain('<https://h/api/v/?page=2>; rel="prev"');
    expect(
      paginate(
        Array.from({ length: 400 }, (_, i) => i),
        new URL('https://h/api/v/?page_size=1000'),
      ).items,
    ).toHaveLength(300);
    expect(page('?page=2').headers.Link).toBe(
      '<https://h/api/v/>; rel="first", <https://h/api/v/>; rel="prev", <https://h/api/v/?page=3>; rel="next", <https://h/api/v/?page=3>; rel="last"',
    );
    expect(page('').headers.Link).toBe(
      '<https://h/api/v/>; rel="first", <https://h/api/v/?page=2>; rel="next", <https://h/api/v/?page=3>; rel="last"',
    );
    expect(paginate([], new URL('https://h/api/v/')).headers.Link).toBe(
      '<https://h/api/v/>; rel="first", <https://h/api/v/>; rel="last"',
    );
    for (const bad of ['?page=4', '?page=0', '?page=x', '?page=1.5']) {
      expect(
        errorOf(() => page(bad)),
        bad,
      ).toEqual({ status: 404, body: { detail: 'Invalid page.' } });
    }
  });

  it('the whole list endpoint, and HEAD without a body', async () => {
    const spec = {
      filters,
      ordering: { name: (r: Row) => r.name },
      defaultOrdering: ['name'],
      serialize: (r: Row) => ({ uuid: r.uuid, name: r.name, state: r.state }),
    };
    const get = listResponse(new Request('https://h/api/v/?state=OK&field=name'), rows, spec);
    expect(get.headers.get('x-result-count')).toBe('2');
    expect(await get.json()).toEqual([{ name: 'Data-01' }, { name: 'data-02' }]);
    const head = listResponse(new Request('https://h/api/v/', { method: 'HEAD' }), rows, spec);
    expect(head.headers.get('x-result-count')).toBe('3');
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(await head.text()).toBe('');
  });
});
