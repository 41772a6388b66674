import * as z from 'zod/mini';
import { TextField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { formatInteger } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { Volume } from '../model/schemas';
import { descriptionField, NAME_MAX, nameField } from '../model/validation';
import { ActionDialog } from './action-dialog';
import { DescriptionField } from './description-field';
import { useActionDialog } from './use-action-dialog';

const schema = z.object({
  name: nameField(),
  description: descriptionField,
  bootable: z.boolean(),
});
type Values = z.infer<typeof schema>;

/** Name, description and bootable; sends only what changed (PATCH). */
export function EditDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const t = useT();
  const original: Values = {
    name: volume.name ?? '',
    description: volume.description ?? '',
    bootable: volume.bootable ?? false,
  };
  const { form, submitAction, frame } = useActionDialog({
    volume,
    action: 'edit',
    schema,
    defaults: original,
    fieldMap: { name: 'name', description: 'description', bootable: 'bootable' },
    onClose,
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
  const twoSteps =
    changes.bootable !== undefined &&
    (changes.name !== undefined || changes.description !== undefined);

  return (
    <ActionDialog
      {...frame}
      title={volume.name ? t('Edit {name}', { name: volume.name }) : t('Edit volume')}
      submitLabel={t('Save')}
      onSubmit={submitAction(
        () => {
          if (nothingChanged) return null;
          const { bootable, ...renames } = changes;
          // Waldur applies a rename or a bootable change, not both: send them one after the other.
          return bootable !== undefined && Object.keys(renames).length > 0
            ? { action: 'edit', body: renames, afterwards: { bootable } }
            : { action: 'edit', body: changes };
        },
        () => ({
          title: t('Changes to {name} saved', { name: changes.name ?? volume.name }),
          message: twoSteps
            ? t(
                'Waldur is updating the name and description in OpenStack; the bootable flag follows once that is done (Waldur applies one change at a time).',
              )
            : t('Waldur is updating the volume in OpenStack.'),
        }),
      )}
    >
      <TextField
        form={form}
        name="name"
        label={t('Name')}
        required
        hint={t(
          '{length}/{max}',
          { length: formatInteger(values.name.length), max: formatInteger(NAME_MAX) },
          'characters',
        )}
      />
      <DescriptionField form={form} rows={4} />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            {...register('bootable')}
            aria-describedby="edit-bootable-hint"
            aria-invalid={Boolean(errors.bootable)}
          />
          {t('Bootable')}
        </label>
        <p className="field__hint" id="edit-bootable-hint">
          {t(
            'A bootable volume can start an instance. Boot volumes cannot be detached or extended here.',
          )}
        </p>
        {errors.bootable ? <p className="field__error">{errors.bootable.message}</p> : null}
      </div>
      {nothingChanged ? <Callout tone="info">{t('Nothing has changed yet.')}</Callout> : null}
      {twoSteps ? (
        <Callout tone="info">
          <p>
            {t(
              'Waldur applies a rename and a bootable change one at a time, so this is sent in two steps: the name and description first, then Bootable once they are done. Both show in Operations.',
            )}
          </p>
        </Callout>
      ) : null}
    </ActionDialog>
  );
}
