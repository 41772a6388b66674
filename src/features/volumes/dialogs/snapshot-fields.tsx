// Parts of the snapshot forms, and of the dialogs that warn about a volume's snapshots.
import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { TextField } from '@/components/form-fields';
import type { Snapshot } from '../model/schemas';
import { stateLabel } from '../model/states';
import { DescriptionField } from './description-field';

/** A snapshot's name, description and optional retention date (in the user's local time). */
export function SnapshotFields<
  T extends FieldValues & { name: string; description: string; keptUntil: string },
>({ form, keepUntilHint }: { form: UseFormReturn<T>; keepUntilHint: ReactNode }) {
  return (
    <>
      <TextField form={form} name={'name' as Path<T>} label="Name" required />
      <DescriptionField form={form} name={'description' as Path<T>} />
      <TextField
        form={form}
        name={'keptUntil' as Path<T>}
        label="Keep until"
        hint={keepUntilHint}
        type="datetime-local"
        className="input input--auto"
      />
    </>
  );
}
