// Waldur's list mechanics, shared by every collection: django-filter filters, `o` ordering, the
// `field` sparse fieldset, page-number pagination with `X-Result-Count` and an RFC 5988 `Link` header
// whose URLs are re-encoded in sorted key order (DRF's `replace_query_param`).
import { DrfError, json } from './responses';

export type Json = Record<string, unknown>;

export type Filter<T> =
  /** `icontains` on a string (case-insensitive substring). */
  | { param: string; kind: 'icontains'; get: (item: T) => string | null | undefined }
  /** Exact, case-sensitive match. */
  | { param: string; kind: 'exact'; get: (item: T) => string | null | undefined }
  /** A UUID: 400 "Enter a valid UUID." when malformed; dashed and plain forms both accepted. */
  | { param: string; kind: 'uuid'; get: (item: T) => string | null | undefined }
  /** A hyperlink to another object; one that does not resolve gives an empty list, not an error. */
  | { param: string; kind: 'url'; collection: string; get: (item: T) => string | null | undefined }
  /** A multiple-choice filter (`state`): repeated parameters, OR-ed; unknown values give 400. */
  | { param: string; kind: 'choices'; choices: readonly string[]; get: (item: T) => string }
  /** Anything custom: receives the parsed UUID or raw value and narrows the list. */
  | {
      param: string;
      kind: 'custom';
      uuid?: boolean;
      apply: (items: T[], value: string) => T[];
    };

/** A relation filtered the two ways Waldur declares it: `<name>` (its URL) and `<name>_uuid`. */
export function relationFilters<T>(
  name: string,
  collection: string,
  get: (item: T) => string | null | undefined,
): Filter<T>[] {
  return [
    { param: name, kind: 'url', collection, get },
    { param: `${name}_uuid`, kind: 'uuid', get },
  ];
}

export interface ListSpec<T> {
  filters: Filter<T>[];
  /** Ordering keys accepted by `o` → sort value. */
  ordering: Record<string, (item: T) => string | number | null | undefined>;
  /** Ordering when `o` is absent (the viewset's queryset order). */
  defaultOrdering: string[];
  serialize: (item: T) => Json;
}

const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Django's UUIDField: accepts hex with or without dashes (and braces / urn prefix); returns hex. */
export function parseUuid(value: string): string | null {
  const v = value
    .trim()
    .replace(/^urn:uuid:/i, '')
    .replace(/^\{(.*)\}$/, '$1');
  if (HEX32.test(v) || DASHED.test(v)) return v.replaceAll('-', '').toLowerCase();
  return null;
}

/** Collections this backend routes; a hyperlink to anything else does not resolve. */
export const ROUTED_COLLECTIONS = [
  'openstack-volumes',
  'openstack-instances',
  'openstack-snapshots',
  'openstack-volume-types',
  'openstack-volume-availability-zones',
  'openstack-tenants',
  'openstack-images',
  'customers',
  'projects',
  'users',
  'service-settings',
  'marketplace-orders',
  'marketplace-resources',
  'marketplace-public-offerings',
  'events',
];

/** The path of a hyperlink as `urlparse(value).path` sees it (any host). */
function pathOf(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value.split(/[?#]/)[0] ?? '';
  return URL.canParse(value) ? new URL(value).pathname : '';
}

/**
 * Waldur's `URLFilter`: the UUID a hyperlink of `collection` points at. A path Django cannot resolve
 * gives 404 (`resolve()` raises); one that resolves to another view, or a value that is not a path,
 * matches nothing (null).
 */
export function resolveLink(value: string, collection: string): string | null {
  const path = pathOf(value);
  if (!path.startsWith('/')) return null;
  const match = /^\/api\/([^/]+)\/(?:([^/]+)\/)?$/.exec(path);
  if (!match || !ROUTED_COLLECTIONS.includes(match[1]!)) {
    throw new DrfError(404, { detail: 'Not found.' });
  }
  return match[1] === collection && match[2] ? parseUuid(match[2]) : null;
}

/** Python's `urllib.parse.quote_plus`. */
function quotePlus(value: string) {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** DRF's `replace_query_param` / `remove_query_param`: sorted keys, values in their original order. */
export function pageLink(url: URL, page: number | null): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) {
    if (key === 'page') continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  if (page !== null) grouped.set('page', [String(page)]);
  const query = [...grouped.keys()]
    .sort()
    .flatMap((key) => grouped.get(key)!.map((value) => `${quotePlus(key)}=${quotePlus(value)}`))
    .join('&');
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

function lastValue(params: URLSearchParams, key: string): string | null {
  const values = params.getAll(key);
  return values.length > 0 ? values[values.length - 1]! : null;
}

export function applyFilters<T>(items: T[], params: URLSearchParams, filters: Filter<T>[]): T[] {
  const errors: Record<string, string[]> = {};
  let result = items;
  for (const filter of filters) {
    if (filter.kind === 'choices') {
      const values = params.getAll(filter.param).filter((v) => v !== '');
      if (values.length === 0) continue;
      const invalid = values.find((v) => !filter.choices.includes(v));
      if (invalid !== undefined) {
        errors[filter.param] = [
          `Select a valid choice. ${invalid} is not one of the available choices.`,
        ];
        continue;
      }
      result = result.filter((item) => values.includes(filter.get(item)));
      continue;
    }
    const value = lastValue(params, filter.param);
    if (value === null || value === '') continue;
    switch (filter.kind) {
      case 'icontains': {
        const needle = value.toLowerCase();
        result = result.filter((item) => (filter.get(item) ?? '').toLowerCase().includes(needle));
        break;
      }
      case 'exact':
        result = result.filter((item) => filter.get(item) === value);
        break;
      case 'uuid': {
        const uuid = parseUuid(value);
        if (!uuid) {
          errors[filter.param] = ['Enter a valid UUID.'];
          break;
        }
        result = result.filter((item) => filter.get(item) === uuid);
        break;
      }
      case 'url': {
        const uuid = resolveLink(value, filter.collection);
        result = uuid ? result.filter((item) => filter.get(item) === uuid) : [];
        break;
      }
      case 'custom': {
        if (filter.uuid) {
          const uuid = parseUuid(value);
          if (!uuid) {
            errors[filter.param] = ['Enter a valid UUID.'];
            break;
          }
          result = filter.apply(result, uuid);
        } else {
          result = filter.apply(result, value);
        }
        break;
      }
    }
  }
  if (Object.keys(errors).length > 0) throw new DrfError(400, errors);
  return result;
}

function compare(a: string | number | null | undefined, b: string | number | null | undefined) {
  // PostgreSQL puts NULLs last in ascending order.
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en');
}

export function applyOrdering<T extends { uuid: string }>(
  items: T[],
  params: URLSearchParams,
  spec: Pick<ListSpec<T>, 'ordering' | 'defaultOrdering'>,
): T[] {
  const raw = lastValue(params, 'o');
  let keys = spec.defaultOrdering;
  if (raw !== null && raw !== '') {
    keys = raw.split(',').map((k) => k.trim());
    const invalid = keys.find((key) => !(key.replace(/^-/, '') in spec.ordering));
    if (invalid !== undefined) {
      throw new DrfError(400, {
        o: [`Select a valid choice. ${invalid} is not one of the available choices.`],
      });
    }
  }
  const sorters = keys.map((key) => ({
    get: spec.ordering[key.replace(/^-/, '')]!,
    direction: key.startsWith('-') ? -1 : 1,
  }));
  // The database's order for ties is arbitrary; a UUID tie-break keeps demo pages stable.
  return [...items].sort((a, b) => {
    for (const { get, direction } of sorters) {
      const result = compare(get(a), get(b));
      if (result !== 0) return result * direction;
    }
    return a.uuid.localeCompare(b.uuid);
  });
}

/** `?field=a&field=b`: keep only known names, in the serializer's order; none valid → everything. */
export function applyFields(object: Json, params: URLSearchParams): Json {
  const requested = new Set(params.getAll('field'));
  const keys = Object.keys(object).filter((key) => requested.has(key));
  if (keys.length === 0) return object;
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 300;

/** DRF's `_positive_int(strict=True, cutoff=300)`, silently falling back to the default. */
function pageSizeOf(params: URLSearchParams): number {
  const raw = lastValue(params, 'page_size');
  if (raw === null || !/^\s*[+]?\d+\s*$/.test(raw)) return DEFAULT_PAGE_SIZE;
  const value = Number.parseInt(raw, 10);
  if (value <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(value, MAX_PAGE_SIZE);
}

export function paginate<T>(items: T[], url: URL) {
  const pageSize = pageSizeOf(url.searchParams);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const raw = lastValue(url.searchParams, 'page') ?? '1';
  const page =
    raw === 'last' ? pages : /^\s*[+-]?\d+\s*$/.test(raw) ? Number.parseInt(raw, 10) : Number.NaN;
  if (!Number.isInteger(page) || page < 1 || page > pages) {
    throw new DrfError(404, { detail: 'Invalid page.' });
  }
  const links = [`<${pageLink(url, null)}>; rel="first"`];
  if (page > 1) links.push(`<${pageLink(url, page - 1 === 1 ? null : page - 1)}>; rel="prev"`);
  if (page < pages) links.push(`<${pageLink(url, page + 1)}>; rel="next"`);
  links.push(`<${pageLink(url, pages === 1 ? null : pages)}>; rel="last"`);
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    headers: { 'X-Result-Count': String(items.length), Link: links.join(', ') },
  };
}

/** The whole list endpoint: filter, order, paginate, serialise, sparse fields. HEAD gets no body. */
export function listResponse<T extends { uuid: string }>(
  request: Request,
  items: T[],
  spec: ListSpec<T>,
) {
  const url = new URL(request.url);
  const filtered = applyFilters(items, url.searchParams, spec.filters);
  const ordered = applyOrdering(filtered, url.searchParams, spec);
  const page = paginate(ordered, url);
  if (request.method === 'HEAD') {
    return new Response(null, {
      status: 200,
      headers: { 'Content-Type': 'application/json', ...page.headers },
    });
  }
  const body = page.items.map((item) => applyFields(spec.serialize(item), url.searchParams));
  return json(body, 200, page.headers);
}
