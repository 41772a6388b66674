// Staff only: setting a stuck volume's state by hand (Waldur's `set_ok` and `set_erred`). Nothing
// is checked or changed in OpenStack, so each asks for confirmation and says so.
import * as z from 'zod/mini';
import { TextField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { t, useT } from '@/lib/i18n';
import type { Volume } from '../model/schemas';
import { stateLabel } from '../model/states';
import { descriptionField } from '../model/validation';
import { ActionDialog } from './action-dialog';
import { useActionDialog } from './use-action-dialog';

function LeftoverAction({ volume }: { volume: Volume }) {
  const t = useT();
  return volume.action ? (
    <p className="muted">
      {t(
        'Waldur keeps the last action ({action}) recorded after this; the support panel shows it.',
        { action: volume.action },
      )}
    </p>
  ) : null;
}

export function SetOkDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
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
      title={
        volume.name ? t('Mark {name} as OK?', { name: volume.name }) : t('Mark the volume as OK?')
      }
      submitLabel={t('Mark as OK')}
      onSubmit={submitAction(
        () => ({ action: 'set_ok' }),
        () =>
          volume.name
            ? t('{name} is marked as OK', { name: volume.name })
            : t('The volume is marked as OK'),
      )}
    >
      <Callout tone="warning" title={t('Only Waldur’s record changes')}>
        <p>
          {t(
            'The volume is {state} now. Waldur will set it to OK and clear its error message and traceback; nothing is checked or changed in OpenStack. Do this once you know the volume is healthy there (or pull it, which reads it from OpenStack).',
            { state: stateLabel(volume.state) },
          )}
        </p>
      </Callout>
      <LeftoverAction volume={volume} />
    </ActionDialog>
  );
}

const erredSchema = z.object({
  message: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: () => t('Say what is wrong, for the volume’s users') }),
    ),
  traceback: descriptionField,
});

export function SetErredDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
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
      title={
        volume.name
          ? t('Mark {name} as erred', { name: volume.name })
          : t('Mark the volume as erred')
      }
      submitLabel={t('Mark as erred')}
      onSubmit={submitAction(
        (values) => ({
          action: 'set_erred',
          body: {
            error_message: values.message.trim(),
            ...(values.traceback ? { error_traceback: values.traceback } : {}),
          },
        }),
        () =>
          volume.name
            ? t('{name} is marked as erred', { name: volume.name })
            : t('The volume is marked as erred'),
      )}
    >
      <p>
        {t(
          'Waldur will set it to Erred with this message; nothing changes in OpenStack. Its users then see the message and can pull it once it is fixed.',
        )}
      </p>
      <TextField form={form} name="message" label={t('Error message')} required rows={2} />
      <TextField
        form={form}
        name="traceback"
        label={t('Traceback')}
        hint={t('Optional: details for support.')}
        rows={4}
        className="input mono"
      />
      <LeftoverAction volume={volume} />
    </ActionDialog>
  );
}
