// The requests of a volume's birth and death, and its history: the offerings a project can order
// a volume from (with their tenant's quotas), the tenant's images and zones, placing and approving
// an order, reading orders, and the event log. Shaped as the lifecycle schema wants them: sizes in
// MiB, related objects as URLs, trailing slashes.
import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/session';
import { settled, type Write } from '@/lib/writes';
import { isCreateOrderFor, newOrderShown, orderShowsApproval } from '../model/accepted';
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
import { historyKeys, offeringKeys, orderKeys, snapshotKeys, volumeKeys } from './keys';
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

/** The newest orders of a project (one read), newest first. */
async function projectOrders(projectUuid: string, pageSize: number) {
  const page = await api().list('api/marketplace-orders', orderSchema, {
    params: { project_uuid: projectUuid, o: '-created', page_size: pageSize },
  });
  return page.items;
}

/**
 * Placing a volume order, as a write: the project's newest order is read first, so that after a
 * lost answer a check can find the order this request made (a new Create order for the same
 * offering and name), whatever state Waldur has moved it to since.
 */
export function placeOrderWrite(
  queryClient: QueryClient,
  body: VolumeOrder,
  ids: { project: string; offering: string },
): Write<Order> {
  let before: string | null | undefined;
  return settled(
    {
      prepare: async () => {
        before = (await projectOrders(ids.project, 1))[0]?.uuid ?? null;
      },
      send: () => api().post('api/marketplace-orders', { body, schema: orderSchema }),
      check: async () =>
        before === undefined
          ? null
          : newOrderShown(
              await projectOrders(ids.project, 20),
              before,
              isCreateOrderFor(ids.offering, body.attributes.name),
            ),
    },
    (order) => {
      queryClient.setQueryData(orderKeys.detail(order.uuid), order);
      void queryClient.invalidateQueries({ queryKey: offeringKeys.all });
    },
  );
}

/**
 * An approver's decision on an order waiting for them (`approve_by_consumer` answers an empty
 * 200; `reject_by_consumer` too). A check reads the order: approved is no longer waiting (and not
 * rejected), rejected is rejected.
 */
export function reviewOrderWrite(
  queryClient: QueryClient,
  uuid: string,
  decision: 'approve' | 'reject',
): Write<true> {
  return settled<true>(
    {
      send: async () => {
        await api().post(`api/marketplace-orders/${uuid}/${decision}_by_consumer`);
        return true;
      },
      check: async () => {
        const order = await api().get(`api/marketplace-orders/${uuid}`, orderSchema);
        const shown =
          decision === 'approve' ? orderShowsApproval(order) : order.state === 'rejected';
        return shown ? true : null;
      },
    },
    () => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(uuid) });
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
    },
  );
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

/**
 * After an order ended: the volume lists and the orders change, and so does the volume it made or
 * deleted (`volumeUuid`), whatever state this page last read it in (it may look settled, and so
 * not be refreshed by itself).
 */
export function invalidateAfterOrder(queryClient: QueryClient, volumeUuid?: string) {
  if (volumeUuid) {
    void queryClient.invalidateQueries({ queryKey: volumeKeys.detail(volumeUuid) });
    // A deletion refused for its snapshots names them: read them again too.
    void queryClient.invalidateQueries({ queryKey: snapshotKeys.byVolume(volumeUuid) });
  }
  void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: volumeKeys.counts() });
  void queryClient.invalidateQueries({ queryKey: orderKeys.all });
  void queryClient.invalidateQueries({ queryKey: historyKeys.all });
}
