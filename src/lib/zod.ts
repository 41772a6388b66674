// How the console reads what a server sends: a field that is missing, null or of an unexpected type
// becomes `undefined` instead of failing the whole response, because a real Waldur omits fields
// (sparse fieldsets, null relations) and a newer or older one may send another type.
import * as z from 'zod/mini';
import { uuidFromUrl } from './uuid';

export function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(z.nullable(schema)), undefined);
}

export const text = lenient(z.string());
export const flag = lenient(z.boolean());
export const count = lenient(z.number());
export const jsonObject = lenient(z.record(z.string(), z.unknown()));

/** Optional text fields by name, spread into a shape: `{ uuid: z.string(), ...texts('name') }`. */
export function texts<const K extends string>(...names: K[]): Record<K, typeof text> {
  return Object.fromEntries(names.map((name) => [name, text])) as Record<K, typeof text>;
}

/**
 * A resource with its organisation's UUID even where the server omits it: a 2024 Waldur's resource
 * serializers send `customer` (a URL) but no `customer_uuid` (contract-lifecycle §8), and the
 * console decides ownership by that UUID.
 */
export function withCustomerUuid<S extends z.ZodMiniType<CustomerFields>>(schema: S) {
  return z.pipe(
    schema,
    z.transform((value: z.output<S>) =>
      value.customer_uuid || !value.customer
        ? value
        : { ...value, customer_uuid: uuidFromUrl(value.customer) ?? undefined },
    ),
  );
}

type CustomerFields = { customer?: string | null; customer_uuid?: string | null };
