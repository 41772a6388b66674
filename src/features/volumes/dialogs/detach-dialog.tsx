import * as z from 'zod/mini';
import type { Volume } from '../model/schemas';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

const schema = z.object({});

/** A confirmation that names the instance. */
export function DetachDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const { submitAction, frame } = useActionDialog({
    volume,
    action: 'detach',
    schema,
    defaults: {},
    onClose,
  });
  const instance = volume.instance_name ?? 'its instance';
  return (
    <ActionDialog
      {...frame}
      title={`Detach ${volume.name ?? 'volume'} from ${instance}?`}
      submitLabel="Detach"
      onSubmit={submitAction(
        () => ({ action: 'detach' }),
        () => `Detach of ${volume.name} from ${instance} scheduled`,
      )}
    >
      <p>
        {volume.name} ({volume.device || 'no device recorded'}) will be detached from{' '}
        <strong>{instance}</strong>. Unmount it inside the instance first: detaching a disk in use
        can lose data that was not yet written.
      </p>
    </ActionDialog>
  );
}
