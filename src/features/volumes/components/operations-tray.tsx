import './operations-tray.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, DisclosureButton } from '@/components/button';
import { currentUserQuery } from '@/lib/current-user';
import { formatAge } from '@/lib/format';
import { notify, notifyFailure } from '@/lib/notifications';
import { notifyUnknownOutcome } from '@/lib/unknown-outcome-notice';
import { useNow } from '@/lib/use-now';
import { type Accepted, performWrite, UnknownOutcomeError, type Write } from '@/lib/writes';
import { reviewOrderWrite } from '../api/lifecycle';
import { type ActionRequest, volumeActionWrite } from '../api/volume-actions';
import { volumeQueries } from '../api/volumes';
import { canApproveOrder } from '../model/lifecycle';
import type { Volume } from '../model/schemas';
import {
  clearFinishedOperations,
  isPending,
  OPERATION_NOUNS,
  type Operation,
  type OperationStatus,
  operationLink,
  useOperations,
} from '../state/operations';
import { recordOperation } from '../state/records';
import { OperationWatcher } from './operation-watcher';

const MAX_WATCHED = 6;

const STATUS_LABELS: Record<OperationStatus, string> = {
  waiting: 'Waiting',
  scheduled: 'Scheduled',
  running: 'Running',
  ok: 'Done',
  erred: 'Failed',
  gone: 'Gone',
};

/**
 * A small button that sends one write at a time and says how it went; a lost answer is checked,
 * and an unknown outcome offers "Check again" and "Send again" in its notice.
 */
function WriteButton<R>({
  variant,
  make,
  what,
  done,
  failure,
  onAccepted,
  children,
}: {
  variant: 'primary' | 'secondary';
  /** The write to send (it may read first, e.g. the volume to pull). */
  make: () => Promise<Write<R>>;
  /** What is sent, in the unknown-outcome notice: "approval of the order for data-01". */
  what: string;
  /** The success notice's title. */
  done: string;
  /** The failure notice's title. */
  failure: string;
  onAccepted?: (result: Accepted<R>) => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const accepted = (result: Accepted<R>) => {
    onAccepted?.(result);
    notify({ kind: 'success', title: done });
  };
  const send = async () => {
    setBusy(true);
    try {
      accepted(await performWrite(await make()));
    } catch (error) {
      if (error instanceof UnknownOutcomeError)
        notifyUnknownOutcome(what, error as UnknownOutcomeError<R>, {
          accepted,
          sendAgain: () => void send(),
        });
      else notifyFailure(failure, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant={variant} size="sm" isBusy={busy} onClick={() => void send()}>
      {children}
    </Button>
  );
}

function PullButton({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const request: ActionRequest = { action: 'pull' };
  const volume = useRef<Volume | null>(null);
  return (
    <WriteButton
      variant="secondary"
      what={`pull of ${operation.volumeName}`}
      done={`Pull of ${operation.volumeName} scheduled`}
      failure={`Could not pull ${operation.volumeName}`}
      make={async () => {
        volume.current = await queryClient.fetchQuery(volumeQueries.detail(operation.volumeUuid));
        return volumeActionWrite(queryClient, volume.current, request);
      }}
      onAccepted={(result) => {
        if (volume.current) recordOperation(volume.current, request, result);
      }}
    >
      Pull<span className="visually-hidden"> {operation.volumeName}</span>
    </WriteButton>
  );
}

/**
 * The buttons on an order that waits for approval: an approver approves or rejects it; its author
 * may withdraw it (Waldur's `reject_by_consumer` takes both: the author, or who may review).
 */
function ReviewButtons({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const { data: user } = useQuery(currentUserQuery());
  const { target } = operation;
  if (target.kind !== 'order' || !user) return null;
  const name = operation.volumeName;
  if (!canApproveOrder(user, operation.customerUuid)) {
    if (!operation.placedBy || operation.placedBy !== user.uuid) return null;
    return (
      <WriteButton
        variant="secondary"
        what={`withdrawal of the order for ${name}`}
        done={`Order for ${name} withdrawn`}
        failure={`Could not withdraw the order for ${name}`}
        make={async () => reviewOrderWrite(queryClient, target.uuid, 'reject')}
      >
        Withdraw<span className="visually-hidden"> the order for {name}</span>
      </WriteButton>
    );
  }
  return (
    <div className="operation__review">
      <WriteButton
        variant="primary"
        what={`approval of the order for ${name}`}
        done={`Order for ${name} approved`}
        failure={`Could not approve the order for ${name}`}
        make={async () => reviewOrderWrite(queryClient, target.uuid, 'approve')}
      >
        Approve<span className="visually-hidden"> the order for {name}</span>
      </WriteButton>
      <WriteButton
        variant="secondary"
        what={`rejection of the order for ${name}`}
        done={`Order for ${name} rejected`}
        failure={`Could not reject the order for ${name}`}
        make={async () => reviewOrderWrite(queryClient, target.uuid, 'reject')}
      >
        Reject<span className="visually-hidden"> the order for {name}</span>
      </WriteButton>
    </div>
  );
}

function OperationItem({ operation, now }: { operation: Operation; now: number }) {
  const end = operation.finishedAt ?? now;
  const submitted = new Date(operation.submittedAt).toLocaleTimeString('en-GB');
  const link = operationLink(operation);
  return (
    <li className={`operation operation--${operation.status}`}>
      <div className="operation__head">
        <span className="operation__title">
          {OPERATION_NOUNS[operation.action]} of{' '}
          {link ? <Link to={link}>{operation.volumeName}</Link> : operation.volumeName}
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
      {operation.status === 'waiting' ? (
        <div className="operation__waiting">
          <p>Waits for {operation.awaiting ?? 'approval'}.</p>
          <ReviewButtons operation={operation} />
        </div>
      ) : null}
      {operation.status === 'erred' ? (
        <div className="operation__error">
          <p className="error-text">{operation.errorMessage || 'No error message was recorded.'}</p>
          {operation.target.kind === 'volume' && operation.volumeUuid ? (
            <PullButton operation={operation} />
          ) : null}
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
      <DisclosureButton className="tray__toggle" open={open} onToggle={setOpen} controls={panelId}>
        {pending.length > 0 ? <span className="live-dot" aria-hidden="true" /> : null}
        Operations
        <span className="badge badge--neutral">
          {pending.length > 0 ? `${pending.length} running` : `${operations.length} done`}
        </span>
      </DisclosureButton>
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
