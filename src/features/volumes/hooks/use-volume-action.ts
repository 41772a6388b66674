// Running a volume action from the UI: the request and its cache updates (api/), then an entry in
// the operations tray (state/) once Waldur has accepted it. Dialogs use the hook; bulk actions and
// the tray's own buttons use `runVolumeAction`.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { type ActionRequest, performVolumeAction } from '../api/volume-actions';
import type { Volume } from '../model/schemas';
import { recordOperation } from '../state/operations';

export async function runVolumeAction(
  queryClient: QueryClient,
  volume: Volume,
  request: ActionRequest,
) {
  const result = await performVolumeAction(queryClient, volume, request);
  recordOperation(volume, request, result);
  return result;
}

export function useVolumeAction(volume: Volume) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['volume-action', volume.uuid],
    mutationFn: (request: ActionRequest) => runVolumeAction(queryClient, volume, request),
  });
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
        onError: (error) =>
          notify({
            kind: 'error',
            title: `Could not pull ${volume.name ?? volume.uuid}`,
            message: error.message,
            report: isApiError(error) ? error.toReport() : undefined,
            action: { label: 'Try again', run },
          }),
      },
    );
  };
  return { run, isPending: mutation.isPending };
}
