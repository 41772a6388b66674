import './operations-tray.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, DisclosureButton } from '@/components/button';
import { currentUserQuery } from '@/lib/current-user';
import { formatAge, formatTime } from '@/lib/format';
import { msg, T, useT } from '@/lib/i18n';
import { notify, notifyFailure } from '@/lib/notifications';
import { notifyUnknownOutcome, type UnknownOutcomeTitles } from '@/lib/unknown-outcome-notice';
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
  type Operation,
  type OperationStatus,
  operationLink,
  useOperations,
} from '../state/operations';
import { recordOperation } from '../state/records';
import {
  failureText,
  noteText,
  OperationTitle,
  OperationWatcher,
  waitText,
} from './operation-watcher';

const MAX_WATCHED = 6;

const STATUS_LABELS: Record<OperationStatus, string> = {
  waiting: msg('Waiting'),
  scheduled: msg('Scheduled'),
  running: msg('Running'),
  ok: msg('Done'),
  erred: msg('Failed'),
  gone: msg('Gone'),
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
  /** The unknown-outcome notice's titles: "It is unknown whether Waldur received the approval…". */
  what: UnknownOutcomeTitles;
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

/** Words only screen readers read (the button's object). */
const hidden = (children: ReactNode) => <span className="visually-hidden">{children}</span>;

function PullButton({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const request: ActionRequest = { action: 'pull' };
  const volume = useRef<Volume | null>(null);
  const t = useT();
  const name = operation.volumeName;
  return (
    <WriteButton
      variant="secondary"
      what={{
        unknown: t('It is unknown whether Waldur received the pull of {name}', { name }),
        stillNotShown: t('Waldur still does not show the pull of {name}', { name }),
      }}
      done={t('Pull of {name} scheduled', { name })}
      failure={t('Could not pull {name}', { name })}
      make={async () => {
        volume.current = await queryClient.fetchQuery(volumeQueries.detail(operation.volumeUuid));
        return volumeActionWrite(queryClient, volume.current, request);
      }}
      onAccepted={(result) => {
        if (volume.current) recordOperation(volume.current, request, result);
      }}
    >
      <T m="Pull<hidden> {name}</hidden>" v={{ name }} tags={{ hidden }} />
    </WriteButton>
  );
}

/**
 * The buttons on an order that waits for approval: an approver approves or rejects it; its author
 * may withdraw it (Waldur's `reject_by_consumer` takes both: the author, or who may review).
 */
function ReviewButtons({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const t = useT();
  const { data: user } = useQuery(currentUserQuery());
  const { target } = operation;
  if (target.kind !== 'order' || !user) return null;
  const name = operation.volumeName;
  if (!canApproveOrder(user, operation.customerUuid)) {
    if (!operation.placedBy || operation.placedBy !== user.uuid) return null;
    return (
      <WriteButton
        variant="secondary"
        what={{
          unknown: t(
            'It is unknown whether Waldur received the withdrawal of the order for {name}',
            {
              name,
            },
          ),
          stillNotShown: t('Waldur still does not show the withdrawal of the order for {name}', {
            name,
          }),
        }}
        done={t('Order for {name} withdrawn', { name })}
        failure={t('Could not withdraw the order for {name}', { name })}
        make={async () => reviewOrderWrite(queryClient, target.uuid, 'reject')}
      >
        <T m="Withdraw<hidden> the order for {name}</hidden>" v={{ name }} tags={{ hidden }} />
      </WriteButton>
    );
  }
  return (
    <div className="operation__review">
      <WriteButton
        variant="primary"
        what={{
          unknown: t('It is unknown whether Waldur received the approval of the order for {name}', {
            name,
          }),
          stillNotShown: t('Waldur still does not show the approval of the order for {name}', {
            name,
          }),
        }}
        done={t('Order for {name} approved', { name })}
        failure={t('Could not approve the order for {name}', { name })}
        make={async () => reviewOrderWrite(queryClient, target.uuid, 'approve')}
      >
        <T m="Approve<hidden> the order for {name}</hidden>" v={{ name }} tags={{ hidden }} />
      </WriteButton>
      <WriteButton
        variant="secondary"
        what={{
          unknown: t(
            'It is unknown whether Waldur received the rejection of the order for {name}',
            {
              name,
            },
          ),
          stillNotShown: t('Waldur still does not show the rejection of the order for {name}', {
            name,
          }),
        }}
        done={t('Order for {name} rejected', { name })}
        failure={t('Could not reject the order for {name}', { name })}
        make={async () => reviewOrderWrite(queryClient, target.uuid, 'reject')}
      >
        <T m="Reject<hidden> the order for {name}</hidden>" v={{ name }} tags={{ hidden }} />
      </WriteButton>
    </div>
  );
}

/** The notes after the times: stored as data and worded now (an older entry's words as they are). */
function notesOf(operation: Operation, t: ReturnType<typeof useT>): string[] {
  const notes = operation.notes
    ? operation.notes.map(noteText)
    : operation.message
      ? [operation.message]
      : [];
  if (operation.followUp)
    notes.push(operation.followUp.body.bootable ? t('then bootable: yes') : t('then bootable: no'));
  return notes;
}

function OperationItem({ operation, now }: { operation: Operation; now: number }) {
  const t = useT();
  const end = operation.finishedAt ?? now;
  const submitted = formatTime(new Date(operation.submittedAt));
  const duration = formatAge(end - operation.submittedAt);
  const link = operationLink(operation);
  return (
    <li className={`operation operation--${operation.status}`}>
      <div className="operation__head">
        <span className="operation__title">
          <OperationTitle
            op={operation}
            name={(name) => (link ? <Link to={link}>{name}</Link> : name)}
          />
        </span>
        <span
          className={`badge badge--${operation.status === 'ok' ? 'success' : operation.status === 'erred' ? 'danger' : operation.status === 'gone' ? 'neutral' : 'progress'}`}
        >
          {isPending(operation) ? <span className="badge__pulse" aria-hidden="true" /> : null}
          {t(STATUS_LABELS[operation.status])}
        </span>
      </div>
      <p className="operation__meta">
        {operation.finishedAt
          ? t('Submitted {submitted} · finished {finished} (took {duration})', {
              submitted,
              finished: formatTime(new Date(operation.finishedAt)),
              duration,
            })
          : t('Submitted {submitted} · {duration} so far', { submitted, duration })}
        {notesOf(operation, t).map((note) => ` · ${note}`)}
      </p>
      {operation.status === 'waiting' ? (
        <div className="operation__waiting">
          <p>
            {operation.wait
              ? waitText(operation.wait)
              : operation.awaiting
                ? t('Waits for {what}.', { what: operation.awaiting })
                : t('Waits for approval.')}
          </p>
          <ReviewButtons operation={operation} />
        </div>
      ) : null}
      {operation.status === 'erred' ? (
        <div className="operation__error">
          <p className="error-text">
            {operation.errorMessage ||
              (operation.failure
                ? failureText(operation.failure)
                : t('No error message was recorded.'))}
          </p>
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
  const t = useT();
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
    <aside className="tray" aria-label={t('Operations')}>
      {watched.map((operation) => (
        <OperationWatcher key={operation.id} operation={operation} />
      ))}
      <DisclosureButton className="tray__toggle" open={open} onToggle={setOpen} controls={panelId}>
        {pending.length > 0 ? <span className="live-dot" aria-hidden="true" /> : null}
        {t('Operations')}
        <span className="badge badge--neutral">
          {pending.length > 0
            ? t('{count, plural, one {# running} other {# running}}', { count: pending.length })
            : t('{count, plural, one {# done} other {# done}}', { count: operations.length })}
        </span>
      </DisclosureButton>
      <div id={panelId} className="tray__panel" hidden={!open}>
        <div className="tray__header">
          <h2 className="tray__title">{t('Operations')}</h2>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={clearFinishedOperations}
            disabled={pending.length === operations.length}
          >
            {t('Clear finished')}
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
