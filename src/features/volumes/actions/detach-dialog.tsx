import { useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { useVolumeAction } from '../api/mutations';
import type { Volume } from '../api/schemas';
import { ActionDialog } from './action-dialog';
import { describeFailure, type FormProblem } from './form-kit';

/** A confirmation that names the instance. */
export function DetachDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const mutation = useVolumeAction(volume);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [report, setReport] = useState<string>();
  const instance = volume.instance_name ?? 'its instance';
  return (
    <ActionDialog
      title={`Detach ${volume.name ?? 'volume'} from ${instance}?`}
      onClose={onClose}
      submitLabel="Detach"
      isSubmitting={mutation.isPending}
      problem={problem}
      report={report}
      onSubmit={async (event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        setProblem(null);
        try {
          await mutation.mutateAsync({ action: 'detach' });
          notify({ kind: 'success', title: `Detach of ${volume.name} from ${instance} scheduled` });
          onClose();
        } catch (error) {
          setProblem(describeFailure(error));
          setReport(isApiError(error) ? error.toReport() : undefined);
        }
      }}
    >
      <p>
        {volume.name} ({volume.device || 'no device recorded'}) will be detached from{' '}
        <strong>{instance}</strong>. Unmount it inside the instance first: detaching a disk in use
        can lose data that was not yet written.
      </p>
    </ActionDialog>
  );
}
