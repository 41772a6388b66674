// Parts of the snapshot forms, and of the dialogs that warn about a volume's snapshots.
import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { TextField } from '@/components/form-fields';
import type { Snapshot } from '../model/schemas';
import { stateLabel } from '../model/states';

/** A snapshot's name, description and optional retention date (in the user's local time). */
export function SnapshotFields<
  T extends FieldValues & { name: string; description: string; keptUntil: string },
>({ form, keepUntilHint }: { form: UseFormReturn<T>; keepUntilHint: ReactNode }) {
  return (
    <>
      <TextField form={form} name={'name' as Path<T>} label="Name" required />
      <TextField form={form} name={'description' as Path<T>} label="Description" rows={2} />
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

/** A volume's snapshots by name and state, in a dialog's warning; linked when `onOpen` is given. */
export function SnapshotNames({
  snapshots,
  onOpen,
}: {
  snapshots: Snapshot[];
  /** Called when a link is followed (the dialog closes). */
  onOpen?: () => void;
}) {
  return (
    <ul className="compact-list">
      {snapshots.map((snapshot) => (
        <li key={snapshot.uuid}>
          {onOpen ? (
            <Link to={`/snapshots/${snapshot.uuid}`} onClick={onOpen}>
              {snapshot.name}
            </Link>
          ) : (
            snapshot.name
          )}{' '}
          <span className="muted">({stateLabel(snapshot.state)})</span>
        </li>
      ))}
    </ul>
  );
}
