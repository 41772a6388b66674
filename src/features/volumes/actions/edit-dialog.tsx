import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { Field } from '@/components/field';
import { Callout } from '@/components/status';
import { notify } from '@/lib/notifications';
import { useVolumeAction } from '../api/mutations';
import type { Volume } from '../api/schemas';
import { ActionDialog } from './action-dialog';
import { draftKey } from './drafts';
import { initialValues, useActionForm } from './form-kit';

const schema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'Enter a name' }),
      z.maxLength(150, { error: 'At most 150 characters' }),
    ),
  description: z.string().check(z.maxLength(4096, { error: 'At most 4,096 characters' })),
  bootable: z.boolean(),
});
type Values = z.infer<typeof schema>;

/** Name, description and bootable; sends only what changed (PATCH). */
export function EditDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const key = draftKey('edit', volume.uuid);
  const original: Values = {
    name: volume.name ?? '',
    description: volume.description ?? '',
    bootable: volume.bootable ?? false,
  };
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(key, original),
  });
  const mutation = useVolumeAction(volume);
  const { problem, report, submit } = useActionForm(form, {
    draftKey: key,
    fieldMap: { name: 'name', description: 'description', bootable: 'bootable' },
  });
  const {
    register,
    watch,
    formState: { errors },
  } = form;
  const values = watch();
  const changes: Partial<Values> = {};
  if (values.name.trim() !== original.name) changes.name = values.name.trim();
  if (values.description !== original.description) changes.description = values.description;
  if (values.bootable !== original.bootable) changes.bootable = values.bootable;
  const nothingChanged = Object.keys(changes).length === 0;

  return (
    <ActionDialog
      title={`Edit ${volume.name ?? 'volume'}`}
      onClose={onClose}
      submitLabel="Save"
      isSubmitting={mutation.isPending}
      problem={problem}
      report={report}
      onSubmit={submit(async () => {
        if (nothingChanged) {
          onClose();
          return;
        }
        await mutation.mutateAsync({ action: 'edit', body: changes });
        notify({
          kind: 'success',
          title: `Changes to ${changes.name ?? volume.name} saved`,
          message: 'Waldur is updating the volume in OpenStack.',
        });
        onClose();
      })}
    >
      <Field label="Name" required error={errors.name?.message} hint={`${values.name.length}/150`}>
        {(props) => <input {...props} {...register('name')} className="input" autoComplete="off" />}
      </Field>
      <Field
        label="Description"
        error={errors.description?.message}
        hint={`${values.description.length}/4,096`}
      >
        {(props) => <textarea {...props} {...register('description')} className="input" rows={4} />}
      </Field>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            {...register('bootable')}
            aria-describedby="edit-bootable-hint"
            aria-invalid={Boolean(errors.bootable)}
          />
          Bootable
        </label>
        <p className="field__hint" id="edit-bootable-hint">
          A bootable volume can start an instance. Boot volumes cannot be detached or extended here.
        </p>
        {errors.bootable ? <p className="field__error">{errors.bootable.message}</p> : null}
      </div>
      {nothingChanged ? <Callout tone="info">Nothing has changed yet.</Callout> : null}
    </ActionDialog>
  );
}
