// The reads of one Waldur collection (`api/openstack-snapshots`), each item parsed with its schema:
// a page of the list, one object by UUID, and a picker's search by name. A resource's query options
// then say only what differs: the key, the parameters and how fresh the answer must be.
import { type QueryKey, queryOptions, type UseQueryOptions } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { Page, QueryParams } from '@/lib/http';
import { api } from '@/lib/session';

type Extra<T> = Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'>;

/** The fields a picker shows for an object found by name. */
export const PICKER_FIELDS = ['uuid', 'name', 'project_name'];

/** How long a catalogue (types, images, zones, directory pickers) stays fresh. */
export const CATALOGUE = { staleTime: 5 * 60_000 } as const;

export function collection<S extends z.ZodMiniType>(path: string, schema: S) {
  type Item = z.output<S>;
  const list = (queryKey: QueryKey, params: QueryParams, extra: Extra<Page<Item>> = {}) =>
    queryOptions({
      ...extra,
      queryKey,
      queryFn: ({ signal }) => api().list(path, schema, { params, signal }),
    });
  return {
    list,
    /** `<path>/<uuid>/`, with `params` (`field=` for a sparse read). */
    get: (queryKey: QueryKey, uuid: string, params: QueryParams = {}, extra: Extra<Item> = {}) =>
      queryOptions({
        ...extra,
        queryKey,
        queryFn: ({ signal }) => api().get(`${path}/${uuid}`, schema, { params, signal }),
      }),
    /** A picker's search: the first 20 by name, with `PICKER_FIELDS`. */
    search: (queryKey: QueryKey, query: string, staleTime: number) =>
      list(
        queryKey,
        { name: query || undefined, o: 'name', page_size: 20, field: PICKER_FIELDS },
        { staleTime },
      ),
  };
}
