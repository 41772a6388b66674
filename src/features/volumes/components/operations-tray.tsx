import './operations-tray.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { Button, DisclosureButton } from '@/components/button';
import { currentUserQuery } from '@/lib/current-user';
import { formatAge } from '@/lib/format';
import { notify, notifyFailure } from '@/lib/notifications';
import { useNow } from '@/lib/use-now';
import { approveOrder } from '../api/lifecycle';
import { volumeQueries } from '../api/volumes';
import { runVolumeAction } from '../hooks/use-volume-action';
import { canApproveOrder } from '../model/lifecycle';
import {
  clearFinishedOperations,
  isPending,
  OPERATION_NOUNS,
  type Operation,
  type OperationStatus,
  operationLink,
  useOperations,
} from '../state/operations';
import { OperationWatcher } from './operation-watcher';

const MAX_WATCHED = 6;

const STATUS_LABELS: Record<OperationStatus, string> = {
  waiting: 'Waiting for approval',
  scheduled: 'Scheduled',
  running: 'Running',
  ok: 'Done',
  erred: 'Failed',
  gone: 'Gone',
};

/** A small button that sends one request at a time and says how it went. */
function RequestButton({
  variant,
  send,
  failure,
  children,
}: {
  variant: 'primary' | 'secondary';
  /** Sends the request; resolves to the success notice's title. */
  send: () => Promise<string>;
  /** The failure notice's title. */
  failure: string;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={variant}
      size="sm"
      isBusy={busy}
      onClick={async () => {
        setBusy(true);
        try {
          notify({ kind: 'success', title: await send() });
        } catch (error) {
          notifyFailure(failure, error);
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}

function PullButton({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  return (
    <RequestButton
      variant="secondary"
      failure={`Could not pull ${operation.volumeName}`}
      send={async () => {
        const volume = await queryClient.fetchQuery(volumeQueries.detail(operation.volumeUuid));
        await runVolumeAction(queryClient, volume, { action: 'pull' });
        return `Pull of ${operation.volumeName} scheduled`;
      }}
    >
      Pull<span className="visually-hidden"> {operation.volumeName}</span>
    </RequestButton>
  );
}

/** An approver's button on an order that waits for approval. */
function ApproveButton({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const { data: user } = useQuery(currentUserQuery());
  const { target } = operation;
  if (target.kind !== 'order' || !canApproveOrder(user, operation.customerUuid)) return null;
  return (
    <RequestButton
      variant="primary"
      failure={`Could not approve the order for ${operation.volumeName}`}
      send={async () => {
        await approveOrder(queryClient, target.uuid);
        return `Order for ${operation.volumeName} approved`;
      }}
    >
      Approve<span className="visually-hidden"> the order for {operation.volumeName}</span>
    </RequestButton>
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
          <p>
            Waits for approval by {operation.awaiting ?? 'an approver'}. Waldur cannot cancel volume
            orders.
          </p>
          <ApproveButton operation={operation} />
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
