export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner" role="progressbar" aria-label={label}>
      <span className="visually-hidden">{label}…</span>
    </span>
  );
}

/** A region still loading: the spinner, and `label…` beside it unless `quiet`. */
export function LoadingBlock({ label, quiet = false }: { label: string; quiet?: boolean }) {
  return (
    <div className="loading-block">
      <Spinner label={label} />
      {quiet ? null : <span>{label}…</span>}
    </div>
  );
}
