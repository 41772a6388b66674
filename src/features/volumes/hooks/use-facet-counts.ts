import { useQueries } from '@tanstack/react-query';
import { formatInteger } from '@/lib/format';
import { t } from '@/lib/i18n';
import { isUuidLike } from '@/lib/uuid';
import { volumeQueries } from '../api/volumes';
import type { ListView } from '../model/list-view';
import { viewToParams } from '../model/list-view';
import { CORE_STATES, RUNTIME_STATES } from '../model/states';

/**
 * How many volumes each value of a facet would give under the other current filters, from
 * `X-Result-Count` of `page_size=1` requests. Callers mount this only while the facet's control is
 * open (a dozen query observers are not free on the list's first render), so the list itself never
 * waits for them; the list page invalidates them when it refreshes. Not available for views Waldur
 * cannot count (a pasted ID, browser-side filters).
 */
export function useFacetCounts(view: ListView, facet: 'state' | 'runtime') {
  const params = viewToParams(view);
  const countable = !params.clientFilters && !isUuidLike(view.search);
  const values: readonly string[] = facet === 'state' ? CORE_STATES : RUNTIME_STATES;
  const base = { ...params.filters, search: params.search };
  const results = useQueries({
    queries: values.map((value) => ({
      ...volumeQueries.count(
        facet === 'state' ? { ...base, state: [value] } : { ...base, runtime_state: value },
      ),
      enabled: countable,
    })),
  });
  const counts = new Map<string, number | undefined>();
  for (const [index, value] of values.entries()) counts.set(value, results[index]?.data);
  return { counts, available: countable };
}

/** "Erred (3)": a facet value's label (already in the reader's language) and its count. */
export function withCount(label: string, count: number | undefined) {
  return count === undefined
    ? label
    : t('{label} ({count})', { label, count: formatInteger(count) });
}
