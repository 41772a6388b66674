// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageOfLink, parseLinkHeader, parseResultCount } from './link-header';
import { formatSize, gibToMib, minimumExtendGib } from './units';
import { isUuidLike, normalizeUuid, toDashedUuid, uuidFromUrl } from './uuid';

const HEX = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
const DASHED = '0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9';

describe('uuid', () => {
  it('accepts both spellings, trims and lowercases; refuses anything else', () => {
    expect(normalizeUuid(HEX)).toBe(HEX);
    expect(normalizeUuid(` ${DASHED.toUpperCase()} `)).toBe(HEX);
    expect(normalizeUuid(`${HEX}0`)).toBeNull();
    expect(normalizeUuid(HEX.slice(1))).toBeNull();
    expect(normalizeUuid(`x${DASHED}`)).toBeNull();
    expect(normalizeUuid('')).toBeNull();
    expect(normalizeUuid(null)).toBeNull();
    expect(isUuidLike(DASHED)).toBe(true);
    expect(isUuidLike('data-01')).toBe(false);
  });

  it('writes the dashed form and reads the UUID at the end of a hyperlink', () => {
    expect(toDashedUuid(HEX.toUpperCase())).toBe(DASHED);
    expect(toDashedUuid(DASHED)).toBe(DASHED);
    expect(uuidFromUrl(`https://h/api/openstack-instances/${HEX}/`)).toBe(HEX);
    expect(uuidFromUrl(`https://h/api/openstack-instances/${DASHED}`)).toBe(HEX);
    expect(uuidFromUrl(`https://h/api/x/${HEX}/?field=name`)).toBe(HEX);
    expect(uuidFromUrl('https://h/api/x/not-a-uuid/')).toBeNull();
    expect(uuidFromUrl(`https://h/api/x/${HEX}/pull/`)).toBeNull();
    expect(uuidFromUrl(null)).toBeNull();
    expect(uuidFromUrl('')).toBeNull();
  });
});

describe('units', () => {
  it('GiB to MiB, sizes for people, and extend’s minimum', () => {
    expect(gibToMib(3)).toBe(3072);
    expect(gibToMib(1.5)).toBe(1536);
    expect(formatSize(10240)).toBe('10 GiB');
    expect(formatSize(1536)).toBe('1,536 MiB');
    expect(formatSize(0)).toBe('0 GiB');
    expect(formatSize(null)).toBe('—');
    expect(formatSize(undefined)).toBe('—');
    expect(formatSize(Number.NaN)).toBe('—');
    expect(minimumExtendGib(1024)).toBe(2);
    expect(minimumExtendGib(1536)).toBe(3);
    expect(minimumExtendGib(0)).toBe(1);
  });
});

describe('link header', () => {
  it('reads first, prev, next and last, and ignores other relations', () => {
    expect(
      parseLinkHeader(
        '<https://h/api/v/>; rel="first", <https://h/api/v/?page=1>; rel="prev", <https://h/api/v/?page=3>; rel=next, <https://h/api/v/?page=9>; rel="last", <https://h/x>; rel="self"',
      ),
    ).toEqual({
      first: 'https://h/api/v/',
      prev: 'https://h/api/v/?page=1',
      next: 'https://h/api/v/?page=3',
      last: 'https://h/api/v/?page=9',
    });
    expect(parseLinkHeader('')).toEqual({});
    expect(parseLinkHeader(null)).toEqual({});
  });

  it('the page a link points at: 1 without `page`, null for nonsense', () => {
    const base = 'https://h/api/v/';
    const links = [`${base}?page=4`, base, `${base}?page=0`, `${base}?page=2.5`, 'not a url'];
    expect([...links, undefined].map(pageOfLink)).toEqual([4, 1, null, null, null, null]);
  });

  it('X-Result-Count: a whole, non-negative number or nothing', () => {
    const headers = ['250', '0', ' ', '-1', '1.5', 'many', null, undefined];
    expect(headers.map(parseResultCount)).toEqual([250, 0, null, null, null, null, null, null]);
  });
});
