// Running a volume action from the UI: the request and its cache updates (api/), then an entry in
// the operations tray (state/) once Waldur has accepted it. Dialogs use the hook; bulk actions and
// the tray's own buttons use `runVolumeAction`. When an answer is lost, `checking` is true while
// the volume is re-read, and "Check again" (`confirmVolumeAction`) reads it once more.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notify, notifyFailure } from '@/lib/notifications';
import {
  type ActionRequest,
  type ActionResult,
  checkAgain,
  performVolumeAction,
  UnknownOutcomeError,
} from '../api/volume-actions';
import { volumeQueries } from '../api/volumes';
import type { Volume } from '../model/schemas';
import type { Operation } from '../state/operations';
import { recordOperation } from '../state/records';

export async function runVolumeAction(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
  options: { onChecking?: () => void; step?: Operation['step'] } = {},
) {
  const result = await performVolumeAction(queryClient, volume, request, options);
  recordOperation(volume, request, result, { step: options.step });
  return result;
}

/**
 * The second step of a two-step edit, once the first has settled: the bootable change, read
 * against the volume as it is now. Says why when it cannot run; never drops it silently.
 */
/** Operations whose follow-up was sent or dropped: each happens once, however often asked. */
const followedUp = new Set<string>();

export async function runFollowUp(queryClient: QueryClient, operation: Operation) {
  const { followUp } = operation;
  if (!followUp || followedUp.has(operation.id)) return;
  followedUp.add(operation.id);
  const title = `Step 2 of 2 of the edit of ${operation.volumeName} (${followUp.what})`;
  try {
    const volume = await queryClient.fetchQuery({
      ...volumeQueries.detail(operation.volumeUuid),
      staleTime: 0,
    });
    await runVolumeAction(
      queryClient,
      volume,
      { action: 'edit', body: followUp.body },
      { step: { index: 2, of: 2 } },
    );
    notify({ kind: 'info', title: `${title} sent` });
  } catch (error) {
    notifyFailure(`${title} could not be sent`, error);
  }
}

/** When the first step fails, the second is not sent: say so. */
export function dropFollowUp(operation: Operation) {
  const { followUp } = operation;
  if (!followUp || followedUp.has(operation.id)) return;
  followedUp.add(operation.id);
  notify({
    kind: 'error',
    title: `Step 2 of 2 of the edit of ${operation.volumeName} (${followUp.what}) was not sent`,
    message: 'Step 1 failed. Open the volume and set Bootable again once it is OK.',
  });
}

/** "Check again" after an unknown outcome: the result if Waldur shows the request now. */
export async function confirmVolumeAction(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
): Promise<ActionResult | null> {
  const result = await checkAgain(queryClient, volume, request);
  if (result) recordOperation(volume, request, result);
  return result;
}

export function useVolumeAction(volume: Volume) {
  const queryClient = useQueryClient();
  const [checking, setChecking] = useState(false);
  const mutation = useMutation({
    mutationKey: ['volume-action', volume.uuid],
    mutationFn: (request: ActionRequest) =>
      runVolumeAction(queryClient, volume, request, { onChecking: () => setChecking(true) }),
    onSettled: () => setChecking(false),
  });
  return {
    ...mutation,
    /** No answer came back; the volume is being re-read to see whether Waldur got it. */
    checking,
    confirm: (request: ActionRequest) => confirmVolumeAction(queryClient, volume, request),
  };
}

/** Pull has no form: it runs at once and reports. */
export function usePull(volume: Volume) {
  const mutation = useVolumeAction(volume);
  const run = () => {
    if (mutation.isPending) return;
    mutation.mutate(
      { action: 'pull' },
      {
        onSuccess: () =>
          notify({
            kind: 'success',
            title: `Pull of ${volume.name ?? volume.uuid} scheduled`,
            message: 'Waldur is re-reading it from OpenStack.',
          }),
        onError: (error) => {
          if (!(error instanceof UnknownOutcomeError)) {
            notifyFailure(`Could not pull ${volume.name ?? volume.uuid}`, error, [
              { label: 'Try again', run },
            ]);
            return;
          }
          notify({
            kind: 'error',
            title: `It is unknown whether Waldur received the pull of ${volume.name ?? volume.uuid}`,
            message:
              'No answer came back, and the volume does not show a pull. Check again before sending it again.',
            report: error.cause.toReport(),
            actions: [
              { label: 'Check again', run: () => void checkPull() },
              { label: 'Send again', run },
            ],
          });
        },
      },
    );
  };
  const checkPull = async () => {
    const result = await mutation.confirm({ action: 'pull' });
    notify(
      result
        ? { kind: 'success', title: `Pull of ${volume.name ?? volume.uuid} scheduled` }
        : {
            kind: 'error',
            title: `Waldur still shows no pull of ${volume.name ?? volume.uuid}`,
            actions: [{ label: 'Send again', run }],
          },
    );
  };
  return { run, isPending: mutation.isPending };
}
