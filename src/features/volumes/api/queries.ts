import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import type { Page, QueryParams, QueryValue } from '@/lib/http';
import { pageOfLink } from '@/lib/link-header';
import { api } from '@/lib/session';
import { normalizeUuid, toDashedUuid } from '@/lib/uuid';
import { liveInterval } from '../model/live';
import { isSettledState, isTransitional, TRANSITIONAL_STATES } from '../model/states';
import {
  availabilityZoneSchema,
  customerSchema,
  type Instance,
  instanceSchema,
  projectSchema,
  type Snapshot,
  snapshotSchema,
  tenantSchema,
  type Volume,
  volumeSchema,
  volumeTypeSchema,
} from './schemas';

/**
 * Query keys and `queryOptions` for everything the volumes feature reads. Keys come from one factory
 * per resource (`volumeKeys.lists()` invalidates every list, `volumeKeys.detail(uuid)` one volume).
 */

/** Waldur's volume list filters, with the contract's parameter names. */
export interface VolumeFilters {
  state?: string[];
  runtime_state?: string;
  customer_uuid?: string;
  project_uuid?: string;
  tenant_uuid?: string;
  instance_uuid?: string;
  availability_zone_name?: string;
}

/**
 * Filters Waldur's API does not have (no `modified` or `bootable` filter): applied in the browser to
 * every volume matching the API filters, up to `CLIENT_FILTER_CAP`.
 */
export interface ClientFilters {
  /** In a transitional state, last modified longer ago than this. */
  stuckForMinutes?: number;
  bootable?: boolean;
}

export const CLIENT_FILTER_CAP = 3000;

export interface VolumeListParams {
  /** Name, or a volume UUID / Cinder ID pasted whole. */
  search?: string;
  filters: VolumeFilters;
  /** `o`: e.g. `-size` or `name`. */
  ordering?: string;
  page: number;
  pageSize: number;
  /** Sparse fieldset; always includes what rows and live refresh need. */
  fields: string[];
  clientFilters?: ClientFilters;
}

export interface VolumePage extends Page<Volume> {
  /** The page actually shown: a page past the end (an old link) lands on the last one. */
  page: number;
  pageCount: number;
  /** A UUID or backend ID search: the union of exact lookups, on one page. */
  isLookup: boolean;
  /** Set when client filters ran: how many volumes were looked at, and whether the cap cut it. */
  scanned?: { count: number; of: number };
}

export const volumeKeys = {
  all: ['volumes'] as const,
  lists: () => [...volumeKeys.all, 'list'] as const,
  list: (params: VolumeListParams) => [...volumeKeys.lists(), params] as const,
  counts: () => [...volumeKeys.all, 'count'] as const,
  count: (filters: VolumeFilters & { search?: string }) =>
    [...volumeKeys.counts(), filters] as const,
  details: () => [...volumeKeys.all, 'detail'] as const,
  detail: (uuid: string) => [...volumeKeys.details(), uuid] as const,
};

export const snapshotKeys = {
  all: ['snapshots'] as const,
  byVolume: (volumeUuid: string) => [...snapshotKeys.all, 'by-volume', volumeUuid] as const,
};

export const instanceKeys = {
  all: ['instances'] as const,
  attachable: (volumeUuid: string) => [...instanceKeys.all, 'attachable', volumeUuid] as const,
  detail: (uuid: string) => [...instanceKeys.all, 'detail', uuid] as const,
  search: (query: string) => [...instanceKeys.all, 'search', query] as const,
};

export const volumeTypeKeys = {
  all: ['volume-types'] as const,
  byTenant: (tenantUuid: string) => [...volumeTypeKeys.all, 'tenant', tenantUuid] as const,
};

export const directoryKeys = {
  all: ['directory'] as const,
  customers: (query: string) => [...directoryKeys.all, 'customers', query] as const,
  projects: (query: string, customer?: string) =>
    [...directoryKeys.all, 'projects', query, customer ?? ''] as const,
  tenants: (query: string, project?: string) =>
    [...directoryKeys.all, 'tenants', query, project ?? ''] as const,
  zones: () => [...directoryKeys.all, 'zones'] as const,
  one: (kind: string, uuid: string) => [...directoryKeys.all, kind, 'one', uuid] as const,
};

/** Fields every list row needs whatever the columns: identity, and what live refresh watches. */
export const ROW_FIELDS = ['uuid', 'url', 'name', 'state', 'runtime_state', 'action'] as const;

export function filtersToQuery(filters: VolumeFilters): QueryParams {
  return {
    state: filters.state,
    runtime_state: filters.runtime_state,
    customer_uuid: filters.customer_uuid,
    project_uuid: filters.project_uuid,
    tenant_uuid: filters.tenant_uuid,
    instance_uuid: filters.instance_uuid,
    availability_zone_name: filters.availability_zone_name,
  };
}

/**
 * Every page of a volume query (page_size=300), for bulk actions, exports and client filters.
 * Stops at `cap` volumes; reports progress; honours `signal`.
 */
export async function fetchAllVolumes(
  query: QueryParams,
  options: {
    signal?: AbortSignal;
    cap?: number;
    onProgress?: (loaded: number, total: number) => void;
  } = {},
): Promise<{ items: Volume[]; total: number }> {
  const cap = options.cap ?? Number.POSITIVE_INFINITY;
  const items: Volume[] = [];
  let total = 0;
  for (let page = 1; items.length < cap; page++) {
    const result = await api().list('api/openstack-volumes', volumeSchema, {
      params: { ...query, page: page > 1 ? page : undefined, page_size: 300 },
      signal: options.signal,
    });
    total = result.total;
    items.push(...result.items.slice(0, cap - items.length));
    options.onProgress?.(items.length, Math.min(total, cap));
    if (!result.links.next || result.items.length === 0) break;
  }
  return { items, total };
}

/** The three exact lookups behind a pasted UUID (Waldur's filters cannot OR), merged. */
async function lookupById(
  base: QueryParams,
  search: string,
  uuid: string,
  signal?: AbortSignal,
): Promise<Volume[]> {
  const lookups = await Promise.all([
    api().list('api/openstack-volumes', volumeSchema, { params: { ...base, uuid }, signal }),
    api().list('api/openstack-volumes', volumeSchema, {
      params: { ...base, backend_id: toDashedUuid(uuid) },
      signal,
    }),
    api().list('api/openstack-volumes', volumeSchema, {
      params: { ...base, name: search },
      signal,
    }),
  ]);
  const seen = new Set<string>();
  return lookups.flatMap((page) => page.items).filter((v) => !seen.has(v.uuid) && seen.add(v.uuid));
}

/**
 * Every volume a list view matches, across all pages: its search (a pasted ID is looked up exactly),
 * API filters and order, then the filters Waldur lacks. For bulk actions, exports and the client-
 * filtered views. `total` is what the API matched; `items` may stop at `cap`.
 */
export async function fetchAllMatching(
  params: VolumeListParams,
  options: {
    fields: string[];
    signal?: AbortSignal;
    cap?: number;
    onProgress?: (loaded: number, total: number) => void;
  },
): Promise<{ items: Volume[]; total: number }> {
  const { stuckForMinutes, bootable } = params.clientFilters ?? {};
  const fields = new Set(options.fields);
  if (stuckForMinutes !== undefined) fields.add('modified');
  if (bootable !== undefined) fields.add('bootable');
  const query: Record<string, QueryValue> = {
    ...filtersToQuery(params.filters),
    o: params.ordering,
    field: [...fields].sort(),
  };
  if (stuckForMinutes !== undefined) {
    // Waldur can filter the transitional states; "for how long" it cannot.
    const transitional: readonly string[] = TRANSITIONAL_STATES;
    const states = params.filters.state?.filter((s) => transitional.includes(s));
    query.state = states && states.length > 0 ? states : [...transitional];
  }
  const search = params.search?.trim() ?? '';
  const uuid = normalizeUuid(search);
  let all: { items: Volume[]; total: number };
  if (uuid) {
    const items = await lookupById({ ...query, page_size: 300 }, search, uuid, options.signal);
    all = { items, total: items.length };
    options.onProgress?.(items.length, items.length);
  } else {
    all = await fetchAllVolumes({ ...query, name: search || undefined }, options);
  }
  if (!params.clientFilters) return all;
  const cutoff = Date.now() - (stuckForMinutes ?? 0) * 60_000;
  const items = all.items.filter(
    (v) =>
      (stuckForMinutes === undefined ||
        (v.modified !== undefined && v.modified !== null && Date.parse(v.modified) < cutoff)) &&
      (bootable === undefined || v.bootable === bootable),
  );
  return { items, total: all.total };
}

async function fetchClientFiltered(
  params: VolumeListParams,
  signal: AbortSignal,
): Promise<VolumePage> {
  const all = await fetchAllMatching(params, {
    fields: params.fields,
    signal,
    cap: CLIENT_FILTER_CAP,
  });
  const scannedCount = Math.min(all.total, CLIENT_FILTER_CAP);
  const pageCount = Math.max(1, Math.ceil(all.items.length / params.pageSize));
  const page = Math.min(params.page, pageCount);
  return {
    items: all.items.slice((page - 1) * params.pageSize, page * params.pageSize),
    total: all.items.length,
    links: {},
    page,
    pageCount,
    isLookup: false,
    scanned: { count: scannedCount, of: all.total },
  };
}

function isInvalidPage(error: unknown) {
  return error instanceof ApiError && error.status === 404 && error.detail === 'Invalid page.';
}

async function fetchVolumePage(params: VolumeListParams, signal: AbortSignal): Promise<VolumePage> {
  const base: QueryParams = {
    ...filtersToQuery(params.filters),
    o: params.ordering,
    page_size: params.pageSize,
    field: params.fields,
  };
  const search = params.search?.trim() ?? '';
  const uuid = normalizeUuid(search);
  if (params.clientFilters && !uuid) return fetchClientFiltered(params, signal);
  if (uuid) {
    // The API has no OR: look the value up as a UUID, as a Cinder ID and as a name, and merge.
    const items = await lookupById(base, search, uuid, signal);
    return { items, total: items.length, links: {}, page: 1, pageCount: 1, isLookup: true };
  }
  const query = { ...base, name: search || undefined };
  const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / params.pageSize));
  try {
    const page = await api().list('api/openstack-volumes', volumeSchema, {
      params: { ...query, page: params.page > 1 ? params.page : undefined },
      signal,
    });
    return { ...page, page: params.page, pageCount: pageCountOf(page.total), isLookup: false };
  } catch (error) {
    if (!isInvalidPage(error) || params.page <= 1) throw error;
    // A page past the end (the list shrank, or an old link): Waldur understands `page=last`.
    const last = await api().list('api/openstack-volumes', volumeSchema, {
      params: { ...query, page: 'last' },
      signal,
    });
    const pageCount = pageCountOf(last.total);
    return { ...last, page: pageOfLink(last.links.last) ?? pageCount, pageCount, isLookup: false };
  }
}

const pageIsLive = liveInterval<VolumePage>((page) => page.items.some(isTransitional));
const volumeIsLive = liveInterval<Volume>(isTransitional);

/** The list pages in the cache that contain this volume: the detail page starts from that row. */
export function volumeFromLists(queryClient: QueryClient, uuid: string): Volume | undefined {
  for (const [, page] of queryClient.getQueriesData<VolumePage>({ queryKey: volumeKeys.lists() })) {
    const hit = page?.items.find((volume) => volume.uuid === uuid);
    if (hit) return hit;
  }
  return undefined;
}

export const volumeQueries = {
  list: (params: VolumeListParams) =>
    queryOptions({
      queryKey: volumeKeys.list(params),
      queryFn: ({ signal }) => fetchVolumePage(params, signal),
      placeholderData: keepPreviousData,
      refetchInterval: pageIsLive,
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: volumeKeys.detail(uuid),
      queryFn: ({ signal }) => api().get(`api/openstack-volumes/${uuid}`, volumeSchema, { signal }),
      refetchInterval: volumeIsLive,
    }),
  /** Exactly what the server returns for this volume, unparsed, for the support panel. */
  raw: (uuid: string) =>
    queryOptions({
      queryKey: [...volumeKeys.detail(uuid), 'raw'] as const,
      queryFn: ({ signal }) => api().get(`api/openstack-volumes/${uuid}`, z.unknown(), { signal }),
      staleTime: 0,
    }),
  /** How many volumes match (HEAD-less: `page_size=1` and `X-Result-Count`). */
  count: (filters: VolumeFilters & { search?: string }) =>
    queryOptions({
      queryKey: volumeKeys.count(filters),
      queryFn: async ({ signal }) => {
        const { search, ...rest } = filters;
        const page = await api().list('api/openstack-volumes', volumeSchema, {
          params: {
            ...filtersToQuery(rest),
            name: search || undefined,
            page_size: 1,
            field: ['uuid'],
          },
          signal,
        });
        return page.total;
      },
    }),
};

export const snapshotQueries = {
  detail: (uuid: string) =>
    queryOptions({
      queryKey: [...snapshotKeys.all, 'detail', uuid] as const,
      queryFn: ({ signal }) =>
        api().get(`api/openstack-snapshots/${uuid}`, snapshotSchema, { signal }),
    }),
  byVolume: (volumeUuid: string) =>
    queryOptions({
      queryKey: snapshotKeys.byVolume(volumeUuid),
      queryFn: ({ signal }) =>
        api().list('api/openstack-snapshots', snapshotSchema, {
          params: { source_volume_uuid: volumeUuid, o: '-created', page_size: 100 },
          signal,
        }),
      refetchInterval: liveInterval<Page<Snapshot>>((page) =>
        page.items.some((s) => Boolean(s.state) && !isSettledState(s.state)),
      ),
    }),
};

const INSTANCE_FIELDS = [
  'uuid',
  'url',
  'name',
  'state',
  'runtime_state',
  'action',
  'project_uuid',
  'tenant_uuid',
  'availability_zone_name',
  'internal_ips',
  'external_ips',
];

export const instanceQueries = {
  /** Instances Waldur would consider for this volume (same tenant and project, zone mapping). */
  attachable: (volumeUuid: string) =>
    queryOptions({
      queryKey: instanceKeys.attachable(volumeUuid),
      queryFn: async ({ signal }) => {
        const page = await api().list('api/openstack-instances', instanceSchema, {
          params: {
            attach_volume_uuid: volumeUuid,
            o: 'name',
            page_size: 300,
            field: INSTANCE_FIELDS,
          },
          signal,
        });
        return page;
      },
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: instanceKeys.detail(uuid),
      queryFn: ({ signal }) =>
        api().get(`api/openstack-instances/${uuid}`, instanceSchema, {
          params: { field: [...INSTANCE_FIELDS, 'volumes'] },
          signal,
        }),
      staleTime: 10_000,
      refetchInterval: liveInterval<Instance>((i) => Boolean(i.state) && !isSettledState(i.state)),
    }),
  search: (query: string) =>
    queryOptions({
      queryKey: instanceKeys.search(query),
      queryFn: ({ signal }) =>
        api().list('api/openstack-instances', instanceSchema, {
          params: {
            name: query || undefined,
            o: 'name',
            page_size: 20,
            field: ['uuid', 'name', 'project_name'],
          },
          signal,
        }),
      staleTime: 60_000,
    }),
  one: (uuid: string) =>
    queryOptions({
      queryKey: [...instanceKeys.all, 'one', uuid] as const,
      queryFn: ({ signal }) =>
        api().get(`api/openstack-instances/${uuid}`, instanceSchema, {
          params: { field: ['uuid', 'name', 'project_name'] },
          signal,
        }),
      staleTime: 5 * 60_000,
    }),
};

export const volumeTypeQueries = {
  byTenant: (tenantUuid: string) =>
    queryOptions({
      queryKey: volumeTypeKeys.byTenant(tenantUuid),
      queryFn: ({ signal }) =>
        api().list('api/openstack-volume-types', volumeTypeSchema, {
          params: { tenant_uuid: tenantUuid, page_size: 300 },
          signal,
        }),
      staleTime: 5 * 60_000,
    }),
};

const PICKER_PAGE = 20;

export const directoryQueries = {
  customers: (query: string) =>
    queryOptions({
      queryKey: directoryKeys.customers(query),
      queryFn: ({ signal }) =>
        api().list('api/customers', customerSchema, {
          params: {
            query: query || undefined,
            o: 'name',
            page_size: PICKER_PAGE,
            field: ['uuid', 'url', 'name', 'abbreviation'],
          },
          signal,
        }),
      staleTime: 5 * 60_000,
    }),
  projects: (query: string, customerUuid?: string) =>
    queryOptions({
      queryKey: directoryKeys.projects(query, customerUuid),
      queryFn: ({ signal }) =>
        api().list('api/projects', projectSchema, {
          params: {
            name: query || undefined,
            customer: customerUuid,
            o: 'name',
            page_size: PICKER_PAGE,
            field: ['uuid', 'url', 'name', 'customer_uuid', 'customer_name'],
          },
          signal,
        }),
      staleTime: 5 * 60_000,
    }),
  tenants: (query: string, projectUuid?: string) =>
    queryOptions({
      queryKey: directoryKeys.tenants(query, projectUuid),
      queryFn: ({ signal }) =>
        api().list('api/openstack-tenants', tenantSchema, {
          params: {
            name: query || undefined,
            project_uuid: projectUuid,
            o: 'name',
            page_size: PICKER_PAGE,
            field: ['uuid', 'url', 'name', 'project_uuid', 'project_name', 'customer_name'],
          },
          signal,
        }),
      staleTime: 5 * 60_000,
    }),
  /** A tenant's quotas (storage in MiB, per-type gigabytes), for the extend and snapshot forms. */
  tenantQuotas: (tenantUuid: string) =>
    queryOptions({
      queryKey: [...directoryKeys.all, 'tenant-quotas', tenantUuid] as const,
      queryFn: async ({ signal }) => {
        const page = await api().list('api/openstack-tenants', tenantSchema, {
          params: { uuid: tenantUuid, field: ['uuid', 'name', 'quotas'] },
          signal,
        });
        return page.items[0] ?? null;
      },
      staleTime: 30_000,
    }),
  /** Distinct availability zone names (zones repeat per tenant: "nova" everywhere). */
  zoneNames: () =>
    queryOptions({
      queryKey: directoryKeys.zones(),
      queryFn: async ({ signal }) => {
        const page = await api().list(
          'api/openstack-volume-availability-zones',
          availabilityZoneSchema,
          {
            params: { page_size: 300, field: ['uuid', 'name'] },
            signal,
          },
        );
        return [
          ...new Set(page.items.map((z) => z.name).filter((n): n is string => Boolean(n))),
        ].sort();
      },
      staleTime: 10 * 60_000,
    }),
  /**
   * One customer / project / tenant by UUID, to label a filter that came from a URL. Customers and
   * projects have no `uuid` list filter in Waldur (an unknown filter is ignored, which would label it
   * with the first customer), so those use their retrieve endpoint; tenants have the filter.
   */
  one: (kind: 'customers' | 'projects' | 'openstack-tenants', uuid: string) =>
    queryOptions({
      queryKey: directoryKeys.one(kind, uuid),
      queryFn: async ({ signal }) => {
        if (kind === 'openstack-tenants') {
          const page = await api().list('api/openstack-tenants', tenantSchema, {
            params: { uuid, field: ['uuid', 'name'] },
            signal,
          });
          return page.items[0] ?? null;
        }
        const schema = kind === 'customers' ? customerSchema : projectSchema;
        return api().get(`api/${kind}/${uuid}`, schema, {
          params: { field: ['uuid', 'name'] },
          signal,
        });
      },
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
