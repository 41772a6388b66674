import { useId } from 'react';
import { formatDateTime, formatRelative, parseDate } from '@/lib/format';
import { useNow } from '@/lib/use-now';

/** "3 minutes ago", with the exact time shown on hover and keyboard focus. */
export function RelativeTime({ value }: { value: string | null | undefined }) {
  const now = useNow(30_000);
  const id = useId();
  const date = parseDate(value);
  if (!date) return <span className="muted">—</span>;
  const exact = formatDateTime(date);
  return (
    // Focusable so keyboard users can read the exact time.
    <span className="tip-host" tabIndex={0} aria-describedby={id}>
      <time dateTime={value ?? undefined}>{formatRelative(date, now)}</time>
      <span className="tip" role="tooltip" id={id}>
        {exact}
      </span>
    </span>
  );
}
