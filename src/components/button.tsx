import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { forwardRef } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'md' | 'sm';
  /** Shows a spinner and blocks clicks without dropping focus (unlike `disabled`). */
  isBusy?: boolean;
  icon?: ReactNode;
}

/**
 * The one button. `aria-disabled` (not `disabled`) is used by callers that must stay focusable so that
 * keyboard and screen-reader users can read why an action is unavailable.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = 'secondary',
    size = 'md',
    isBusy = false,
    icon,
    className,
    children,
    type = 'button',
    onClick,
    ...rest
  },
  ref,
) {
  const inert = isBusy || rest['aria-disabled'] === true || rest['aria-disabled'] === 'true';
  return (
    <button
      ref={ref}
      type={type}
      className={['btn', `btn--${variant}`, size === 'sm' ? 'btn--sm' : '', className ?? '']
        .join(' ')
        .trim()}
      aria-busy={isBusy || undefined}
      onClick={(event) => {
        if (inert) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...rest}
    >
      {isBusy ? <span className="spinner spinner--inline" aria-hidden="true" /> : icon}
      {children}
    </button>
  );
});

/** A button that shows and hides the region whose id is `controls`. */
export function DisclosureButton({
  open,
  onToggle,
  controls,
  className,
  children,
}: {
  open: boolean;
  onToggle: (open: boolean) => void;
  controls: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Button
      className={className}
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
    >
      {children}
    </Button>
  );
}
