// Running a volume action outside a form: the write (api/), then an entry in the operations tray
// (state/) once Waldur has it. Bulk actions and the tray's own buttons use `runVolumeAction`; Pull,
// which has no form, says how it went in a notice (with "Check again" and "Send again" when its
// answer was lost and Waldur does not show it).
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '@/lib/i18n';
import { notify, notifyFailure } from '@/lib/notifications';
import { notifyUnknownOutcome } from '@/lib/unknown-outcome-notice';
import { type Accepted, checkAgain, performWrite, UnknownOutcomeError } from '@/lib/writes';
import { type ActionRequest, type ActionResult, volumeActionWrite } from '../api/volume-actions';
import { volumeQueries } from '../api/volumes';
import type { Volume } from '../model/schemas';
import type { Operation } from '../state/operations';
import { recordOperation } from '../state/records';

export async function runVolumeAction(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
  options: { onChecking?: () => void; step?: Operation['step'] } = {},
): Promise<Accepted<ActionResult>> {
  const result = await performWrite(volumeActionWrite(queryClient, volume, request), options);
  recordOperation(volume, request, result, { step: options.step });
  return result;
}

/** "Check again" after an unknown outcome: the result if Waldur shows the request now. */
export async function confirmVolumeAction(
  unknown: UnknownOutcomeError<ActionResult>,
  volume: Volume,
  request: ActionRequest,
): Promise<Accepted<ActionResult> | null> {
  const result = await checkAgain(unknown.write);
  if (result) recordOperation(volume, request, result);
  return result;
}

/** Operations whose follow-up was sent or dropped: each happens once, however often asked. */
const followedUp = new Set<string>();

/**
 * The second step of a two-step edit, once the first has settled: the bootable change, read
 * against the volume as it is now. Says why when it cannot run; never drops it silently.
 */
export async function runFollowUp(queryClient: QueryClient, operation: Operation) {
  const { followUp } = operation;
  if (!followUp || followedUp.has(operation.id)) return;
  followedUp.add(operation.id);
  // The change is worded from its body (`what` is English), each notice as one message.
  const values = { name: operation.volumeName, bootable: String(followUp.body.bootable) };
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
    notify({
      kind: 'info',
      title: t(
        '{bootable, select, true {Step 2 of 2 of the edit of {name} (bootable: yes) sent} other {Step 2 of 2 of the edit of {name} (bootable: no) sent}}',
        values,
      ),
    });
  } catch (error) {
    notifyFailure(
      t(
        '{bootable, select, true {Step 2 of 2 of the edit of {name} (bootable: yes) could not be sent} other {Step 2 of 2 of the edit of {name} (bootable: no) could not be sent}}',
        values,
      ),
      error,
    );
  }
}

/** When the first step fails, the second is not sent: say so. */
export function dropFollowUp(operation: Operation) {
  const { followUp } = operation;
  if (!followUp || followedUp.has(operation.id)) return;
  followedUp.add(operation.id);
  notify({
    kind: 'error',
    title: t(
      '{bootable, select, true {Step 2 of 2 of the edit of {name} (bootable: yes) was not sent} other {Step 2 of 2 of the edit of {name} (bootable: no) was not sent}}',
      { name: operation.volumeName, bootable: String(followUp.body.bootable) },
    ),
    message: t('Step 1 failed. Open the volume and set Bootable again once it is OK.'),
  });
}

/** Pull has no form: it runs at once and reports. */
export function usePull(volume: Volume) {
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const name = volume.name ?? volume.uuid;
  const scheduled = () =>
    notify({
      kind: 'success',
      title: t('Pull of {name} scheduled', { name }),
      message: t('Waldur is re-reading it from OpenStack.'),
    });
  const request: ActionRequest = { action: 'pull' };
  const run = async () => {
    if (isPending) return;
    setPending(true);
    try {
      await runVolumeAction(queryClient, volume, request);
      scheduled();
    } catch (error) {
      if (error instanceof UnknownOutcomeError)
        notifyUnknownOutcome(
          {
            unknown: t('It is unknown whether Waldur received the pull of {name}', { name }),
            stillNotShown: t('Waldur still does not show the pull of {name}', { name }),
          },
          error as UnknownOutcomeError<ActionResult>,
          {
            accepted: (result) => {
              recordOperation(volume, request, result);
              scheduled();
            },
            sendAgain: send,
          },
        );
      else
        notifyFailure(t('Could not pull {name}', { name }), error, [
          { label: t('Try again'), run: send },
        ]);
    } finally {
      setPending(false);
    }
  };
  const send = () => void run();
  return { run: send, isPending };
}
