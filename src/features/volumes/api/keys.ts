// Every query key of the feature, from one factory per resource, so that invalidation can name a
// whole family (`volumeKeys.lists()`: every list page) or one member (`volumeKeys.detail(uuid)`).
// Nothing writes a key by hand.
import type { VolumeFilters, VolumeListParams } from '../model/list-view';

export const volumeKeys = {
  all: ['volumes'] as const,
  lists: () => [...volumeKeys.all, 'list'] as const,
  list: (params: VolumeListParams) => [...volumeKeys.lists(), params] as const,
  counts: () => [...volumeKeys.all, 'count'] as const,
  count: (filters: VolumeFilters & { search?: string }) =>
    [...volumeKeys.counts(), filters] as const,
  details: () => [...volumeKeys.all, 'detail'] as const,
  detail: (uuid: string) => [...volumeKeys.details(), uuid] as const,
  raw: (uuid: string) => [...volumeKeys.detail(uuid), 'raw'] as const,
  search: (query: string) => [...volumeKeys.all, 'search', query] as const,
  /** The fresh state of the volumes a bulk action is about (never cached: see hooks/use-bulk-targets). */
  bulkTargets: (action: string, target: unknown) =>
    [...volumeKeys.all, 'bulk-targets', action, target] as const,
};

export const snapshotKeys = {
  all: ['snapshots'] as const,
  byVolume: (volumeUuid: string) => [...snapshotKeys.all, 'by-volume', volumeUuid] as const,
  lists: () => [...snapshotKeys.all, 'list'] as const,
  list: (params: unknown) => [...snapshotKeys.lists(), params] as const,
  detail: (uuid: string) => [...snapshotKeys.all, 'detail', uuid] as const,
  restorations: (uuid: string) => [...snapshotKeys.detail(uuid), 'restorations'] as const,
};

export const orderKeys = {
  all: ['orders'] as const,
  detail: (uuid: string) => [...orderKeys.all, 'detail', uuid] as const,
  byResource: (resourceUuid: string) => [...orderKeys.all, 'resource', resourceUuid] as const,
};

export const offeringKeys = {
  all: ['offerings'] as const,
  forProject: (projectUuid: string) => [...offeringKeys.all, 'project', projectUuid] as const,
  images: (tenantUuid: string) => [...offeringKeys.all, 'images', tenantUuid] as const,
  zones: (tenantUuid: string) => [...offeringKeys.all, 'zones', tenantUuid] as const,
};

export const historyKeys = {
  all: ['history'] as const,
  of: (scope: string, types: readonly string[]) => [...historyKeys.all, scope, types] as const,
};

export const instanceKeys = {
  all: ['instances'] as const,
  attachable: (volumeUuid: string) => [...instanceKeys.all, 'attachable', volumeUuid] as const,
  detail: (uuid: string) => [...instanceKeys.all, 'detail', uuid] as const,
  search: (query: string) => [...instanceKeys.all, 'search', query] as const,
  one: (uuid: string) => [...instanceKeys.all, 'one', uuid] as const,
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
  tenantQuotas: () => [...directoryKeys.all, 'tenant-quotas'] as const,
  tenantQuota: (tenantUuid: string) => [...directoryKeys.tenantQuotas(), tenantUuid] as const,
  zones: () => [...directoryKeys.all, 'zones'] as const,
  one: (kind: string, uuid: string) => [...directoryKeys.all, kind, 'one', uuid] as const,
};

/** The storage overview's reads; counts of volumes share `volumeKeys.count`. */
export const overviewKeys = {
  all: ['overview'] as const,
  tenants: (scope: { search: string; customer: string; tenant: string }) =>
    [...overviewKeys.all, 'tenants', scope] as const,
  offerings: () => [...overviewKeys.all, 'volume-offerings'] as const,
  attention: (kind: string, scope: { customer: string; tenant: string }) =>
    [...overviewKeys.all, 'attention', kind, scope] as const,
};
