import type { ReactNode } from 'react';
import { RelativeTime } from '@/components/time';
import { useT } from '@/lib/i18n';

/** A two-column list of labelled values; a missing value says so instead of leaving a hole. */
export function DetailList({ children }: { children: ReactNode }) {
  return <dl className="details">{children}</dl>;
}

export function Detail({
  label,
  children,
  wide,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const empty = children === undefined || children === null || children === '';
  return (
    <div className={`details__item ${wide ? 'details__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}

/** Key/value pairs of a JSON object (metadata), or "None". */
export function KeyValues({ value }: { value: Record<string, unknown> | null | undefined }) {
  const t = useT();
  const entries = Object.entries(value ?? {});
  if (entries.length === 0) return <span className="muted">{t('None')}</span>;
  return (
    <dl className="key-values">
      {entries.map(([key, item]) => (
        <div key={key} className="key-values__item">
          <dt className="mono">{key}</dt>
          <dd className="mono">{typeof item === 'string' ? item : JSON.stringify(item)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** When an object was created and last modified, as ages ("3 days ago") with the exact time. */
export function Timestamps({ of }: { of: { created?: string | null; modified?: string | null } }) {
  const t = useT();
  return (
    <>
      <Detail label={t('Created')}>
        {of.created ? <RelativeTime value={of.created} /> : undefined}
      </Detail>
      <Detail label={t('Modified')}>
        {of.modified ? <RelativeTime value={of.modified} /> : undefined}
      </Detail>
    </>
  );
}
