// A volume's history: its events from Waldur's event log (time, what happened, who, Waldur's own
// message) and its marketplace orders, newest first, a page at a time. It follows the volume while
// an operation runs. Staff and support can narrow it to one kind of event. The log is read for the
// volume's marketplace resource when it has one (its whole history, orders included: contract-
// lifecycle §5.1), else for the volume itself.
import './volume-history.css';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Options, Select } from '@/components/select';
import { QueryErrorState } from '@/components/status';
import { RelativeTime } from '@/components/time';
import { ApiError } from '@/lib/api-error';
import { currentUserQuery } from '@/lib/current-user';
import { T, useT } from '@/lib/i18n';
import { api } from '@/lib/session';
import { historyQueries, orderQueries } from '../api/lifecycle';
import {
  EVENT_KIND_LABELS,
  EVENT_TYPES,
  type EventKind,
  eventKind,
  eventUser,
  isFailureEvent,
  type Order,
  orderStateLabel,
  type WaldurEvent,
} from '../model/lifecycle';
import type { Volume } from '../model/schemas';
import { needsRefresh } from '../model/states';

/** Where the volume's history is logged (the marketplace resource's feed includes the volume's). */
export function historyScope(volume: Volume) {
  return volume.marketplace_resource_uuid
    ? api().url(`api/marketplace-resources/${volume.marketplace_resource_uuid}`)
    : api().url(`api/openstack-volumes/${volume.uuid}`);
}

/**
 * Waldur answers 400 `["Can't restore object from url: …"]` for a `scope` this user may not see
 * (the scope is resolved through the user's own querysets: contract-lifecycle §8).
 */
export function isHiddenScope(error: unknown) {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    error.generalMessages.some((m) => m.startsWith("Can't restore object from url"))
  );
}

/** The volume's history, first page, as the History section and the error notice share it. */
export function useVolumeHistory(volume: Volume, kind: EventKind | '' = '') {
  return useInfiniteQuery(
    historyQueries.of(historyScope(volume), kind ? EVENT_TYPES[kind] : [], needsRefresh(volume)),
  );
}

type Entry =
  | { key: string; at: string; kind: 'event'; event: WaldurEvent }
  | { key: string; at: string; kind: 'order'; order: Order };

function OrderEntry({ order }: { order: Order }) {
  const t = useT();
  const by = order.created_by_full_name || order.created_by_username;
  const reviewer = order.consumer_reviewed_by_full_name || order.consumer_reviewed_by_username;
  const values = {
    type: order.type ?? 'Create',
    state: orderStateLabel(order.state),
    error: order.error_message,
  };
  const tags = { b: (c: ReactNode) => <strong>{c}</strong> };
  return (
    <>
      <p className="history__message">
        {order.error_message ? (
          <T
            m="{type, select, Create {Create order} Update {Update order} Terminate {Deletion order} other {{type} order}}: <b>{state}</b> — {error}"
            v={values}
            tags={tags}
          />
        ) : (
          <T
            m="{type, select, Create {Create order} Update {Update order} Terminate {Deletion order} other {{type} order}}: <b>{state}</b>"
            v={values}
            tags={tags}
          />
        )}
      </p>
      <p className="history__meta">
        {by
          ? reviewer
            ? t('Placed by {name} · approved by {reviewer}', { name: by, reviewer })
            : t('Placed by {name}', { name: by })
          : reviewer
            ? t('Order · approved by {reviewer}', { reviewer })
            : t('Order')}
      </p>
    </>
  );
}

/** An event's kind, who did it, and its type (Waldur's code for it, shown as it is). */
function EventMeta({ event }: { event: WaldurEvent }) {
  const t = useT();
  const user = eventUser(event);
  const kind = t(EVENT_KIND_LABELS[eventKind(event.event_type)]);
  const type = <bdi className="mono">{event.event_type}</bdi>;
  return user ? (
    <T m="{kind} · by {user} · {type}" v={{ kind, user, type }} />
  ) : (
    <T m="{kind} · {type}" v={{ kind, type }} />
  );
}

export function VolumeHistory({ volume }: { volume: Volume }) {
  const t = useT();
  const user = useQuery(currentUserQuery());
  const [kind, setKind] = useState<EventKind | ''>('');
  const history = useVolumeHistory(volume, kind);
  const orders = useQuery({
    ...orderQueries.byResource(volume.marketplace_resource_uuid ?? ''),
    enabled: Boolean(volume.marketplace_resource_uuid) && (kind === '' || kind === 'order'),
  });
  const canFilter = Boolean(user.data?.is_staff || user.data?.is_support);

  if (history.isError && !history.data) {
    if (isHiddenScope(history.error)) {
      return (
        <p className="muted">
          {t(
            'This history is not visible to you: Waldur does not show the events of this volume’s marketplace resource to your account.',
          )}
        </p>
      );
    }
    return <QueryErrorState title={t('Could not load the history')} query={history} />;
  }
  const events = history.data?.pages.flatMap((page) => page.items) ?? [];
  const oldestShown = events.at(-1)?.created ?? '';
  const more = history.hasNextPage;
  // Orders interleave by time with the events loaded so far (older ones wait for "Show older").
  const entries: Entry[] = [
    ...events.map((event) => ({
      key: `e:${event.uuid}`,
      at: event.created ?? '',
      kind: 'event' as const,
      event,
    })),
    ...(kind === '' || kind === 'order' ? (orders.data?.items ?? []) : [])
      .filter((order) => !more || (order.created ?? '') >= oldestShown)
      .map((order) => ({
        key: `o:${order.uuid}`,
        at: order.created ?? '',
        kind: 'order' as const,
        order,
      })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <div className="history">
      {canFilter ? (
        <Select
          id="history-kind"
          label={t('Show', {}, 'filter')}
          inline
          className="input input--sm"
          value={kind}
          onChange={(event) => setKind(event.target.value as EventKind | '')}
        >
          <option value="">{t('Everything')}</option>
          <Options
            choices={(Object.keys(EVENT_KIND_LABELS) as EventKind[]).map((k) => ({
              value: k,
              label: t(EVENT_KIND_LABELS[k]),
            }))}
          />
        </Select>
      ) : null}
      {history.isPending ? (
        <p className="muted">{t('Loading the history…')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">
          {kind
            ? t('Waldur has logged nothing of this kind for this volume.')
            : t('Waldur has logged nothing for this volume.')}
        </p>
      ) : (
        <ol className="history__list" aria-label={t('History, newest first')}>
          {entries.map((entry) => (
            <li
              key={entry.key}
              className={`history__item ${entry.kind === 'event' && isFailureEvent(entry.event.event_type) ? 'history__item--failed' : ''}`}
            >
              <span className="history__time">
                <RelativeTime value={entry.at} />
              </span>
              <div className="history__body">
                {entry.kind === 'order' ? (
                  <OrderEntry order={entry.order} />
                ) : (
                  <>
                    <p className="history__message">{entry.event.message}</p>
                    <p className="history__meta">
                      <EventMeta event={entry.event} />
                    </p>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {more ? (
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          aria-busy={history.isFetchingNextPage || undefined}
          onClick={() => void history.fetchNextPage()}
        >
          {t('Show older')}
        </button>
      ) : null}
    </div>
  );
}
