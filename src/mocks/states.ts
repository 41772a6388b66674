import { spellState as spell } from '@/lib/state-spelling';

/** Waldur's `CoreStates`: label → the integer stored in the database (used when ordering by state). */
export const CORE_STATE_CODES: Record<string, number> = {
  UPDATE_SCHEDULED: 1,
  UPDATING: 2,
  OK: 3,
  ERRED: 4,
  CREATION_SCHEDULED: 5,
  CREATING: 6,
  DELETION_SCHEDULED: 7,
  DELETING: 8,
};

/** A state as this server spells it: today's label, or the old one (contract-lifecycle E7). */
export function spellState(state: string, legacy: boolean | undefined): string {
  return spell(state, legacy ? 'legacy' : 'current');
}
