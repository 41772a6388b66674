import { describe, expect, it } from 'vitest';
import { formatAge, formatDateTime, formatRelative } from './format';

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
    [-50 * 86400, '2 months ago'],
    [-400 * 86400, '1 year ago'],
    [-3 * 365 * 86400, '3 years ago'],
  ])('%s s from now reads "%s"', (offset, expected) => {
    expect(formatRelative(at(offset), NOW)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it('gives the date, the time to the second and the time zone', () => {
    const text = formatDateTime(at(0));
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{2}:00:00/);
    expect(text).toMatch(/[A-Z]{3}|GMT/);
  });
});

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [4_600, '5 s'],
    [125_000, '2 min'],
    [7_200_000, '2 h'],
  ])('%s ms reads "%s"', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });
});
