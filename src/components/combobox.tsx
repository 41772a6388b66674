import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';

export interface ComboboxOption {
  value: string;
  label: string;
  description?: string;
}

/**
 * An accessible search-as-you-type picker (WAI-ARIA 1.2 combobox with a listbox popup). The options
 * come from the caller (usually a query keyed by the typed text), so it can search thousands of
 * projects on the server. Escape restores the selection; the clear button removes it. `label`,
 * `placeholder`, `hint` and `error` are translated by the caller.
 */
export function Combobox({
  label,
  value,
  valueLabel,
  onChange,
  onQueryChange,
  options,
  isLoading = false,
  error,
  placeholder,
  hint,
  onOpenChange,
}: {
  label: string;
  value: string;
  valueLabel: string;
  onChange: (value: string) => void;
  onQueryChange: (query: string) => void;
  options: ComboboxOption[];
  isLoading?: boolean;
  error?: string | null;
  placeholder?: string;
  hint?: ReactNode;
  /** Lets the caller fetch options only while the list is open. */
  onOpenChange?: (open: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const [active, setActive] = useState(-1);
  const [text, setText] = useState(valueLabel);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) setText(valueLabel);
  }, [valueLabel, open]);

  useEffect(() => {
    setActive(options.length > 0 ? 0 : -1);
  }, [options]);

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    setText(option.label);
    setOpen(false);
    onQueryChange('');
  };

  const cancel = () => {
    setOpen(false);
    setText(valueLabel);
    onQueryChange('');
  };

  return (
    <div className="combobox">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="combobox__control">
        <input
          ref={inputRef}
          id={id}
          className="input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onQueryChange(event.target.value);
            setOpen(true);
          }}
          onFocus={(event) => event.target.select()}
          onClick={() => setOpen(true)}
          onBlur={(event) => {
            if (
              !event.currentTarget.parentElement?.parentElement?.contains(
                event.relatedTarget as Node,
              )
            )
              cancel();
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              if (!open) setOpen(true);
              else setActive((i) => Math.min(i + 1, options.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (event.key === 'Enter') {
              if (open && active >= 0 && options[active]) {
                event.preventDefault();
                choose(options[active]);
              }
            } else if (event.key === 'Escape') {
              if (open) {
                event.preventDefault();
                event.stopPropagation();
                cancel();
              }
            }
          }}
        />
        {value ? (
          <button
            type="button"
            className="btn btn--ghost btn--sm combobox__clear"
            onClick={() => {
              onChange('');
              setText('');
              inputRef.current?.focus();
            }}
          >
            <span aria-hidden="true">✕</span>
            <span className="visually-hidden">{t('Clear {label}', { label })}</span>
          </button>
        ) : null}
      </div>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {/* The ARIA 1.2 combobox pattern: focus stays in the input, options are pointed at with
          aria-activedescendant, so they are deliberately not focusable. */}
      <div id={listId} role="listbox" aria-label={label} className="combobox__list" hidden={!open}>
        {isLoading ? (
          <div className="combobox__note">{t('Searching…')}</div>
        ) : error ? (
          <div className="combobox__note combobox__note--error">{error}</div>
        ) : options.length === 0 ? (
          <div className="combobox__note">{t('No matches')}</div>
        ) : (
          options.map((option, index) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keyboard (arrows, Enter)
            <div
              key={option.value}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className="combobox__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseEnter={() => setActive(index)}
            >
              <span>{option.label}</span>
              {option.description ? <span className="muted"> {option.description}</span> : null}
            </div>
          ))
        )}
      </div>
    </div>
  );
}
