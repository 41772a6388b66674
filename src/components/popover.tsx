import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * A disclosure: a button that shows a panel below it (filters, column chooser, menus). Escape or a
 * click outside closes it and focus goes back to the button; Tab moves through the panel naturally.
 */
export function Popover({
  label,
  children,
  buttonClassName = 'btn btn--secondary',
  align = 'start',
  ariaLabel,
  panelLabel,
  onOpenChange,
  onIntent,
}: {
  label: ReactNode;
  children: ReactNode | ((close: () => void) => ReactNode);
  buttonClassName?: string;
  align?: 'start' | 'end';
  ariaLabel?: string;
  panelLabel?: string;
  onOpenChange?: (open: boolean) => void;
  /** The pointer or focus reached the button: a moment to fetch what the panel needs. */
  onIntent?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const change = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  };
  const close = (returnFocus = true) => {
    change(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const handlePointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) {
        setOpen(false);
        onOpenChange?.(false);
      }
    };
    document.addEventListener('pointerdown', handlePointer);
    return () => document.removeEventListener('pointerdown', handlePointer);
  }, [open, onOpenChange]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Escape and focus leaving from anything inside
    <div
      className="popover"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
      onBlur={(event) => {
        if (
          open &&
          rootRef.current &&
          event.relatedTarget &&
          !rootRef.current.contains(event.relatedTarget as Node)
        ) {
          change(false);
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        // The panel exists only while open (a list has one of these per row).
        aria-controls={open ? panelId : undefined}
        aria-label={ariaLabel}
        onPointerEnter={onIntent}
        onFocus={onIntent}
        onClick={() => change(!open)}
      >
        {label}
      </button>
      {open ? (
        <div
          id={panelId}
          className={`popover__panel popover__panel--${align}`}
          {...(panelLabel ? { role: 'group', 'aria-label': panelLabel } : {})}
        >
          {typeof children === 'function' ? children(() => close()) : children}
        </div>
      ) : null}
    </div>
  );
}
