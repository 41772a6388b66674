// What a resource's `state`, `runtime_state` and `action` mean to a person, and which of them are
// "in progress". Unknown values (a newer Waldur, a Cinder status we have not seen) are shown as they
// come and count as in progress, so the console keeps watching rather than declaring them settled.

/** Waldur's `CoreStates`, in the order of their integer codes' meaning (the filter's order). */
export const CORE_STATES = [
  'CREATION_SCHEDULED',
  'CREATING',
  'UPDATE_SCHEDULED',
  'UPDATING',
  'DELETION_SCHEDULED',
  'DELETING',
  'OK',
  'ERRED',
] as const;
export type CoreState = (typeof CORE_STATES)[number];

/** The states in which an operation is under way: every state but OK and ERRED. */
export const TRANSITIONAL_STATES = CORE_STATES.filter(
  (state): state is Exclude<CoreState, 'OK' | 'ERRED'> => state !== 'OK' && state !== 'ERRED',
);

export const STATE_LABELS: Record<CoreState, string> = {
  CREATION_SCHEDULED: 'Creation scheduled',
  CREATING: 'Creating',
  UPDATE_SCHEDULED: 'Update scheduled',
  UPDATING: 'Updating',
  DELETION_SCHEDULED: 'Deletion scheduled',
  DELETING: 'Deleting',
  OK: 'OK',
  ERRED: 'Erred',
};

/**
 * Waldur before 2025 spelled states as display labels ("Erred", "Update Scheduled"); current Waldur
 * uses the CoreStates enum ("ERRED", "UPDATE_SCHEDULED"). Normalise the old spelling, keep anything else.
 */
export function normalizeState(value: string): string {
  const upper = value.trim().toUpperCase().replaceAll(' ', '_');
  return (CORE_STATES as readonly string[]).includes(upper) ? upper : value;
}

/** OK or ERRED: no operation under way on the resource (its runtime state aside). */
export function isSettledState(state: string | null | undefined): boolean {
  return state === 'OK' || state === 'ERRED';
}

/** The fields these rules read; any resource (volume, snapshot, instance) has them. */
export interface Stateful {
  state?: string | null;
  runtime_state?: string | null;
  action?: string | null;
}

/** Cinder statuses that do not change by themselves ("" is a volume not yet created). */
const SETTLED_RUNTIME_STATES = new Set([
  '',
  'available',
  'in-use',
  'error',
  'error_deleting',
  'error_backing-up',
  'error_restoring',
  'error_extending',
  'deleted',
]);

export const RUNTIME_STATES = [
  'available',
  'in-use',
  'creating',
  'attaching',
  'detaching',
  'extending',
  'retyping',
  'reserved',
  'maintenance',
  'deleting',
  'backing-up',
  'restoring-backup',
  'downloading',
  'uploading',
  'awaiting-transfer',
  'error',
  'error_extending',
  'error_deleting',
  'error_backing-up',
  'error_restoring',
] as const;

const ACTION_VERBS: Record<string, string> = {
  Attach: 'Attaching',
  Detach: 'Detaching',
  Extend: 'Extending',
  Retype: 'Retyping',
  Pull: 'Pulling',
  Create: 'Creating',
  Delete: 'Deleting',
  Update: 'Updating',
};

export function stateLabel(state: string | null | undefined): string {
  if (!state) return 'Unknown';
  return STATE_LABELS[state as CoreState] ?? state;
}

export function runtimeStateLabel(runtime: string | null | undefined): string {
  if (runtime === undefined || runtime === null) return '—';
  if (runtime === '') return 'Not created';
  const text = runtime.replace(/[_-]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * In progress: a state other than OK and ERRED (an unknown one included). Waldur leaves `action`
 * set after a staff "mark as OK/erred" (contract E3), so an OK or ERRED resource with an action is
 * settled all the same; only its support panel shows that action.
 */
export function isInProgress(resource: Stateful): boolean {
  return resource.state !== undefined && resource.state !== null && !isSettledState(resource.state);
}

/**
 * Worth refreshing by itself: in progress, or Cinder reports a transitional status (Waldur may
 * pick up its end at the next pull). Fields the response did not include do not count.
 */
export function needsRefresh(resource: Stateful): boolean {
  return isInProgress(resource) || isRuntimeTransitional(resource.runtime_state);
}

/** "Extending" while an action runs; otherwise the state's label. */
export function activityLabel(resource: Stateful): string {
  if (resource.action && isInProgress(resource))
    return ACTION_VERBS[resource.action] ?? `${resource.action} in progress`;
  return stateLabel(resource.state);
}

export type Tone = 'success' | 'danger' | 'progress' | 'warning' | 'neutral';

export function stateTone(resource: Stateful): Tone {
  if (resource.state === 'ERRED') return 'danger';
  if (resource.state === 'OK') return 'success';
  if (resource.state) return 'progress';
  return 'neutral';
}

export function runtimeTone(runtime: string | null | undefined): Tone {
  if (!runtime) return 'neutral';
  if (runtime.startsWith('error')) return 'danger';
  return SETTLED_RUNTIME_STATES.has(runtime) ? 'neutral' : 'progress';
}

export function isRuntimeTransitional(runtime: string | null | undefined) {
  return runtime !== undefined && runtime !== null && !SETTLED_RUNTIME_STATES.has(runtime);
}
