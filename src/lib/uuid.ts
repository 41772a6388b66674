const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Waldur writes UUIDs as 32 hex digits without dashes; people paste both forms. */
export function normalizeUuid(input: string | null | undefined): string | null {
  if (!input) return null;
  const value = input.trim();
  if (HEX32.test(value)) return value.toLowerCase();
  if (DASHED.test(value)) return value.replaceAll('-', '').toLowerCase();
  return null;
}

export function isUuidLike(input: string | null | undefined) {
  return normalizeUuid(input) !== null;
}

export function toDashedUuid(hex: string) {
  const h = hex.replaceAll('-', '').toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The UUID at the end of a Waldur hyperlink such as `https://h/api/openstack-instances/<hex>/`. */
export function uuidFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const match = /\/([0-9a-f-]{32,36})\/?$/i.exec(url.split('?')[0] ?? '');
  return normalizeUuid(match?.[1]);
}
