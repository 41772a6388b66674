import { useQuery } from '@tanstack/react-query';
import { Callout } from '@/components/status';
import { RelativeTime } from '@/components/time';
import { msg, T, useT } from '@/lib/i18n';
import { orderQueries } from '../api/lifecycle';
import { snapshotQueries } from '../api/snapshots';
import { isFailureEvent } from '../model/lifecycle';
import type { Volume } from '../model/schemas';
import {
  activityLabel,
  isInProgress,
  isRuntimeTransitional,
  isSettledState,
  needsRefresh,
  runtimeStateLabel,
  stateLabel,
} from '../model/states';
import { SnapshotNames } from './snapshot-names';
import { useVolumeHistory } from './volume-history';

/** The newest failure in the volume's history: what failed, and when. */
function FailingEvent({ volume }: { volume: Volume }) {
  const history = useVolumeHistory(volume);
  const failures = (history.data?.pages[0]?.items ?? []).filter((e) =>
    isFailureEvent(e.event_type),
  );
  // The volume's own event says what failed ("Failed to execute …"); the marketplace's only that.
  const failure = failures.find((e) => !e.event_type?.startsWith('marketplace_')) ?? failures[0];
  if (!failure) return null;
  return (
    <p className="erred-event">
      <T
        m="{when}, Waldur logged: {message}"
        v={{ when: <RelativeTime value={failure.created} />, message: failure.message }}
      />
    </p>
  );
}

/** An ERRED volume says why, first thing, in words, next to the event that failed. */
export function ErredNotice({ volume }: { volume: Volume }) {
  const t = useT();
  if (volume.state !== 'ERRED') return null;
  return (
    <Callout tone="danger" role="alert" title={t('This volume is in an error state')}>
      <p className="error-text">
        {volume.error_message
          ? volume.error_message
          : t('Waldur recorded no error message for it.')}
      </p>
      <FailingEvent volume={volume} />
      <p>
        {volume.backend_id
          ? t(
              'Pull re-reads the volume from OpenStack and clears the error if OpenStack reports it healthy. If it stays erred, send support the details in “Support”.',
            )
          : t(
              'It has no backend ID, so there is nothing in OpenStack to re-read. Support can unlink the record.',
            )}
      </p>
    </Callout>
  );
}

const STEPS = [msg('Scheduled'), msg('Running'), msg('Done')] as const;

function stepOf(state: string | null | undefined) {
  if (!state) return 0;
  if (state.endsWith('_SCHEDULED')) return 0;
  if (isSettledState(state)) return 2;
  return 1;
}

/** While something is in progress: what, how far, and that the page follows it by itself. */
export function ProgressNotice({ volume }: { volume: Volume }) {
  const t = useT();
  if (!needsRefresh(volume)) return null;
  if (!isInProgress(volume) && isRuntimeTransitional(volume.runtime_state)) {
    return (
      <Callout
        tone="info"
        title={t('OpenStack reports “{state}”', { state: runtimeStateLabel(volume.runtime_state) })}
      >
        <p>
          {t('Waldur says the volume is {state}; this page keeps checking until Cinder settles.', {
            state: stateLabel(volume.state),
          })}
        </p>
      </Callout>
    );
  }
  const current = stepOf(volume.state);
  const message = volume.action_details?.message;
  return (
    <Callout tone="info" title={t('{activity}…', { activity: activityLabel(volume) })}>
      {message ? <p>{message}</p> : null}
      <ol className="steps" aria-label={t('Progress')}>
        {STEPS.map((step, index) => (
          <li
            key={step}
            className={`steps__item ${index < current ? 'steps__item--done' : ''} ${index === current ? 'steps__item--current' : ''}`}
            aria-current={index === current ? 'step' : undefined}
          >
            {t(step)}
          </li>
        ))}
      </ol>
      <p className="muted">
        {t('State {state} · runtime {runtime}. This page refreshes by itself until it finishes.', {
          state: stateLabel(volume.state),
          runtime: runtimeStateLabel(volume.runtime_state),
        })}
      </p>
    </Callout>
  );
}

/**
 * A deletion that Waldur accepted and then refused: a newer Waldur checks a volume's delete
 * preconditions in the background, so the Terminate order ends `erred` with the reason ("Volume
 * has dependent snapshots.") where a 2024 one answered 409 (contract-lifecycle §8). Said here with
 * the same remedy the 409 gets, as long as that order is the newest deletion of the volume.
 */
export function FailedDeletionNotice({ volume }: { volume: Volume }) {
  const t = useT();
  const resource = volume.marketplace_resource_uuid;
  const orders = useQuery({
    ...orderQueries.byResource(resource ?? ''),
    enabled: Boolean(resource),
  });
  const snapshots = useQuery({
    ...snapshotQueries.byVolume(volume.uuid),
    enabled: Boolean(resource),
  });
  const deletion = orders.data?.items.find((order) => order.type === 'Terminate');
  if (deletion?.state !== 'erred' || volume.state?.startsWith('DELETI')) return null;
  const blocking = snapshots.data?.items ?? [];
  return (
    <Callout tone="warning" role="status" title={t('Waldur did not delete this volume')}>
      <p>
        <T
          m="The deletion requested {when} failed: <error>{reason}</error>"
          v={{
            when: <RelativeTime value={deletion.created} />,
            reason: deletion.error_message || t('Waldur gave no reason.'),
          }}
          tags={{ error: (c) => <span className="error-text">{c}</span> }}
        />
      </p>
      {blocking.length > 0 ? (
        <>
          <p>{t('Waldur keeps a volume that has snapshots. Delete or keep them first:')}</p>
          <SnapshotNames snapshots={blocking} linked />
        </>
      ) : (
        <p>
          {t(
            'The volume itself is {state}; what stood in the way may be gone now. Delete it again when it is OK and detached.',
            { state: stateLabel(volume.state) },
          )}
        </p>
      )}
    </Callout>
  );
}
