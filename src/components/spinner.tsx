import { useT } from '@/lib/i18n';

/** A spinner named `label` (already translated; "Loading" when none is given). */
export function Spinner({ label }: { label?: string }) {
  const t = useT();
  const name = label ?? t('Loading');
  return (
    <span className="spinner" role="progressbar" aria-label={name}>
      <span className="visually-hidden">{t('{label}…', { label: name })}</span>
    </span>
  );
}

/** A region still loading: the spinner, and `label…` beside it unless `quiet`. */
export function LoadingBlock({ label, quiet = false }: { label: string; quiet?: boolean }) {
  const t = useT();
  return (
    <div className="loading-block">
      <Spinner label={label} />
      {quiet ? null : <span>{t('{label}…', { label })}</span>}
    </div>
  );
}
