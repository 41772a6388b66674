// Limits that differ between Waldur releases and deployments, learnt from what the server refuses.
// A description is
// at most 4,096 characters on 8.0.5 (the schema's `maxLength`) but 2,000 on a 2024 server (the
// model's `DescribableMixin`, contract-lifecycle §8). Nothing in the API says which, so the console
// starts from the newer limit and, when Waldur refuses a description with DRF's "Ensure this field
// has no more than N characters.", takes N as this server's limit from then on.
import { ApiError } from './api-error';
import { sessionStore } from './session';
import { createStore, useStore } from './store';

export const DEFAULT_DESCRIPTION_MAX = 4096;

/** The description limit per Waldur (its API URL); a server not listed has the default. */
const learnt = createStore<Readonly<Record<string, number>>>({});
/**
 * Waldurs that refused an order without an availability zone (`REQUIRE_AVAILABILITY_ZONE`: a
 * non-field 400 "Availability zone is mandatory.", contract-lifecycle §8).
 */
const zoneRequired = createStore<ReadonlySet<string>>(new Set());

export const ZONE_MANDATORY = 'Availability zone is mandatory.';

/** Whether this Waldur requires an availability zone on an order (learnt from a refusal). */
export function useZoneRequired(): boolean {
  return useStore(zoneRequired).has(server());
}
/** Which Waldur the limits are about: the session's API URL. */
const server = () => sessionStore.get().apiUrl ?? '';

export function descriptionMax(): number {
  return learnt.get()[server()] ?? DEFAULT_DESCRIPTION_MAX;
}

/** Whether this server's description limit was learnt from a refusal (it differs from 4,096). */
export function useDescriptionLimit(): { max: number; learnt: boolean } {
  const limits = useStore(learnt);
  const max = limits[server()];
  return max === undefined
    ? { max: DEFAULT_DESCRIPTION_MAX, learnt: false }
    : { max, learnt: true };
}

/**
 * DRF's max-length message carries the limit as its one number ("Ensure this field has no more than
 * 2000 characters."; DRF translates it, so the words depend on the language the console asks for).
 */
const LIMIT = /\d{3,}/;

/** Reads a 400 for this server's limits: the description's length, a mandatory zone. */
export function learnLimits(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  if (error.generalMessages.includes(ZONE_MANDATORY))
    zoneRequired.set((current) => new Set(current).add(server()));
  for (const message of error.fieldErrors.description ?? []) {
    const max = Number(LIMIT.exec(message)?.[0]);
    if (Number.isInteger(max) && max > 0) {
      learnt.set((current) => ({ ...current, [server()]: max }));
      return true;
    }
  }
  return false;
}

/** Tests start from a server with no learnt limits. */
export function resetLimits() {
  learnt.set({});
  zoneRequired.set(new Set());
}
