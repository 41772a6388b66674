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
import { CATALOGUE, collection } from './read';

const volumeTypes = collection('api/openstack-volume-types', volumeTypeSchema);
const customers = collection('api/customers', customerSchema);
const projects = collection('api/projects', projectSchema);
const tenants = collection('api/openstack-tenants', tenantSchema);

export const volumeTypeQueries = {
  byTenant: (tenantUuid: string) =>
    volumeTypes.list(
      volumeTypeKeys.byTenant(tenantUuid),
      { tenant_uuid: tenantUuid, page_size: 300 },
      CATALOGUE,
    ),
};

/** A directory picker's page: the first 20 by name, with the fields the picker shows. */
const pickerPage = (name: string, fields: string[]) => ({
  o: 'name',
  page_size: 20,
  name: name || undefined,
  field: ['uuid', 'url', 'name', ...fields],
});

export const directoryQueries = {
  customers: (query: string) =>
    customers.list(
      directoryKeys.customers(query),
      // Customers are searched with `query` (name, abbreviation…), not `name`.
      { ...pickerPage('', ['abbreviation']), query: query || undefined },
      CATALOGUE,
    ),
  projects: (query: string, customerUuid?: string) =>
    projects.list(
      directoryKeys.projects(query, customerUuid),
      { ...pickerPage(query, ['customer_uuid', 'customer_name']), customer: customerUuid },
      CATALOGUE,
    ),
  tenants: (query: string, projectUuid?: string) =>
    tenants.list(
      directoryKeys.tenants(query, projectUuid),
      {
        ...pickerPage(query, ['project_uuid', 'project_name', 'customer_name']),
        project_uuid: projectUuid,
      },
      CATALOGUE,
    ),
  /**
   * A tenant's quotas (storage in MiB, per-type gigabytes) and the plan it is billed by, for the
   * forms that show quota bars and prices.
   */
  tenantQuotas: (tenantUuid: string) =>
    queryOptions({
      queryKey: directoryKeys.tenantQuota(tenantUuid),
      queryFn: async ({ signal }) => {
        const page = await api().list('api/openstack-tenants', tenantSchema, {
          params: { uuid: tenantUuid, field: ['uuid', 'name', 'quotas', 'marketplace_plan_uuid'] },
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
          // A project's start date: its orders wait for it (`pending-project`).
          params: {
            field: kind === 'projects' ? ['uuid', 'name', 'start_date'] : ['uuid', 'name'],
          },
          signal,
        });
      },
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
