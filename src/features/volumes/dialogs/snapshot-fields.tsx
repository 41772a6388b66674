// Parts of the snapshot forms: name, description and keep-until.
import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/form-fields';
import { useT } from '@/lib/i18n';
import { DescriptionField } from './description-field';

/** A snapshot's name, description and optional retention date (in the user's local time). */
export function SnapshotFields<
  T extends FieldValues & { name: string; description: string; keptUntil: string },
>({ form, keepUntilHint }: { form: UseFormReturn<T>; keepUntilHint: ReactNode }) {
  const t = useT();
  return (
    <>
      <TextField form={form} name={'name' as Path<T>} label={t('Name')} required />
      <DescriptionField form={form} name={'description' as Path<T>} />
      <TextField
        form={form}
        name={'keptUntil' as Path<T>}
        label={t('Keep until')}
        hint={keepUntilHint}
        type="datetime-local"
        className="input input--auto"
      />
    </>
  );
}
