// How the console reads what a server sends: a field that is missing, null or of an unexpected type
// becomes `undefined` instead of failing the whole response, because a real Waldur omits fields
// (sparse fieldsets, null relations) and a newer or older one may send another type.
import * as z from 'zod/mini';

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
