import { useState } from 'react';
import { announce } from '@/lib/announcer';

/** Copies `value`; says so visibly and to screen readers. */
export function CopyButton({
  value,
  label,
  className,
}: {
  value: string;
  label: string;
  className?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const handleClick = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
      announce(`Copied ${label}`);
    } catch {
      setState('failed');
      announce(`Could not copy ${label}: the browser refused access to the clipboard`, 'assertive');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button
      type="button"
      className={`btn btn--ghost btn--sm copy-btn ${className ?? ''}`}
      onClick={handleClick}
    >
      <span aria-hidden="true">{state === 'copied' ? '✓' : '⧉'}</span>
      <span className="copy-btn__text">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      </span>
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}
