// Waldur renamed its resource states in 2025 (contract-lifecycle E7): servers before that spell
// `state` as display labels ("Erred", "Update Scheduled") in answers *and* in the `state` filter,
// current ones as the CoreStates enum ("ERRED", "UPDATE_SCHEDULED"). The console speaks the enum
// everywhere; the HTTP client translates the filter for an old server. It learns which server it
// talks to from the states in the answers it reads, or from the 400 a filter in the wrong spelling
// gets ("Select a valid choice. ERRED is not one of the available choices.").

export type StateSpelling = 'current' | 'legacy';

/** `StateMixin.States.CHOICES` before 2025, by today's name. */
export const LEGACY_STATE_LABELS: Readonly<Record<string, string>> = {
  CREATION_SCHEDULED: 'Creation Scheduled',
  CREATING: 'Creating',
  UPDATE_SCHEDULED: 'Update Scheduled',
  UPDATING: 'Updating',
  DELETION_SCHEDULED: 'Deletion Scheduled',
  DELETING: 'Deleting',
  OK: 'OK',
  ERRED: 'Erred',
};

const CURRENT_STATES = new Set(Object.keys(LEGACY_STATE_LABELS));
const CURRENT_BY_LEGACY = new Map(
  Object.entries(LEGACY_STATE_LABELS).map(([current, legacy]) => [legacy, current]),
);

/** A state in the given spelling; values neither spelling knows pass through. */
export function spellState(state: string, spelling: StateSpelling): string {
  if (spelling === 'legacy') return LEGACY_STATE_LABELS[state] ?? state;
  return CURRENT_BY_LEGACY.get(state) ?? state;
}

/** Which spelling a state value gives away, if any ("OK" is the same in both). */
export function spellingOf(state: unknown): StateSpelling | null {
  if (state === 'OK') return null;
  if (CURRENT_STATES.has(state as string)) return 'current';
  if (CURRENT_BY_LEGACY.has(state as string)) return 'legacy';
  return null;
}

/** The spelling the `state` values of a list or object answer give away, if any. */
export function spellingOfBody(body: unknown): StateSpelling | null {
  const items = Array.isArray(body) ? body : [body];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const found = spellingOf((item as { state?: unknown }).state);
    if (found) return found;
  }
  return null;
}

/**
 * Whether a 400 answer rejects the `state` filter's values as unknown choices. Django words it in
 * the language the console asks for ("Select a valid choice. ERRED is not one of the available
 * choices.", "Sélectionnez un choix valide. ERRED n’en fait pas partie."), but always names the value:
 * so a `state` error naming one of the values sent is that refusal, in any language.
 */
export function rejectsStateChoice(body: unknown, sent: readonly string[]): boolean {
  const messages = (body as { state?: unknown } | null | undefined)?.state;
  return (
    Array.isArray(messages) &&
    messages.some((m) => typeof m === 'string' && sent.some((value) => m.includes(value)))
  );
}
