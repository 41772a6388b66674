// The storage overview's reads. Each is a list with `field=` (only what the page shows) and its
// count from `X-Result-Count`, so that what the page asks grows with the tenants it shows, never
// with the volumes: the tenants (every page of them, to sort by fullness), the volume offerings
// (their plans price each tenant's volumes), a count per state and per runtime state, and the
// first few erred volumes, erred snapshots, volumes in progress (to find the stuck ones) and
// orders waiting for approval. Everything but the offerings is re-read every 45 s while the page
// is open; react-query pauses that while the tab is hidden.
import { queryOptions } from '@tanstack/react-query';
import type { QueryParams } from '@/lib/http';
import { api } from '@/lib/session';
import { offeringSchema, orderSchema } from '../model/lifecycle';
import {
  ATTENTION_ROWS,
  OFFERING_CAP,
  OFFERING_REQUEST_SIZE,
  OVERVIEW_REFRESH_MS,
  type OverviewScope,
  STUCK_SCAN_CAP,
  TENANT_CAP,
  TENANT_REQUEST_SIZE,
} from '../model/overview';
import { snapshotSchema, tenantSchema, volumeSchema } from '../model/schemas';
import { TRANSITIONAL_STATES } from '../model/states';
import { overviewKeys } from './keys';
import { CATALOGUE } from './read';
import { volumeQueries } from './volumes';

const live = { refetchInterval: OVERVIEW_REFRESH_MS } as const;

/** Every page of a list, `size` at a time, until `cap` items: how many there are, and the items. */
async function allPages<T>(
  read: (page: number) => Promise<{ items: T[]; total: number; links: { next?: string } }>,
  cap: number,
) {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; items.length < cap; page++) {
    const result = await read(page);
    total = result.total;
    items.push(...result.items.slice(0, cap - items.length));
    if (!result.links.next || result.items.length === 0) break;
  }
  return { items, total };
}

/** The parameters that narrow a scope: `customer_uuid` and `tenant_uuid` where Waldur has them. */
export const scopeParams = (scope: OverviewScope): QueryParams => ({
  customer_uuid: scope.customer || undefined,
  tenant_uuid: scope.tenant || undefined,
});

export const TENANT_FIELDS = [
  'uuid',
  'name',
  'project_uuid',
  'project_name',
  'customer_uuid',
  'customer_name',
  'quotas',
  'marketplace_plan_uuid',
];

const OFFERING_FIELDS = ['uuid', 'scope_uuid', 'plans', 'plugin_options'];

export const overviewQueries = {
  /**
   * The tenants the reader can see (Waldur scopes them), by name, narrowed by the customer, or
   * just one (`uuid`): all of them, `TENANT_REQUEST_SIZE` a request, up to `TENANT_CAP`.
   */
  tenants: (scope: OverviewScope & { search: string }) =>
    queryOptions({
      ...live,
      queryKey: overviewKeys.tenants(scope),
      queryFn: ({ signal }) =>
        allPages(
          (page) =>
            api().list('api/openstack-tenants', tenantSchema, {
              params: {
                customer_uuid: scope.customer || undefined,
                uuid: scope.tenant || undefined,
                name: scope.search || undefined,
                o: 'name',
                field: TENANT_FIELDS,
                page: page > 1 ? page : undefined,
                page_size: TENANT_REQUEST_SIZE,
              },
              signal,
            }),
          TENANT_CAP,
        ),
    }),
  /**
   * Every volume offering the reader can see, with its (parent's) plans and plugin options, to be
   * matched to tenants by `scope_uuid` here: Waldur's 2024 `scope_uuid` filter finds no tenant.
   * Not narrowed by customer: an offering's customer is its provider's, not the tenant's.
   */
  volumeOfferings: () =>
    queryOptions({
      ...CATALOGUE,
      queryKey: overviewKeys.offerings(),
      queryFn: ({ signal }) =>
        allPages(
          (page) =>
            api().list('api/marketplace-public-offerings', offeringSchema, {
              params: {
                type: 'OpenStack.Volume',
                field: OFFERING_FIELDS,
                page: page > 1 ? page : undefined,
                page_size: OFFERING_REQUEST_SIZE,
              },
              signal,
            }),
          OFFERING_CAP,
        ),
    }),
  /** How many volumes of the scope are in a state or runtime state (`X-Result-Count`). */
  count: (scope: OverviewScope, filter: { state?: string[]; runtime_state?: string }) => ({
    ...volumeQueries.count({
      ...filter,
      customer_uuid: scope.customer || undefined,
      tenant_uuid: scope.tenant || undefined,
    }),
    ...live,
  }),
  /** The first erred volumes, newest first, and how many there are. */
  erredVolumes: (scope: OverviewScope) =>
    queryOptions({
      ...live,
      queryKey: overviewKeys.attention('erred-volumes', scope),
      queryFn: ({ signal }) =>
        api().list('api/openstack-volumes', volumeSchema, {
          params: {
            ...scopeParams(scope),
            state: ['ERRED'],
            o: '-created',
            page_size: ATTENTION_ROWS,
            field: ['uuid', 'name', 'state', 'error_message', 'project_name'],
          },
          signal,
        }),
    }),
  /** The first erred snapshots, newest first, and how many there are. */
  erredSnapshots: (scope: OverviewScope) =>
    queryOptions({
      ...live,
      queryKey: overviewKeys.attention('erred-snapshots', scope),
      queryFn: ({ signal }) =>
        api().list('api/openstack-snapshots', snapshotSchema, {
          params: {
            ...scopeParams(scope),
            state: ['ERRED'],
            o: '-created',
            page_size: ATTENTION_ROWS,
            field: ['uuid', 'name', 'state', 'error_message', 'source_volume_name'],
          },
          signal,
        }),
    }),
  /**
   * Volumes in a transitional state, oldest first, one request of `STUCK_SCAN_CAP`: Waldur can
   * neither filter nor order by `modified`, so the stuck ones are found among these here.
   */
  inProgress: (scope: OverviewScope) =>
    queryOptions({
      ...live,
      queryKey: overviewKeys.attention('in-progress', scope),
      queryFn: ({ signal }) =>
        api().list('api/openstack-volumes', volumeSchema, {
          params: {
            ...scopeParams(scope),
            state: [...TRANSITIONAL_STATES],
            o: 'created',
            page_size: STUCK_SCAN_CAP,
            field: ['uuid', 'name', 'state', 'action', 'modified', 'project_name'],
          },
          signal,
        }),
    }),
  /**
   * Volume orders waiting for someone's approval, newest first (orders have no tenant filter:
   * with one tenant shown, they are the customer's, or everyone's).
   */
  pendingOrders: (scope: OverviewScope) =>
    queryOptions({
      ...live,
      queryKey: overviewKeys.attention('pending-orders', { customer: scope.customer, tenant: '' }),
      queryFn: ({ signal }) =>
        api().list('api/marketplace-orders', orderSchema, {
          params: {
            customer_uuid: scope.customer || undefined,
            state: ['pending-consumer', 'pending-provider'],
            offering_type: ['OpenStack.Volume'],
            o: '-created',
            page_size: ATTENTION_ROWS,
            field: [
              'uuid',
              'type',
              'state',
              'resource_name',
              'resource_uuid',
              'project_uuid',
              'project_name',
              'customer_name',
              'created',
            ],
          },
          signal,
        }),
    }),
};
