export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner" role="progressbar" aria-label={label}>
      <span className="visually-hidden">{label}…</span>
    </span>
  );
}
