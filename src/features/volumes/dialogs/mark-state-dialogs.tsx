// Staff only: setting a stuck volume's state by hand (Waldur's `set_ok` and `set_erred`). Nothing
// is checked or changed in OpenStack, so each asks for confirmation and says so.
import * as z from 'zod/mini';
import { TextField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import type { Volume } from '../model/schemas';
import { stateLabel } from '../model/states';
import { descriptionField } from '../model/validation';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

function LeftoverAction({ volume }: { volume: Volume }) {
  return volume.action ? (
    <p className="muted">
      Waldur keeps the last action ({volume.action}) recorded after this; the support panel shows
      it.
    </p>
  ) : null;
}

export function SetOkDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const { submitAction, frame } = useActionDialog({
    volume,
    action: 'set_ok',
    schema: z.object({}),
    defaults: {},
    onClose,
  });
  return (
    <ActionDialog
      {...frame}
      title={`Mark ${volume.name ?? 'the volume'} as OK?`}
      submitLabel="Mark as OK"
      onSubmit={submitAction(
        () => ({ action: 'set_ok' }),
        () => `${volume.name ?? 'The volume'} is marked as OK`,
      )}
    >
      <Callout tone="warning" title="Only Waldur’s record changes">
        <p>
          The volume is {stateLabel(volume.state)} now. Waldur will set it to OK and clear its error
          message and traceback; nothing is checked or changed in OpenStack. Do this once you know
          the volume is healthy there (or pull it, which reads it from OpenStack).
        </p>
      </Callout>
      <LeftoverAction volume={volume} />
    </ActionDialog>
  );
}

const erredSchema = z.object({
  message: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'Say what is wrong, for the volume’s users' })),
  traceback: descriptionField,
});

export function SetErredDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const { form, submitAction, frame } = useActionDialog({
    volume,
    action: 'set_erred',
    schema: erredSchema,
    defaults: { message: '', traceback: '' },
    fieldMap: { error_message: 'message', error_traceback: 'traceback' },
    onClose,
  });
  return (
    <ActionDialog
      {...frame}
      tone="danger"
      title={`Mark ${volume.name ?? 'the volume'} as erred`}
      submitLabel="Mark as erred"
      onSubmit={submitAction(
        (values) => ({
          action: 'set_erred',
          body: {
            error_message: values.message.trim(),
            ...(values.traceback ? { error_traceback: values.traceback } : {}),
          },
        }),
        () => `${volume.name ?? 'The volume'} is marked as erred`,
      )}
    >
      <p>
        Waldur will set it to Erred with this message; nothing changes in OpenStack. Its users then
        see the message and can pull it once it is fixed.
      </p>
      <TextField form={form} name="message" label="Error message" required rows={2} />
      <TextField
        form={form}
        name="traceback"
        label="Traceback"
        hint="Optional: details for support."
        rows={4}
        className="input mono"
      />
      <LeftoverAction volume={volume} />
    </ActionDialog>
  );
}
