import './operations-tray.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, isApiError } from '@/lib/api-error';
import { formatAge } from '@/lib/format';
import { notify } from '@/lib/notifications';
import { useNow } from '@/lib/use-now';
import { snapshotQueries } from '../api/snapshots';
import { volumeQueries } from '../api/volumes';
import { dropFollowUp, runFollowUp, runVolumeAction } from '../hooks/use-volume-action';
import { ACTION_NOUNS } from '../model/action-rules';
import { LIVE_MIN_MS } from '../model/live';
import {
  clearFinishedOperations,
  isPending,
  type Operation,
  type OperationStatus,
  updateOperation,
  useOperations,
} from '../state/operations';

const MAX_WATCHED = 6;

const STATUS_LABELS: Record<OperationStatus, string> = {
  scheduled: 'Scheduled',
  running: 'Running',
  ok: 'Done',
  erred: 'Failed',
  gone: 'Gone',
};

function statusOf(state: string | null | undefined): OperationStatus {
  if (state === 'ERRED') return 'erred';
  if (state === 'OK') return 'ok';
  if (state?.endsWith('_SCHEDULED')) return 'scheduled';
  return 'running';
}

function title(op: Operation) {
  const step = op.step ? ` (step ${op.step.index} of ${op.step.of})` : '';
  return `${ACTION_NOUNS[op.action]} of ${op.volumeName}${step}`;
}

/**
 * Follows one pending operation: polls what it changes and records the outcome. Only data fetched
 * after the submission counts, so a cached "OK" from before cannot end it early.
 */
function OperationWatcher({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const isSnapshot = operation.target.kind === 'snapshot';
  const options = isSnapshot
    ? snapshotQueries.detail(operation.target.uuid)
    : volumeQueries.detail(operation.target.uuid);
  const { data, dataUpdatedAt, error } = useQuery({
    ...(options as ReturnType<typeof volumeQueries.detail>),
    refetchInterval: LIVE_MIN_MS,
  });
  useEffect(() => {
    if (error instanceof ApiError && error.status === 404) {
      updateOperation(operation.id, { status: 'gone', finishedAt: Date.now() });
      notify({
        kind: 'info',
        title: `${title(operation)}: the ${operation.target.kind} no longer exists`,
      });
      return;
    }
    if (!data || dataUpdatedAt < operation.submittedAt) return;
    const status = statusOf(data.state);
    if (status === operation.status) return;
    if (status === 'ok' || status === 'erred') {
      updateOperation(operation.id, {
        status,
        finishedAt: dataUpdatedAt,
        errorMessage: status === 'erred' ? (data.error_message ?? undefined) : undefined,
        followUp: undefined,
      });
      if (status === 'ok') void runFollowUp(queryClient, operation);
      else dropFollowUp(operation);
      notify(
        status === 'ok'
          ? {
              kind: 'success',
              title: `${title(operation)} finished`,
              message: `${operation.target.name} is OK.`,
            }
          : {
              kind: 'error',
              title: `${title(operation)} failed`,
              message: data.error_message || `${operation.target.name} is erred.`,
            },
      );
    } else {
      updateOperation(operation.id, { status });
    }
  }, [data, dataUpdatedAt, error, operation, queryClient]);
  return null;
}

function PullButton({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn btn--secondary btn--sm"
      aria-busy={busy || undefined}
      onClick={async () => {
        if (busy) return;
        setBusy(true);
        try {
          const volume = await queryClient.fetchQuery(volumeQueries.detail(operation.volumeUuid));
          await runVolumeAction(queryClient, volume, { action: 'pull' });
          notify({ kind: 'success', title: `Pull of ${operation.volumeName} scheduled` });
        } catch (error) {
          notify({
            kind: 'error',
            title: `Could not pull ${operation.volumeName}`,
            message: error instanceof Error ? error.message : String(error),
            report: isApiError(error) ? error.toReport() : undefined,
          });
        } finally {
          setBusy(false);
        }
      }}
    >
      Pull<span className="visually-hidden"> {operation.volumeName}</span>
    </button>
  );
}

function OperationItem({ operation, now }: { operation: Operation; now: number }) {
  const end = operation.finishedAt ?? now;
  const submitted = new Date(operation.submittedAt).toLocaleTimeString('en-GB');
  return (
    <li className={`operation operation--${operation.status}`}>
      <div className="operation__head">
        <span className="operation__title">
          {ACTION_NOUNS[operation.action]} of{' '}
          <Link to={`/volumes/${operation.volumeUuid}`}>{operation.volumeName}</Link>
          {operation.step ? ` (step ${operation.step.index} of ${operation.step.of})` : ''}
        </span>
        <span
          className={`badge badge--${operation.status === 'ok' ? 'success' : operation.status === 'erred' ? 'danger' : operation.status === 'gone' ? 'neutral' : 'progress'}`}
        >
          {isPending(operation) ? <span className="badge__pulse" aria-hidden="true" /> : null}
          {STATUS_LABELS[operation.status]}
        </span>
      </div>
      <p className="operation__meta">
        Submitted {submitted}
        {operation.finishedAt
          ? ` · finished ${new Date(operation.finishedAt).toLocaleTimeString('en-GB')} (took ${formatAge(end - operation.submittedAt)})`
          : ` · ${formatAge(end - operation.submittedAt)} so far`}
        {operation.message ? ` · ${operation.message}` : ''}
        {operation.followUp ? ` · then ${operation.followUp.what}` : ''}
      </p>
      {operation.status === 'erred' ? (
        <div className="operation__error">
          <p className="error-text">{operation.errorMessage || 'No error message was recorded.'}</p>
          <PullButton operation={operation} />
        </div>
      ) : null}
    </li>
  );
}

/** Every submitted operation in this tab, with its progress; mounted once by the layout. */
export function OperationsTray() {
  const operations = useOperations();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const now = useNow(1000);
  const pending = operations.filter(isPending);
  // After a bulk action there may be hundreds: watch the oldest few at a time (they finish first)
  // rather than polling every volume every two seconds.
  const watched = pending.slice(-MAX_WATCHED);
  if (operations.length === 0) return null;
  return (
    <aside className="tray" aria-label="Operations">
      {watched.map((operation) => (
        <OperationWatcher key={operation.id} operation={operation} />
      ))}
      <button
        type="button"
        className="btn btn--secondary tray__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {pending.length > 0 ? <span className="live-dot" aria-hidden="true" /> : null}
        Operations
        <span className="badge badge--neutral">
          {pending.length > 0 ? `${pending.length} running` : `${operations.length} done`}
        </span>
      </button>
      <div id={panelId} className="tray__panel" hidden={!open}>
        <div className="tray__header">
          <h2 className="tray__title">Operations</h2>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={clearFinishedOperations}
            disabled={pending.length === operations.length}
          >
            Clear finished
          </button>
        </div>
        <ol className="operations">
          {operations.map((operation) => (
            <OperationItem key={operation.id} operation={operation} now={now} />
          ))}
        </ol>
      </div>
    </aside>
  );
}
