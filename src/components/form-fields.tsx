// The form controls the forms share, bound to their react-hook-form form: each registers its
// field, shows that field's error, and is labelled through `Field`. A form says what a control is
// for; how it is wired is written once, here.
import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useT } from '@/lib/i18n';
import { Field } from './field';
import { type Choice, Options } from './select';

interface BoundFieldProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
}

/** The message of a field's error; reading it through `formState` keeps the form re-rendering. */
function errorOf<T extends FieldValues>(form: UseFormReturn<T>, name: Path<T>) {
  return form.getFieldState(name, form.formState).error?.message;
}

/** A one-line text input (`type` for URLs, secrets and dates), or a textarea when `rows` is given. */
export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  required,
  hint,
  rows,
  type = 'text',
  className = 'input',
  spellCheck,
  autoComplete = 'off',
}: BoundFieldProps<T> & {
  rows?: number;
  type?: 'text' | 'url' | 'password' | 'datetime-local';
  autoComplete?: string;
  className?: string;
  spellCheck?: boolean;
}) {
  return (
    <Field label={label} required={required} hint={hint} error={errorOf(form, name)}>
      {(props) =>
        rows ? (
          <textarea {...props} {...form.register(name)} className={className} rows={rows} />
        ) : (
          <input
            {...props}
            {...form.register(name)}
            type={type}
            className={className}
            autoComplete={autoComplete}
            spellCheck={spellCheck}
          />
        )
      }
    </Field>
  );
}

/** A whole number input (sizes in GiB); the form gets a number, not a string. */
export function NumberField<T extends FieldValues>({
  form,
  name,
  label,
  required,
  hint,
  min,
  problem,
}: BoundFieldProps<T> & {
  min: number;
  /** What the server would refuse in this value (a quota it passes), when it is otherwise valid. */
  problem?: string | null;
}) {
  return (
    <Field
      label={label}
      required={required}
      hint={hint}
      error={errorOf(form, name) ?? problem ?? undefined}
    >
      {(props) => (
        <input
          {...props}
          {...form.register(name, { valueAsNumber: true })}
          type="number"
          inputMode="numeric"
          min={min}
          step={1}
          className="input input--number"
        />
      )}
    </Field>
  );
}

/** "Type the name to confirm" of the dialogs that delete or unlink something. */
export function ConfirmNameField<T extends { confirm: string }>({
  form,
  subject,
  name,
}: {
  form: UseFormReturn<T>;
  /** What is confirmed: a volume or a snapshot (a code, not words). */
  subject: 'volume' | 'snapshot';
  name: string;
}) {
  const t = useT();
  return (
    <TextField
      form={form}
      name={'confirm' as Path<T>}
      label={t(
        '{subject, select, snapshot {Type the snapshot’s name ({name}) to confirm} other {Type the volume’s name ({name}) to confirm}}',
        { subject, name },
      )}
      required
      spellCheck={false}
    />
  );
}

/** A choice from a list; `emptyLabel` names the empty first option (“any”, “the default”). */
export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  required,
  hint,
  emptyLabel,
  options,
  disabled,
}: BoundFieldProps<T> & { emptyLabel: string; options: Choice[]; disabled?: boolean }) {
  return (
    <Field label={label} required={required} hint={hint} error={errorOf(form, name)}>
      {(props) => (
        <select {...props} {...form.register(name)} className="input" disabled={disabled}>
          <option value="">{emptyLabel}</option>
          <Options choices={options} />
        </select>
      )}
    </Field>
  );
}
