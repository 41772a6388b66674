// Form rules that several forms share, worded once: Waldur's limits on a resource's name and
// description (`max_length` in its serializers), and the default name of a snapshot. Messages are
// functions (`error: () => t(…)`), evaluated when a check fails: in the language of the moment.
import * as z from 'zod/mini';
import { msg, t } from '@/lib/i18n';
import { descriptionMax } from '@/lib/server-limits';

export const NAME_MAX = 150;

/** "At most 150 characters", in the reader's language. */
const atMost = (count: number) =>
  t('At most {count, plural, one {# character} other {# characters}}', { count });

/**
 * A required name: trimmed, not blank, at most 150 characters. `blankMessage` says what to enter:
 * a message marked with msg() (translated when the check fails), or a function giving it.
 */
export function nameField(blankMessage: string | (() => string) = msg('Enter a name')) {
  return z.string().check(
    z.trim(),
    z.minLength(1, {
      error: () => (typeof blankMessage === 'function' ? blankMessage() : t(blankMessage)),
    }),
    z.maxLength(NAME_MAX, { error: () => atMost(NAME_MAX) }),
  );
}

/** An optional description: at most this Waldur's limit (4,096, or 2,000 on a 2024 server). */
export const descriptionField = z.string().check(
  z.refine((value) => value.length <= descriptionMax(), {
    error: () => atMost(descriptionMax()),
  }),
);

/** A snapshot's retention as a `datetime-local` value: empty (kept until deleted) or in the future. */
export const keptUntilField = z.string().check(
  z.refine((value) => value === '' || !Number.isNaN(new Date(value).getTime()), {
    error: () => t('Enter a date and time'),
  }),
  z.refine((value) => value === '' || new Date(value).getTime() > Date.now(), {
    error: () => t('Retention must end in the future'),
  }),
);

/** A date from Waldur as a `datetime-local` value (local time, minutes), or ''. */
export function toLocalInput(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "20261127-1405": the local date and time, as snapshot names carry it. */
export function timestamp(date: Date = new Date()): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** What a snapshot is called unless the user says otherwise: `<volume>-snap-<date>`. */
export const SNAPSHOT_NAME_PATTERN = '{name}-snap-{date}';

/** Fills the pattern for one volume: `{name}` is its name (its UUID if unnamed), `{date}` the date. */
export function snapshotName(
  volume: { name?: string | null; uuid: string },
  date: string = timestamp(),
  pattern: string = SNAPSHOT_NAME_PATTERN,
): string {
  return pattern
    .replaceAll('{name}', volume.name || volume.uuid)
    .replaceAll('{date}', date)
    .slice(0, NAME_MAX);
}

/** A typed confirmation of a destructive action: the name, exactly (spaces around it aside). */
export function confirmNameSchema(name: string) {
  return z.string().check(
    z.refine((value) => value.trim() === name, {
      error: () => t('Type {name} exactly to confirm', { name }),
    }),
  );
}
