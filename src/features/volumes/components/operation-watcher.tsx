// Follows one pending operation for the tray: polls what it changes (a volume, a snapshot or a
// marketplace order) and records how it stands and how it ended. Only data fetched after the
// submission counts, so a cached "OK" from before cannot end it early.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { directoryQueries } from '../api/directory';
import { volumeKeys } from '../api/keys';
import { invalidateAfterOrder, orderQueries } from '../api/lifecycle';
import { snapshotQueries } from '../api/snapshots';
import { volumeQueries } from '../api/volumes';
import { dropFollowUp, runFollowUp } from '../hooks/use-volume-action';
import { isOrderPending, type Order, orderWait } from '../model/lifecycle';
import { LIVE_MIN_MS } from '../model/live';
import type { Volume } from '../model/schemas';
import { needsRefresh } from '../model/states';
import {
  OPERATION_NOUNS,
  type Operation,
  type OperationStatus,
  updateOperation,
} from '../state/operations';

function statusOf(state: string | null | undefined): OperationStatus {
  if (state === 'ERRED') return 'erred';
  if (state === 'OK') return 'ok';
  if (state?.endsWith('_SCHEDULED')) return 'scheduled';
  return 'running';
}

export function operationTitle(op: Operation) {
  const step = op.step ? ` (step ${op.step.index} of ${op.step.of})` : '';
  return `${OPERATION_NOUNS[op.action]} of ${op.volumeName}${step}`;
}

/** Deleting ends when the thing is gone; for anything else, gone is news. */
const endsGone = (op: Operation) => op.action === 'delete' || op.action === 'snapshot_delete';

function finish(
  queryClient: QueryClient,
  operation: Operation,
  status: 'ok' | 'erred',
  at: number,
  details: { errorMessage?: string; message?: string; volumeUuid?: string } = {},
) {
  updateOperation(operation.id, {
    status,
    finishedAt: at,
    errorMessage: status === 'erred' ? details.errorMessage : undefined,
    followUp: undefined,
    ...(details.message ? { message: details.message } : {}),
    ...(details.volumeUuid ? { volumeUuid: details.volumeUuid } : {}),
  });
  if (status === 'ok') void runFollowUp(queryClient, operation);
  else dropFollowUp(operation);
  notify(
    status === 'ok'
      ? {
          kind: 'success',
          title: `${operationTitle(operation)} finished`,
          message: details.message ?? `${operation.target.name} is OK.`,
        }
      : {
          kind: 'error',
          title: `${operationTitle(operation)} failed`,
          message: details.errorMessage || `${operation.target.name} is erred.`,
        },
  );
}

/** What a pending order waits for; a project's start date is read (once) when that is it. */
export async function describeWait(queryClient: QueryClient, order: Order): Promise<string> {
  if (order.state !== 'pending-project' || !order.project_uuid) return orderWait(order);
  const project = await queryClient
    .fetchQuery(directoryQueries.one('projects', order.project_uuid))
    .catch(() => null);
  const start = project?.start_date;
  return orderWait(order, typeof start === 'string' ? start : null);
}

/** What an order's state means for the tray (contract-lifecycle §2.6–2.7, §3.3). */
function followOrder(queryClient: QueryClient, operation: Operation, order: Order, at: number) {
  const isCreate = order.type !== 'Terminate';
  if (isOrderPending(order.state)) {
    void describeWait(queryClient, order).then((awaiting) => {
      if (operation.status !== 'waiting' || operation.awaiting !== awaiting)
        updateOperation(operation.id, { status: 'waiting', awaiting });
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
      message: isCreate ? `${operation.volumeName} is OK.` : `${operation.volumeName} is deleted.`,
    });
    return;
  }
  const why =
    order.state === 'rejected'
      ? `The order was rejected${order.consumer_reviewed_by_full_name ? ` by ${order.consumer_reviewed_by_full_name}` : ''}.`
      : order.state === 'canceled'
        ? 'The order was canceled.'
        : order.error_message || 'The order failed.';
  finish(queryClient, operation, 'erred', at, {
    errorMessage: why,
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
          message: `${operation.target.name} is deleted.`,
        });
        return;
      }
      updateOperation(operation.id, { status: 'gone', finishedAt: Date.now() });
      notify({
        kind: 'info',
        title: `${operationTitle(operation)}: the ${kind} no longer exists`,
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
