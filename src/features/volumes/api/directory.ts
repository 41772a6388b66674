// Reading what volumes live in: customers, projects and tenants (the filters' pickers and labels),
// a tenant's quotas, its volume types, and availability zone names.
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/session';
import {
  availabilityZoneSchema,
  customerSchema,
  projectSchema,
  tenantSchema,
  volumeTypeSchema,
} from '../model/schemas';
import { directoryKeys, volumeTypeKeys } from './keys';

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
      queryKey: directoryKeys.tenantQuota(tenantUuid),
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
