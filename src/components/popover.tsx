import {
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

/** The least room a panel keeps from the window's edges, px. */
const EDGE = 8;

/**
 * Moves an open panel sideways, as little as needed, so that it lies within the window: a panel
 * aligned to a button near a phone's edge (the Views menu, 20rem wide, from a button at the
 * start) would otherwise open partly off the screen. Measured again when its content or the window
 * changes size.
 */
function useKeptOnScreen(panelRef: RefObject<HTMLDivElement | null>, open: boolean) {
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel) return;
    const keepWithin = () => {
      panel.style.translate = '';
      const box = panel.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const shift =
        box.left < EDGE
          ? EDGE - box.left
          : box.right > width - EDGE
            ? Math.max(EDGE - box.left, width - EDGE - box.right)
            : 0;
      if (shift !== 0) panel.style.translate = `${Math.round(shift)}px 0`;
    };
    keepWithin();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(keepWithin) : null;
    observer?.observe(panel);
    window.addEventListener('resize', keepWithin);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', keepWithin);
    };
  }, [panelRef, open]);
}

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
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useKeptOnScreen(panelRef, open);

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
          ref={panelRef}
          className={`popover__panel popover__panel--${align}`}
          {...(panelLabel ? { role: 'group', 'aria-label': panelLabel } : {})}
        >
          {typeof children === 'function' ? children(() => close()) : children}
        </div>
      ) : null}
    </div>
  );
}
