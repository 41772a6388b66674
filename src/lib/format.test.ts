// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { formatAge, formatDateTime, formatInteger, formatRelative } from './format';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const at = (offsetSeconds: number) => new Date(NOW + offsetSeconds * 1000);

describe('formatRelative', () => {
  it.each([
    [0, 'now'],
    [-0.4, 'now'],
    [-1, '1 second ago'],
    [-45, '45 seconds ago'],
    [-59.6, '1 minute ago'],
    [-100, '2 minutes ago'],
    [-3600, '1 hour ago'],
    [-5 * 3600, '5 hours ago'],
    [-86400, 'yesterday'],
    [86400, 'tomorrow'],
    [-3 * 86400, '3 days ago'],
    [2 * 86400, 'in 2 days'],
    [1, 'in 1 second'],
    [3600, 'in 1 hour'],
    [0.4, 'now'],
    [-50 * 86400, '2 months ago'],
    [-400 * 86400, '1 year ago'],
    [-3 * 365 * 86400, '3 years ago'],
  ])('%s s from now reads "%s"', (offset, expected) => {
    expect(formatRelative(at(offset), NOW)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it.each([
    [0, '27 Nov 2026, 12:00:00 UTC'],
    [60, '27 Nov 2026, 13:00:00 UTC+01:00'],
    [330, '27 Nov 2026, 17:30:00 UTC+05:30'],
    [-210, '27 Nov 2026, 08:30:00 UTC-03:30'],
    [840, '28 Nov 2026, 02:00:00 UTC+14:00'],
    [-600, '27 Nov 2026, 02:00:00 UTC-10:00'],
  ])('at %s minutes east of UTC reads "%s"', (offset, expected) => {
    expect(formatDateTime(at(0), offset)).toBe(expected);
  });

  it('pads every part: a morning in January', () => {
    expect(formatDateTime(new Date('2026-01-05T03:04:05Z'), 0)).toBe('5 Jan 2026, 03:04:05 UTC');
  });

  it('uses the browser’s offset at that date by default (daylight saving included)', () => {
    const summer = new Date('2026-07-01T09:05:03Z');
    expect(formatDateTime(summer)).toBe(formatDateTime(summer, -summer.getTimezoneOffset()));
    // A browser in India: Date reports the offset west of UTC, so -330.
    const offset = vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(-330);
    try {
      expect(formatDateTime(summer)).toBe('1 Jul 2026, 14:35:03 UTC+05:30');
    } finally {
      offset.mockRestore();
    }
  });
});

describe('formatInteger', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1536, '1,536'],
    [1234567, '1,234,567'],
    [-1536, '-1,536'],
    [1536.6, '1,537'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('%s reads "%s"', (value, expected) => {
    expect(formatInteger(value)).toBe(expected);
  });
});

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [4_600, '5 s'],
    [125_000, '2 min'],
    [7_200_000, '2 h'],
    [59_400, '59 s'],
    [60_000, '1 min'],
    [3_600_000, '1 h'],
  ])('%s ms reads "%s"', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });
});
