// The requests of every volume action, shaped as the OpenAPI schema wants them (sizes in MiB, related
// objects as URLs, trailing slashes), and what each changes in the cache afterwards. This layer owns
// invalidation; the callers own the UI (close the dialog, show a notice, record the operation).
//
// An answer that never arrives is not a failure (product.md, "honest about the network"): when a
// request that changes something gets no readable answer, it is never sent again by itself. The
// volume is re-read instead, at once and then on the live refresh's schedule for a while; if Waldur
// shows the request, it was accepted. If not, the caller hears that the outcome is unknown.
import type { QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '@/lib/api-error';
import { api } from '@/lib/session';
import { CHECK_DELAYS_MS, volumeShowsRequest } from '../model/accepted';
import type { ActionId } from '../model/action-rules';
import {
  actionAcceptedSchema,
  type Snapshot,
  snapshotSchema,
  terminateSchema,
  type Volume,
  volumeSchema,
} from '../model/schemas';
import { directoryKeys, historyKeys, instanceKeys, snapshotKeys, volumeKeys } from './keys';

export type ActionRequest =
  | {
      action: 'edit';
      body: { name?: string; description?: string; bootable?: boolean };
      /**
       * A bootable change to send once this rename has settled (not sent now): Waldur's update
       * runs one branch, so a PATCH with both would save bootable without sending it (E2).
       */
      afterwards?: { bootable: boolean };
    }
  | { action: 'attach'; body: { instance: string } }
  | { action: 'detach' }
  | { action: 'extend'; body: { disk_size: number } }
  | { action: 'retype'; body: { type: string } }
  | {
      action: 'snapshot';
      body: {
        name: string;
        description?: string;
        metadata?: Record<string, string>;
        kept_until?: string | null;
      };
    }
  | { action: 'pull' }
  | { action: 'delete' }
  | { action: 'unlink' }
  | { action: 'set_ok' }
  | { action: 'set_erred'; body: { error_message: string; error_traceback?: string } };

export type ActionResult = (
  | { kind: 'volume'; volume: Volume }
  | { kind: 'snapshot'; snapshot: Snapshot }
  | { kind: 'accepted'; message: string | null }
  | { kind: 'removed' }
  /** A marketplace order (delete terminates the volume's resource), followed by its state. */
  | { kind: 'order'; orderUuid: string | null }
) & {
  /** Waldur's answer never arrived; re-reading showed that it accepted the request. */
  answerLost?: boolean;
};

/** A request that got no readable answer, and that Waldur does not show (yet). */
export class UnknownOutcomeError extends Error {
  override readonly name = 'UnknownOutcomeError';
  constructor(
    readonly request: ActionRequest,
    override readonly cause: ApiError,
  ) {
    super('It is unknown whether Waldur received this request.');
  }
}

/** No readable answer: the connection failed, or a gateway answered instead of Waldur. */
export function isLostAnswer(error: unknown): error is ApiError {
  return (
    isApiError(error) && (error.kind === 'network' || error.status === 502 || error.status === 504)
  );
}

const path = (uuid: string, action?: string) =>
  `api/openstack-volumes/${uuid}${action ? `/${action}` : ''}`;

export async function sendVolumeAction(
  volume: Pick<Volume, 'uuid' | 'marketplace_resource_uuid'>,
  request: ActionRequest,
): Promise<ActionResult> {
  const { uuid } = volume;
  switch (request.action) {
    case 'delete': {
      // Deleting is terminating the volume's marketplace resource (contract-lifecycle §3.2).
      const resource = volume.marketplace_resource_uuid;
      if (!resource) throw new Error('This volume has no marketplace resource to terminate.');
      const answer = await api().post(`api/marketplace-resources/${resource}/terminate`, {
        // As the current HomePort sends it (the 2024 one sent no body).
        body: { attributes: { accepting_terms_of_service: true } },
        schema: terminateSchema,
      });
      return { kind: 'order', orderUuid: answer.order_uuid };
    }
    case 'edit':
      return {
        kind: 'volume',
        volume: await api().patch(path(uuid), { body: request.body, schema: volumeSchema }),
      };
    case 'snapshot':
      return {
        kind: 'snapshot',
        snapshot: await api().post(path(uuid, 'snapshot'), {
          body: request.body,
          schema: snapshotSchema,
        }),
      };
    case 'unlink':
      await api().post(path(uuid, 'unlink'));
      return { kind: 'removed' };
    case 'attach':
    case 'extend':
    case 'retype': {
      const accepted = await api().post(path(uuid, request.action), {
        body: request.body,
        schema: actionAcceptedSchema,
      });
      return { kind: 'accepted', message: accepted?.status ?? accepted?.detail ?? null };
    }
    case 'detach':
    case 'pull':
    case 'set_ok': {
      const accepted = await api().post(path(uuid, request.action), {
        schema: actionAcceptedSchema,
      });
      return { kind: 'accepted', message: accepted?.status ?? accepted?.detail ?? null };
    }
    case 'set_erred': {
      const accepted = await api().post(path(uuid, 'set_erred'), {
        body: request.body,
        schema: actionAcceptedSchema,
      });
      return { kind: 'accepted', message: accepted?.detail ?? null };
    }
  }
}

function invalidateAfter(
  queryClient: QueryClient,
  volume: Volume,
  action: ActionId,
  result: ActionResult,
) {
  const uuid = volume.uuid;
  void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: volumeKeys.counts() });
  if (result.kind === 'removed') {
    queryClient.removeQueries({ queryKey: volumeKeys.detail(uuid) });
  } else {
    if (result.kind === 'volume') queryClient.setQueryData(volumeKeys.detail(uuid), result.volume);
    void queryClient.invalidateQueries({ queryKey: volumeKeys.detail(uuid) });
  }
  if (action === 'snapshot') void queryClient.invalidateQueries({ queryKey: snapshotKeys.all });
  if (action === 'delete') void queryClient.invalidateQueries({ queryKey: historyKeys.all });
  if (action === 'attach' || action === 'detach' || action === 'extend' || action === 'unlink') {
    // The instance's volume list changes; extending an attached volume also moves its instance.
    void queryClient.invalidateQueries({ queryKey: instanceKeys.all });
  }
  if (action === 'extend' || action === 'retype' || action === 'snapshot') {
    void queryClient.invalidateQueries({ queryKey: directoryKeys.tenantQuotas() });
  }
}

/** Whether Waldur shows `request` now: the result it stands for, or null. One read. */
export async function checkAccepted(
  volume: Volume,
  request: ActionRequest,
): Promise<ActionResult | null> {
  if (request.action === 'snapshot') {
    // A snapshot just created is still being created; one of the same name from before is not.
    const page = await api().list('api/openstack-snapshots', snapshotSchema, {
      params: { source_volume_uuid: volume.uuid, name_exact: request.body.name },
    });
    const created = page.items.find(
      (s) => s.state === 'CREATION_SCHEDULED' || s.state === 'CREATING',
    );
    return created ? { kind: 'snapshot', snapshot: created, answerLost: true } : null;
  }
  let now: Volume | null;
  try {
    now = await api().get(path(volume.uuid), volumeSchema);
  } catch (error) {
    if (!(isApiError(error) && error.isNotFound)) throw error;
    now = null;
  }
  if (!volumeShowsRequest(now, request)) return null;
  if (request.action === 'unlink') return { kind: 'removed', answerLost: true };
  if (request.action === 'delete') return { kind: 'order', orderUuid: null, answerLost: true };
  return now && request.action === 'edit'
    ? { kind: 'volume', volume: now, answerLost: true }
    : { kind: 'accepted', message: null, answerLost: true };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `checkAccepted` at once and again on the live refresh's schedule, until Waldur shows it. */
async function confirmAccepted(volume: Volume, request: ActionRequest) {
  for (const delay of CHECK_DELAYS_MS) {
    if (delay) await sleep(delay);
    try {
      const result = await checkAccepted(volume, request);
      if (result) return result;
    } catch (error) {
      if (!isLostAnswer(error)) throw error; // still offline: try again at the next step
    }
  }
  return null;
}

/** After "unknown": reads once more, and takes the result in as if Waldur had answered. */
export async function checkAgain(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
): Promise<ActionResult | null> {
  const result = await checkAccepted(volume, request);
  if (result) invalidateAfter(queryClient, volume, request.action, result);
  return result;
}

/**
 * Runs one action on one volume: the request, then the cache updates it calls for. A request whose
 * answer is lost is confirmed by re-reading (`onChecking` says when that starts), never resent.
 */
export async function performVolumeAction(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
  options: { onChecking?: () => void } = {},
): Promise<ActionResult> {
  try {
    const result = await sendVolumeAction(volume, request);
    invalidateAfter(queryClient, volume, request.action, result);
    return result;
  } catch (error) {
    if (isLostAnswer(error)) {
      options.onChecking?.();
      const result = await confirmAccepted(volume, request);
      if (!result) throw new UnknownOutcomeError(request, error);
      invalidateAfter(queryClient, volume, request.action, result);
      return result;
    }
    if (error instanceof ApiError && (error.status === 409 || error.isNotFound)) {
      // The volume is not what this page thought: show its real state.
      void queryClient.invalidateQueries({ queryKey: volumeKeys.detail(volume.uuid) });
      void queryClient.invalidateQueries({ queryKey: volumeKeys.lists() });
    }
    throw error;
  }
}
