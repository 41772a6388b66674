// Parts of the snapshot forms and of the dialogs that warn about a volume's snapshots.
import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { TextField } from '@/components/form-fields';
import type { Snapshot } from '../model/schemas';
import { stateLabel } from '../model/states';

/** A snapshot's optional retention date, in the user's local time. */
export function KeepUntilField<T extends FieldValues & { keptUntil: string }>({
  form,
  hint,
}: {
  form: UseFormReturn<T>;
  hint: ReactNode;
}) {
  return (
    <TextField
      form={form}
      name={'keptUntil' as Path<T>}
      label="Keep until"
      hint={hint}
      type="datetime-local"
      className="input input--auto"
    />
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
