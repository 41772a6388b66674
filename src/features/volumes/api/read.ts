// The two shapes most reads take: one page of a Waldur list, and one object by its path. Each
// resource's query options say only what differs (key, path, schema, parameters, freshness).
import { type QueryKey, queryOptions, type UseQueryOptions } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { Page, QueryParams } from '@/lib/http';
import { api } from '@/lib/session';

type Extra<T> = Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'>;

/** Reads one page of the list at `path` (`api/openstack-volumes`), each item parsed. */
export function listQuery<S extends z.ZodMiniType>(
  queryKey: QueryKey,
  path: string,
  itemSchema: S,
  params: QueryParams,
  extra: Extra<Page<z.output<S>>> = {},
) {
  return queryOptions({
    ...extra,
    queryKey,
    queryFn: ({ signal }) => api().list(path, itemSchema, { params, signal }),
  });
}

/** Reads the object at `path` (`api/openstack-volumes/<uuid>`), parsed. */
export function getQuery<S extends z.ZodMiniType>(
  queryKey: QueryKey,
  path: string,
  schema: S,
  params: QueryParams = {},
  extra: Extra<z.output<S>> = {},
) {
  return queryOptions({
    ...extra,
    queryKey,
    queryFn: ({ signal }) => api().get(path, schema, { params, signal }),
  });
}

/** The fields a picker shows for an object found by name. */
export const PICKER_FIELDS = ['uuid', 'name', 'project_name'];

/** A picker's search: the first 20 by name, with `PICKER_FIELDS`. */
export function searchQuery<S extends z.ZodMiniType>(
  queryKey: QueryKey,
  path: string,
  itemSchema: S,
  query: string,
  staleTime: number,
) {
  return listQuery(
    queryKey,
    path,
    itemSchema,
    { name: query || undefined, o: 'name', page_size: 20, field: PICKER_FIELDS },
    { staleTime },
  );
}
