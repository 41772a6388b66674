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
