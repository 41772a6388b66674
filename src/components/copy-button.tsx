import { type ReactNode, useState } from 'react';
import { announce } from '@/lib/announcer';
import { T, useT } from '@/lib/i18n';

/** The visible word and, for screen readers only, what it copies ("Copy <hidden>raw JSON</hidden>"). */
const tags = {
  text: (c: ReactNode) => <span className="copy-btn__text">{c}</span>,
  hidden: (c: ReactNode) => <span className="visually-hidden">{c}</span>,
};

/** Copies `value`; says so visibly and to screen readers. `label` is translated by the caller. */
export function CopyButton({
  value,
  label,
  className,
}: {
  value: string;
  label: string;
  className?: string;
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const handleClick = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
      announce(t('Copied {label}', { label }));
    } catch {
      setState('failed');
      announce(
        t('Could not copy {label}: the browser refused access to the clipboard', { label }),
        'assertive',
      );
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button
      type="button"
      className={`btn btn--ghost btn--sm copy-btn ${className ?? ''}`}
      onClick={handleClick}
    >
      {state === 'copied' ? (
        <span aria-hidden="true">✓</span>
      ) : (
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="5" y="5" width="9" height="9" rx="1.5" />
          <path d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5" />
        </svg>
      )}
      {state === 'copied' ? (
        <T m="<text>Copied</text><hidden> {label}</hidden>" v={{ label }} tags={tags} />
      ) : state === 'failed' ? (
        <T m="<text>Copy failed</text><hidden> {label}</hidden>" v={{ label }} tags={tags} />
      ) : (
        <T m="<text>Copy</text><hidden> {label}</hidden>" v={{ label }} tags={tags} />
      )}
    </button>
  );
}
