// A labelled native select, for the filters, sorts and page sizes that change a view at once (a
// form's selects are in ./form-fields). The label sits above it, or beside it when `inline`.
import type { ReactNode, SelectHTMLAttributes } from 'react';

export interface Choice {
  value: string | number;
  label: ReactNode;
  disabled?: boolean;
}

/** The `<option>`s of a list of choices. */
export function Options({ choices }: { choices: readonly Choice[] }) {
  return choices.map((choice) => (
    <option key={choice.value} value={choice.value} disabled={choice.disabled}>
      {choice.label}
    </option>
  ));
}

export function Select({
  id,
  label,
  inline = false,
  className = 'input',
  children,
  ...props
}: {
  id: string;
  label: ReactNode;
  inline?: boolean;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  return (
    <div className={inline ? 'field field--inline' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className={className} {...props}>
        {children}
      </select>
    </div>
  );
}
