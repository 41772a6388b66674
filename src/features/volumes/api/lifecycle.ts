// The requests of a volume's birth and death, and its history: the offerings a project can order
// a volume from (with their tenant's quotas), the tenant's images and zones, placing and approving
// an order, reading orders, and the event log. Shaped as the lifecycle schema wants them: sizes in
// MiB, related objects as URLs, trailing slashes.
import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/session';
import {
  eventSchema,
  imageSchema,
  isOrderFinished,
  type Order,
  offeringSchema,
  orderSchema,
} from '../model/lifecycle';
import { LIVE_MIN_MS } from '../model/live';
import { availabilityZoneSchema } from '../model/schemas';
import { historyKeys, offeringKeys, orderKeys, volumeKeys } from './keys';
import { CATALOGUE, collection } from './read';

const offerings = collection('api/marketplace-public-offerings', offeringSchema);
const images = collection('api/openstack-images', imageSchema);
const zones = collection('api/openstack-volume-availability-zones', availabilityZoneSchema);
const orders = collection('api/marketplace-orders', orderSchema);

export const offeringQueries = {
  /** The volume offerings a project can order from: its tenants' private offerings. */
  forProject: (projectUuid: string) =>
    offerings.list(
      offeringKeys.forProject(projectUuid),
      {
        project_uuid: projectUuid,
        type: 'OpenStack.Volume',
        state: ['Active'],
        o: 'name',
        page_size: 100,
      },
      { staleTime: 30_000 },
    ),
  images: (tenantUuid: string) =>
    images.list(
      offeringKeys.images(tenantUuid),
      { tenant_uuid: tenantUuid, o: 'name', page_size: 300 },
      CATALOGUE,
    ),
  zones: (tenantUuid: string) =>
    zones.list(
      offeringKeys.zones(tenantUuid),
      { tenant_uuid: tenantUuid, page_size: 300 },
      CATALOGUE,
    ),
};

/** `POST /api/marketplace-orders/` for an `OpenStack.Volume` offering (contract-lifecycle §2.3). */
export interface VolumeOrder {
  offering: string;
  project: string;
  attributes: {
    name: string;
    size: number;
    description?: string;
    type?: string;
    availability_zone?: string;
    image?: string;
  };
  limits: Record<string, never>;
  accepting_terms_of_service: true;
}

export async function placeOrder(queryClient: QueryClient, body: VolumeOrder): Promise<Order> {
  const order = await api().post('api/marketplace-orders', { body, schema: orderSchema });
  queryClient.setQueryData(orderKeys.detail(order.uuid), order);
  void queryClient.invalidateQueries({ queryKey: offeringKeys.all });
  return order;
}

export async function approveOrder(queryClient: QueryClient, uuid: string) {
  // Waldur answers an empty 200 (the schema's `{"detail": …}` is tolerated too).
  await api().post(`api/marketplace-orders/${uuid}/approve_by_consumer`);
  void queryClient.invalidateQueries({ queryKey: orderKeys.detail(uuid) });
  void queryClient.invalidateQueries({ queryKey: historyKeys.all });
}

export const orderQueries = {
  /** One order, re-read while it is under way. */
  detail: (uuid: string) =>
    orders.get(
      orderKeys.detail(uuid),
      uuid,
      {},
      {
        refetchInterval: (query) =>
          query.state.data && isOrderFinished(query.state.data.state) ? false : LIVE_MIN_MS,
      },
    ),
  /** The orders of one marketplace resource, newest first (HomePort's ResourceOrders). */
  byResource: (resourceUuid: string) =>
    orders.list(orderKeys.byResource(resourceUuid), {
      resource_uuid: resourceUuid,
      o: '-created',
      page_size: 20,
    }),
};

const HISTORY_PAGE = 10;

/**
 * The event log of one object, newest first, a page at a time. `scope` is the marketplace
 * resource's URL when the volume has one (its whole history, orders included), else the volume's.
 */
export const historyQueries = {
  of: (scope: string, eventTypes: readonly string[], live: boolean) =>
    infiniteQueryOptions({
      queryKey: historyKeys.of(scope, eventTypes),
      queryFn: ({ pageParam, signal }) =>
        api().list('api/events', eventSchema, {
          params: {
            scope,
            event_type: eventTypes.length > 0 ? [...eventTypes] : undefined,
            o: '-created',
            page: pageParam > 1 ? pageParam : undefined,
            page_size: HISTORY_PAGE,
          },
          signal,
        }),
      initialPageParam: 1,
      getNextPageParam: (last, pages) => (last.links.next ? pages.length + 1 : undefined),
      refetchInterval: live ? LIVE_MIN_MS : false,
    }),
};

/** After an order ended: the volume lists and the orders change. */
export function invalidateAfterOrder(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: volumeKeys.counts() });
  void queryClient.invalidateQueries({ queryKey: orderKeys.all });
  void queryClient.invalidateQueries({ queryKey: historyKeys.all });
}
