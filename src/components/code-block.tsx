import type { ReactNode } from 'react';

/**
 * Preformatted text (JSON, tracebacks, curl). It scrolls when long, so its container takes keyboard
 * focus and has a name: keyboard users can scroll it, screen-reader users know what it is.
 */
export function CodeBlock({
  label,
  children,
  tall,
}: {
  label: string;
  children: ReactNode;
  tall?: boolean;
}) {
  return (
    <section
      className={`code-block ${tall ? 'code-block--tall' : ''}`}
      tabIndex={0}
      aria-label={label}
    >
      <pre>{children}</pre>
    </section>
  );
}
