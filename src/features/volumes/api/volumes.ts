// Reading volumes: one page of a list view (with the lookups and browser-side filters Waldur's API
// lacks), every volume of a view (bulk actions, exports), one volume, and counts.
import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import type { Page, QueryParams, QueryValue } from '@/lib/http';
import { pageOfLink } from '@/lib/link-header';
import { api } from '@/lib/session';
import { normalizeUuid, toDashedUuid } from '@/lib/uuid';
import { CLIENT_FILTER_CAP, type VolumeFilters, type VolumeListParams } from '../model/list-view';
import { liveInterval } from '../model/live';
import { type Volume, volumeSchema } from '../model/schemas';
import { needsRefresh, TRANSITIONAL_STATES } from '../model/states';
import { volumeKeys } from './keys';
import { collection } from './read';

export interface VolumePage extends Page<Volume> {
  /** The page actually shown: a page past the end (an old link) lands on the last one. */
  page: number;
  pageCount: number;
  /** A UUID or backend ID search: the union of exact lookups, on one page. */
  isLookup: boolean;
  /** Set when client filters ran: how many volumes were looked at, and whether the cap cut it. */
  scanned?: { count: number; of: number };
}

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

/**
 * A page past the end: a list answers 404 only for that. Its `detail` ("Invalid page.") is in the
 * reader's language (every request carries `Accept-Language`), so the status alone tells.
 */
function isInvalidPage(error: unknown) {
  return error instanceof ApiError && error.status === 404;
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

const pageIsLive = liveInterval<VolumePage>((page) => page.items.some(needsRefresh));
const volumeIsLive = liveInterval<Volume>(needsRefresh);

/** The list pages in the cache that contain this volume: the detail page starts from that row. */
export function volumeFromLists(queryClient: QueryClient, uuid: string): Volume | undefined {
  for (const [, page] of queryClient.getQueriesData<VolumePage>({ queryKey: volumeKeys.lists() })) {
    const hit = page?.items.find((volume) => volume.uuid === uuid);
    if (hit) return hit;
  }
  return undefined;
}

const volumes = collection('api/openstack-volumes', volumeSchema);
const rawVolumes = collection('api/openstack-volumes', z.unknown());

export const volumeQueries = {
  list: (params: VolumeListParams) =>
    queryOptions({
      queryKey: volumeKeys.list(params),
      queryFn: ({ signal }) => fetchVolumePage(params, signal),
      placeholderData: keepPreviousData,
      refetchInterval: pageIsLive,
    }),
  detail: (uuid: string) =>
    volumes.get(volumeKeys.detail(uuid), uuid, {}, { refetchInterval: volumeIsLive }),
  /** Exactly what the server returns for this volume, unparsed, for the support panel. */
  raw: (uuid: string) => rawVolumes.get(volumeKeys.raw(uuid), uuid, {}, { staleTime: 0 }),
  /** Volumes by name, for a picker (a filter by source volume). */
  search: (query: string) => volumes.search(volumeKeys.search(query), query, 30_000),
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
