import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { Field } from '@/components/field';
import { notify } from '@/lib/notifications';
import { useVolumeAction } from '../api/mutations';
import type { Volume } from '../api/schemas';
import { ActionDialog } from './action-dialog';
import { draftKey } from './drafts';
import { initialValues, useActionForm } from './form-kit';

/**
 * Staff only. Unlink deletes Waldur's record without touching OpenStack, for records stuck in a
 * transitional state; the user types the volume's name to confirm.
 */
export function UnlinkDialog({
  volume,
  onClose,
  afterUnlink,
}: {
  volume: Volume;
  onClose: () => void;
  afterUnlink?: () => void;
}) {
  const name = volume.name ?? volume.uuid;
  const schema = z.object({
    confirm: z
      .string()
      .check(
        z.refine((value) => value.trim() === name, { error: `Type ${name} exactly to confirm` }),
      ),
  });
  const key = draftKey('unlink', volume.uuid);
  const form = useForm<{ confirm: string }>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(key, { confirm: '' }),
  });
  const mutation = useVolumeAction(volume);
  const { problem, report, submit } = useActionForm(form, { draftKey: key, fieldMap: {} });
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <ActionDialog
      tone="danger"
      title={`Unlink ${name}?`}
      onClose={onClose}
      submitLabel="Unlink from Waldur"
      isSubmitting={mutation.isPending}
      problem={problem}
      report={report}
      onSubmit={submit(async () => {
        await mutation.mutateAsync({ action: 'unlink' });
        notify({
          kind: 'success',
          title: `${name} was unlinked from Waldur`,
          message: 'Its record is gone from Waldur; nothing was changed in OpenStack.',
        });
        onClose();
        afterUnlink?.();
      })}
    >
      <div className="callout callout--danger">
        <p className="callout__title">This removes the record from Waldur only</p>
        <p>
          Nothing is deleted in OpenStack: the Cinder volume{' '}
          {volume.backend_id ? (
            <span className="mono">{volume.backend_id}</span>
          ) : (
            '(it has no backend ID)'
          )}{' '}
          keeps existing and keeps using storage, but Waldur will no longer show, bill or manage it.
          Use this for records stuck in a transitional state. It cannot be undone here.
        </p>
      </div>
      <Field
        label={`Type the volume’s name (${name}) to confirm`}
        required
        error={errors.confirm?.message}
      >
        {(props) => (
          <input
            {...props}
            {...register('confirm')}
            className="input"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
    </ActionDialog>
  );
}
