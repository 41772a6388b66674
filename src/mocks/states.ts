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

/** How Waldur before 2025 spelled each state (`StateMixin.States.CHOICES`, contract-lifecycle E7). */
export const LEGACY_STATE_LABELS: Record<string, string> = {
  CREATION_SCHEDULED: 'Creation Scheduled',
  CREATING: 'Creating',
  UPDATE_SCHEDULED: 'Update Scheduled',
  UPDATING: 'Updating',
  DELETION_SCHEDULED: 'Deletion Scheduled',
  DELETING: 'Deleting',
  OK: 'OK',
  ERRED: 'Erred',
};

/** A state as this server spells it: today's label, or the old one. */
export function spellState(state: string, legacy: boolean | undefined): string {
  return legacy ? (LEGACY_STATE_LABELS[state] ?? state) : state;
}
