// The rest of a volume's life as Waldur models it (contract-lifecycle): marketplace offerings,
// orders and resources, the event log, Glance images and snapshot restorations. The schemas are as
// tolerant as ./schemas; the order states and event kinds are Waldur's own spellings, and anything
// unknown is shown as it comes.
import * as z from 'zod/mini';
import { formatDate } from '@/lib/format';
import { msg, t } from '@/lib/i18n';
import { count, flag, jsonObject, lenient, text, texts } from '@/lib/zod';
import { priceSourceShape } from './pricing';
import { quotaSchema } from './schemas';
import { normalizeState } from './states';

export const offeringSchema = z.looseObject({
  uuid: z.string(),
  ...texts('url', 'name', 'type', 'state'),
  shared: flag,
  billable: flag,
  customer_name: text,
  project_uuid: text,
  /** The tenant the offering provisions in. */
  scope: text,
  scope_uuid: text,
  quotas: lenient(z.array(quotaSchema)),
  /** The parent (tenant) offering's plans and plugin options: what prices its volumes. */
  ...priceSourceShape,
});
export type Offering = z.output<typeof offeringSchema>;

export const orderSchema = z.looseObject({
  uuid: z.string(),
  ...texts('url', 'type', 'state', 'resource_name'),
  /** The volume, once the order made one. */
  resource_uuid: text,
  ...texts(
    'marketplace_resource_uuid',
    'offering_uuid',
    'offering_name',
    'project_uuid',
    'project_name',
    'customer_uuid',
    'customer_name',
    'error_message',
    'created',
    'completed_at',
    'created_by',
    'created_by_username',
    'created_by_full_name',
    'consumer_reviewed_by_username',
    'consumer_reviewed_by_full_name',
    'consumer_reviewed_at',
  ),
  attributes: jsonObject,
});
export type Order = z.output<typeof orderSchema>;

export const marketplaceResourceSchema = z.looseObject({
  uuid: z.string(),
  ...texts('url', 'state', 'scope', 'resource_uuid', 'name'),
});
export type MarketplaceResource = z.output<typeof marketplaceResourceSchema>;

export const eventSchema = z.looseObject({
  uuid: z.string(),
  ...texts('created', 'event_type', 'message'),
  context: jsonObject,
});
export type WaldurEvent = z.output<typeof eventSchema>;

export const imageSchema = z.looseObject({
  uuid: z.string(),
  url: z.string(),
  name: text,
  /** MiB. */
  min_disk: count,
  min_ram: count,
});
export type Image = z.output<typeof imageSchema>;

export const restorationSchema = z.looseObject({
  ...texts('uuid', 'created', 'description', 'volume', 'volume_name'),
  volume_state: lenient(z.pipe(z.string(), z.transform(normalizeState))),
  volume_runtime_state: text,
  volume_size: count,
});
export type Restoration = z.output<typeof restorationSchema>;

// Orders.

/** Each order state's name for people (translated where shown: `orderStateLabel`). */
export const ORDER_STATE_LABELS: Record<string, string> = {
  'pending-consumer': msg('Waiting for approval'),
  'pending-provider': msg('Waiting for the provider'),
  'pending-project': msg('Waiting for the project to start'),
  'pending-start-date': msg('Waiting for its start date'),
  executing: msg('Executing'),
  done: msg('Done'),
  erred: msg('Failed'),
  canceled: msg('Canceled'),
  rejected: msg('Rejected'),
};

/** An order state's name in the reader's language; one the console does not know, as it comes. */
export function orderStateLabel(state: string | null | undefined): string {
  if (!state) return t('Unknown');
  const label = ORDER_STATE_LABELS[state];
  return label ? t(label) : state;
}

/** done, erred, canceled and rejected; everything else (an unknown state too) is still going. */
export function isOrderFinished(state: string | null | undefined) {
  return state === 'done' || state === 'erred' || state === 'canceled' || state === 'rejected';
}

export function isOrderPending(state: string | null | undefined) {
  return typeof state === 'string' && state.startsWith('pending-');
}

/** `ORDER.APPROVE`: staff, and owners of the order's customer (contract-lifecycle §2.6). */
export function canApproveOrder(
  user:
    | {
        is_staff?: boolean | null;
        permissions?: { role_name?: string | null; scope_uuid?: string | null }[] | null;
      }
    | undefined,
  customerUuid: string | null | undefined,
) {
  if (!user) return false;
  if (user.is_staff) return true;
  return Boolean(
    customerUuid &&
      user.permissions?.some(
        (p) => p.role_name === 'CUSTOMER.OWNER' && p.scope_uuid === customerUuid,
      ),
  );
}

/**
 * What a pending order waits for, in words (contract-lifecycle §2.6, §8): someone's approval, or
 * a date. `projectStart` is the project's `start_date` when known (for `pending-project`). The
 * phrase completes a sentence ("It waits for …"), in the reader's language; each is one message.
 */
export function orderWait(
  order: Pick<Order, 'state' | 'customer_name' | 'project_name'>,
  projectStart?: string | null,
): string {
  const project = order.project_name;
  switch (order.state) {
    case 'pending-consumer':
      return order.customer_name
        ? t('approval by an owner of {organisation} (or staff)', {
            organisation: order.customer_name,
          })
        : t('approval by an owner of the organisation (or staff)');
    case 'pending-provider':
      return t('approval by the service provider');
    case 'pending-project':
      if (projectStart) {
        const date = formatDate(projectStart);
        return project
          ? t('the start of project {project} on {date}', { project, date })
          : t('the start of the project on {date}', { date });
      }
      return project
        ? t('the start date of project {project}', { project })
        : t('the start date of the project');
    case 'pending-start-date':
      return t('the start date set on the order');
    default:
      return t('Waldur (the order is {state})', { state: orderStateLabel(order.state) });
  }
}

/** Whether the wait is for a person's decision (and not a date). */
export const waitsForApproval = (state: string | null | undefined) =>
  state === 'pending-consumer' || state === 'pending-provider';

// Quotas.

/**
 * What is left of a quota, or null when Waldur gives no number to promise: a limit of -1 is shown
 * for "unlimited" and for a stored 0 alike (contract-lifecycle E6), so -1 promises nothing.
 */
export function quotaLeft(
  quotas:
    | readonly { name?: string | null; usage?: number | null; limit?: number | null }[]
    | null
    | undefined,
  name: string,
): number | null {
  const quota = quotas?.find((q) => q.name === name);
  if (!quota || typeof quota.limit !== 'number' || quota.limit < 0) return null;
  return quota.limit - (quota.usage ?? 0);
}

// History.

/** What an event is about, for the staff's filter: the part of Waldur that logged it. */
export type EventKind = 'action' | 'lifecycle' | 'order' | 'marketplace';

/** Each kind's name for people (translated where shown: `t(EVENT_KIND_LABELS[kind])`). */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  action: msg('Operations'),
  lifecycle: msg('Creation and deletion'),
  order: msg('Orders'),
  marketplace: msg('Marketplace resource'),
};

const actions = ['attach', 'detach', 'extend', 'retype', 'pull'];

/** The event types of each kind, for Waldur's `event_type` filter (contract-lifecycle §5.2). */
export const EVENT_TYPES: Record<EventKind, string[]> = {
  action: actions.flatMap((a) =>
    ['scheduled', 'succeeded', 'failed'].map((r) => `resource_${a}_${r}`),
  ),
  lifecycle: [
    'resource_creation_scheduled',
    'resource_creation_succeeded',
    'resource_creation_failed',
    'resource_import_succeeded',
    'resource_deletion_scheduled',
    'resource_deletion_succeeded',
  ],
  order: [
    'marketplace_order_approved',
    'marketplace_order_rejected',
    'marketplace_order_completed',
    'marketplace_order_failed',
  ],
  marketplace: [
    'create_requested',
    'create_succeeded',
    'create_failed',
    'update_succeeded',
    'update_failed',
    'erred_on_backend',
    'terminate_requested',
    'terminate_succeeded',
    'terminate_failed',
  ].map((t) => `marketplace_resource_${t}`),
};

export function eventKind(type: string | null | undefined): EventKind {
  if (!type) return 'action';
  if (type.startsWith('marketplace_order_')) return 'order';
  if (type.startsWith('marketplace_')) return 'marketplace';
  if (/^resource_(creation|deletion|import)_/.test(type)) return 'lifecycle';
  return 'action';
}

/** Whether the event reports a failure (`*_failed`, `*_erred_on_backend`, an order marked failed). */
export function isFailureEvent(type: string | null | undefined) {
  return /_failed$|_erred_on_backend$/.test(type ?? '');
}

/** Who caused an event, when it was logged inside a request (HomePort's "User" column). */
export function eventUser(event: WaldurEvent): string | undefined {
  const context = event.context ?? {};
  const name = context.user_full_name || context.user_username;
  return typeof name === 'string' && name ? name : undefined;
}
