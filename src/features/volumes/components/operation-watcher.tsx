// Follows one pending operation for the tray: polls what it changes (a volume, a snapshot or a
// marketplace order) and records how it stands and how it ended. Only data fetched after the
// submission counts, so a cached "OK" from before cannot end it early.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useEffect } from 'react';
import { ApiError } from '@/lib/api-error';
import { formatDate, formatInteger } from '@/lib/format';
import { T, t } from '@/lib/i18n';
import { notify } from '@/lib/notifications';
import { directoryQueries } from '../api/directory';
import { volumeKeys } from '../api/keys';
import { invalidateAfterOrder, orderQueries } from '../api/lifecycle';
import { snapshotQueries } from '../api/snapshots';
import { volumeQueries } from '../api/volumes';
import { dropFollowUp, runFollowUp } from '../hooks/use-volume-action';
import { isOrderPending, type Order, orderStateLabel } from '../model/lifecycle';
import { LIVE_MIN_MS } from '../model/live';
import type { Volume } from '../model/schemas';
import { needsRefresh } from '../model/states';
import {
  type Operation,
  type OperationFailure,
  type OperationNote,
  type OperationStatus,
  type OrderWait,
  updateOperation,
} from '../state/operations';
import { LOST_NOTE } from '../state/records';

function statusOf(state: string | null | undefined): OperationStatus {
  if (state === 'ERRED') return 'erred';
  if (state === 'OK') return 'ok';
  if (state?.endsWith('_SCHEDULED')) return 'scheduled';
  return 'running';
}

/** Who or what an operation is about: a snapshot's own name for a snapshot's edit or delete. */
const subjectOf = (op: Operation) =>
  op.action === 'snapshot_edit' || op.action === 'snapshot_delete' ? op.target.name : op.volumeName;

// An operation's title, "Extend of data-01": as text (notices), and with the name as an element
// (the tray links it). The two messages must stay the same, so that they are one translation.

/** "Extend of data-01 (step 1 of 2)", in the reader's language. */
export function operationTitle(op: Operation): string {
  const title = t(
    '{action, select, edit {Edit of {name}} attach {Attach of {name}} detach {Detach of {name}} extend {Extend of {name}} retype {Retype of {name}} snapshot {Snapshot of {name}} pull {Pull of {name}} delete {Delete of {name}} unlink {Unlink of {name}} set_ok {Mark as OK of {name}} set_erred {Mark as erred of {name}} create {Creation of {name}} restore {Restore of {name}} snapshot_edit {Edit of snapshot {name}} snapshot_delete {Delete of snapshot {name}} other {{action} of {name}}}',
    { action: op.action, name: subjectOf(op) },
  );
  return op.step
    ? t('{title} (step {index} of {count})', { title, index: op.step.index, count: op.step.of })
    : title;
}

/** The same title, with `name` (a link) in place of the name. */
export function OperationTitle({
  op,
  name,
}: {
  op: Operation;
  name: (text: string) => ReactElement | string;
}) {
  const title = (
    <T
      m="{action, select, edit {Edit of {name}} attach {Attach of {name}} detach {Detach of {name}} extend {Extend of {name}} retype {Retype of {name}} snapshot {Snapshot of {name}} pull {Pull of {name}} delete {Delete of {name}} unlink {Unlink of {name}} set_ok {Mark as OK of {name}} set_erred {Mark as erred of {name}} create {Creation of {name}} restore {Restore of {name}} snapshot_edit {Edit of snapshot {name}} snapshot_delete {Delete of snapshot {name}} other {{action} of {name}}}"
      v={{ action: op.action, name: name(subjectOf(op)) }}
    />
  );
  return op.step ? (
    <T
      m="{title} (step {index} of {count})"
      v={{ title, index: op.step.index, count: op.step.of }}
    />
  ) : (
    title
  );
}

/** A note of the tray, in words. */
export function noteText(note: OperationNote): string {
  switch (note.kind) {
    case 'removed':
      return t('Removed from Waldur (nothing changed in OpenStack)');
    case 'snapshot':
      return note.name ? t('Snapshot {name}', { name: note.name }) : t('Snapshot');
    case 'attach':
      return note.instance ? t('To {instance}', { instance: note.instance }) : t('To an instance');
    case 'extend':
      return t('To {size} MiB', { size: formatInteger(note.size) });
    case 'offering':
      return t('In {offering}', { offering: note.name });
    case 'restore':
      return t('From snapshot {name}', { name: note.snapshot });
    case 'ok':
      return t('{name} is OK.', { name: note.name });
    case 'deleted':
      return t('{name} is deleted.', { name: note.name });
    case 'lost':
      return t(LOST_NOTE);
  }
}

/** Why an order failed, in words. */
export function failureText(failure: OperationFailure): string {
  switch (failure.kind) {
    case 'rejected':
      return failure.by
        ? t('The order was rejected by {name}.', { name: failure.by })
        : t('The order was rejected.');
    case 'canceled':
      return t('The order was canceled.');
    case 'failed':
      return t('The order failed.');
  }
}

/** What a pending order waits for, as a sentence. */
export function waitText(wait: OrderWait): string {
  const { customer, project, projectStart } = wait;
  switch (wait.state) {
    case 'pending-consumer':
      return customer
        ? t('Waits for approval by an owner of {customer} (or staff).', { customer })
        : t('Waits for approval by an owner of the organisation (or staff).');
    case 'pending-provider':
      return t('Waits for approval by the service provider.');
    case 'pending-project':
      if (projectStart) {
        const date = formatDate(projectStart);
        return project
          ? t('Waits for the start of project {project} on {date}.', { project, date })
          : t('Waits for the start of the project on {date}.', { date });
      }
      return project
        ? t('Waits for the start date of project {project}.', { project })
        : t('Waits for the start date of the project.');
    case 'pending-start-date':
      return t('Waits for the start date set on the order.');
    default:
      return t('Waits for Waldur (the order is {state}).', { state: orderStateLabel(wait.state) });
  }
}

/** Deleting ends when the thing is gone; for anything else, gone is news. */
const endsGone = (op: Operation) => op.action === 'delete' || op.action === 'snapshot_delete';

function finish(
  queryClient: QueryClient,
  operation: Operation,
  status: 'ok' | 'erred',
  at: number,
  details: {
    errorMessage?: string;
    failure?: OperationFailure;
    note?: OperationNote;
    volumeUuid?: string;
  } = {},
) {
  updateOperation(operation.id, {
    status,
    finishedAt: at,
    errorMessage: status === 'erred' ? details.errorMessage : undefined,
    failure: status === 'erred' ? details.failure : undefined,
    followUp: undefined,
    ...(details.note ? { notes: [details.note], message: undefined } : {}),
    ...(details.volumeUuid ? { volumeUuid: details.volumeUuid } : {}),
  });
  if (status === 'ok') void runFollowUp(queryClient, operation);
  else dropFollowUp(operation);
  const title = operationTitle(operation);
  const name = operation.target.name;
  notify(
    status === 'ok'
      ? {
          kind: 'success',
          title: t('{operation} finished', { operation: title }),
          message: details.note ? noteText(details.note) : t('{name} is OK.', { name }),
        }
      : {
          kind: 'error',
          title: t('{operation} failed', { operation: title }),
          message:
            details.errorMessage ||
            (details.failure ? failureText(details.failure) : t('{name} is erred.', { name })),
        },
  );
}

/** What a pending order waits for; a project's start date is read (once) when that is it. */
export async function describeWait(queryClient: QueryClient, order: Order): Promise<OrderWait> {
  const wait: OrderWait = {
    state: order.state ?? '',
    customer: order.customer_name || undefined,
    project: order.project_name || undefined,
  };
  if (order.state !== 'pending-project' || !order.project_uuid) return wait;
  const project = await queryClient
    .fetchQuery(directoryQueries.one('projects', order.project_uuid))
    .catch(() => null);
  const start = project?.start_date;
  return typeof start === 'string' && start ? { ...wait, projectStart: start } : wait;
}

const sameWait = (a: OrderWait | undefined, b: OrderWait) =>
  JSON.stringify(a ?? null) === JSON.stringify(b);

/** What an order's state means for the tray (contract-lifecycle §2.6–2.7, §3.3). */
function followOrder(queryClient: QueryClient, operation: Operation, order: Order, at: number) {
  const isCreate = order.type !== 'Terminate';
  if (isOrderPending(order.state)) {
    void describeWait(queryClient, order).then((wait) => {
      if (operation.status !== 'waiting' || !sameWait(operation.wait, wait))
        updateOperation(operation.id, { status: 'waiting', wait, awaiting: undefined });
    });
    return;
  }
  if (order.state === 'executing') {
    if (operation.status !== 'running') updateOperation(operation.id, { status: 'running' });
    // The volume shows a deletion only once Celery picked the order up; until then it looks
    // settled and is not refreshed by itself, so re-read it with each look at the order.
    const volume = operation.volumeUuid
      ? queryClient.getQueryData<Volume>(volumeKeys.detail(operation.volumeUuid))
      : undefined;
    if (!isCreate && (!volume || !needsRefresh(volume))) {
      void queryClient.invalidateQueries({ queryKey: volumeKeys.detail(operation.volumeUuid) });
      void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
    }
    return;
  }
  invalidateAfterOrder(
    queryClient,
    isCreate ? (order.resource_uuid ?? undefined) : operation.volumeUuid || undefined,
  );
  if (order.state === 'done') {
    finish(queryClient, operation, 'ok', at, {
      volumeUuid: isCreate ? (order.resource_uuid ?? undefined) : undefined,
      note: { kind: isCreate ? 'ok' : 'deleted', name: operation.volumeName },
    });
    return;
  }
  // Waldur's own message is shown as it is; the console's own reasons are put into words when shown.
  const why: { errorMessage?: string; failure?: OperationFailure } =
    order.state === 'rejected'
      ? { failure: { kind: 'rejected', by: order.consumer_reviewed_by_full_name || undefined } }
      : order.state === 'canceled'
        ? { failure: { kind: 'canceled' } }
        : order.error_message
          ? { errorMessage: order.error_message }
          : { failure: { kind: 'failed' } };
  finish(queryClient, operation, 'erred', at, {
    ...why,
    volumeUuid: order.resource_uuid ?? undefined,
  });
}

export function OperationWatcher({ operation }: { operation: Operation }) {
  const queryClient = useQueryClient();
  const { kind, uuid } = operation.target;
  const options =
    kind === 'order'
      ? orderQueries.detail(uuid)
      : kind === 'snapshot'
        ? snapshotQueries.detail(uuid)
        : volumeQueries.detail(uuid);
  const { data, dataUpdatedAt, error } = useQuery({
    ...(options as ReturnType<typeof volumeQueries.detail>),
    refetchInterval: LIVE_MIN_MS,
  });
  useEffect(() => {
    if (error instanceof ApiError && error.isNotFound) {
      if (endsGone(operation)) {
        finish(queryClient, operation, 'ok', Date.now(), {
          note: { kind: 'deleted', name: operation.target.name },
        });
        return;
      }
      updateOperation(operation.id, { status: 'gone', finishedAt: Date.now() });
      notify({
        kind: 'info',
        title: t(
          '{kind, select, volume {{operation}: the volume no longer exists} snapshot {{operation}: the snapshot no longer exists} other {{operation}: the order no longer exists}}',
          { kind, operation: operationTitle(operation) },
        ),
      });
      return;
    }
    if (!data || dataUpdatedAt < operation.submittedAt) return;
    if (kind === 'order') {
      followOrder(queryClient, operation, data as unknown as Order, dataUpdatedAt);
      return;
    }
    const status = statusOf(data.state);
    if (status === operation.status) return;
    // A delete is over when the thing is gone, not when it is OK again.
    if (status === 'ok' && endsGone(operation)) return;
    if (status === 'ok' || status === 'erred') {
      finish(queryClient, operation, status, dataUpdatedAt, {
        errorMessage: data.error_message ?? undefined,
      });
    } else {
      updateOperation(operation.id, { status });
    }
  }, [data, dataUpdatedAt, error, operation, queryClient, kind]);
  return null;
}
