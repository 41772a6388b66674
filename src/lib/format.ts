/*
 * Numbers and dates in the reader's language. English is formatted by hand, not with Intl: the
 * first Intl object a page creates loads ICU's locale data, about 10 ms in Chromium, and the
 * English first render would pay it on the way to the first volume row (decision 0006). Other
 * languages use their formats (./locale-formats), loaded and created with their catalogue.
 */
import { formatNumber, getFormats } from './i18n';

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

/** "3 minutes ago", "yesterday", "in 2 days"; "vor 3 Minuten" in German. */
export function formatRelative(date: Date, now: number = Date.now()): string {
  const formats = getFormats();
  const say = formats
    ? (amount: number, unit: string) =>
        formats.relative(amount, unit as Intl.RelativeTimeFormatUnit)
    : relative;
  let amount = (date.getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    // Rounding may reach the next unit's size ("60 seconds"): that is the next unit's 1.
    const rounded = Math.round(amount);
    if (Math.abs(rounded) < size) return say(rounded, unit);
    amount /= size;
  }
  return say(Math.round(amount), 'year');
}

/** "1,536" (or "1.536", "1 536"…): an integer with the reader's thousands separators. */
export function formatInteger(value: number): string {
  return formatNumber(Math.round(value), 0);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** "UTC", "UTC+01:00", "UTC-03:30": the browser's offset from UTC at that date. */
function utcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes > 0 ? '+' : '-'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/**
 * "27 Nov 2026, 14:05:09 UTC+01:00": the time at `offsetMinutes` east of UTC (by default the
 * browser's own offset at that date, daylight saving included), with that offset.
 */
export function formatDateTime(
  date: Date,
  offsetMinutes: number = -date.getTimezoneOffset(),
): string {
  const formats = getFormats();
  if (formats) return formats.dateTime(date);
  // The wall-clock time at that offset, read with the UTC getters (which no time zone changes).
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const day = `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  return `${day}, ${time} ${utcOffset(offsetMinutes)}`;
}

/**
 * "3 Jan 2027": a calendar date. A bare `YYYY-MM-DD` (Waldur's `date` fields) is that day wherever
 * the reader is; a date-time is its day in the browser's time zone.
 */
export function formatDate(value: string): string {
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = bare ? null : parseDate(value);
  const formats = getFormats();
  if (formats) {
    // A bare date is a calendar day: formatted as that day in UTC, so no time zone moves it.
    if (bare) return formats.date(new Date(`${value}T00:00:00Z`), true);
    return date ? formats.date(date, false) : value;
  }
  if (bare) return `${Number(bare[3])} ${MONTHS[Number(bare[2]) - 1]} ${bare[1]}`;
  if (!date) return value;
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** Whether a calendar date (`YYYY-MM-DD`) or a date-time is still to come. */
export function isFutureDate(value: string, now: number = Date.now()): boolean {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A bare date starts at the reader's midnight: "today" has started already.
  const at = bare ? new Date(`${value}T00:00:00`).getTime() : (parseDate(value)?.getTime() ?? NaN);
  return at > now;
}

/** "5 s", "2 min", "1 h" (narrow units in the reader's language), for "updated N ago" labels. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.round(seconds / 60);
  const [amount, unit, short] =
    seconds < 60
      ? ([seconds, 'second', 's'] as const)
      : minutes < 60
        ? ([minutes, 'minute', 'min'] as const)
        : ([Math.round(minutes / 60), 'hour', 'h'] as const);
  const formats = getFormats();
  return formats ? formats.age(amount, unit) : `${amount} ${short}`;
}

/** "14:05:09": a time of day with seconds (the reader's own way in other languages). */
export function formatTime(date: Date): string {
  const formats = getFormats();
  if (formats) return formats.time(date);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
