// Waldur paginates with headers, not an envelope: `X-Result-Count` carries the total and `Link` carries
// RFC 5988 links, e.g. `<https://h/api/x/?page=2>; rel="next", <https://h/api/x/?page=5>; rel="last"`.
export interface PageLinks {
  first?: string;
  prev?: string;
  next?: string;
  last?: string;
}

const LINK_PART = /<([^>]*)>\s*;\s*rel="?([^",;\s]+)"?/g;

export function parseLinkHeader(header: string | null | undefined): PageLinks {
  const links: PageLinks = {};
  if (!header) return links;
  for (const match of header.matchAll(LINK_PART)) {
    const [, url, rel] = match;
    if (
      url !== undefined &&
      (rel === 'first' || rel === 'prev' || rel === 'next' || rel === 'last')
    ) {
      links[rel] = url;
    }
  }
  return links;
}

/** The `page` number a Waldur link points at (a link without `page` is page 1). */
export function pageOfLink(link: string | undefined): number | null {
  if (!link) return null;
  try {
    const page = new URL(link).searchParams.get('page');
    if (page === null) return 1;
    const number = Number(page);
    return Number.isInteger(number) && number > 0 ? number : null;
  } catch {
    return null;
  }
}

export function parseResultCount(header: string | null | undefined): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  const count = Number(header);
  return Number.isInteger(count) && count >= 0 ? count : null;
}
