/*
 * Intl formatters are created on first use: the list's first render must not pay for ones it does
 * not need. Relative times are formatted here rather than with Intl.RelativeTimeFormat, whose first
 * use loads locale data (about 10 ms in Chromium, on the path to the first volume row); the console
 * is in English.
 */
let absolute: Intl.DateTimeFormat | undefined;

const STEPS: [unit: string, size: number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function relative(amount: number, unit: string): string {
  if (unit === 'second' && amount === 0) return 'now';
  if (unit === 'day' && amount === -1) return 'yesterday';
  if (unit === 'day' && amount === 1) return 'tomorrow';
  const count = Math.abs(amount);
  const phrase = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return amount < 0 ? `${phrase} ago` : `in ${phrase}`;
}

/** "3 minutes ago", "yesterday", "in 2 days". */
export function formatRelative(date: Date, now: number = Date.now()): string {
  let amount = (date.getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    // Rounding may reach the next unit's size ("60 seconds"): that is the next unit's 1.
    const rounded = Math.round(amount);
    if (Math.abs(rounded) < size) return relative(rounded === 0 ? 0 : rounded, unit);
    amount /= size;
  }
  return relative(Math.round(amount), 'year');
}

/** "27 Nov 2026, 14:05:09 UTC" in the browser's time zone. */
export function formatDateTime(date: Date): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the explicit parts.
  absolute ??= new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });
  return absolute.format(date);
}

/** "5 s", "2 min", for "updated N ago" labels. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}
