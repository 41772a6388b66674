import type { Volume } from '../api/schemas';

/**
 * What a volume's `state`, `runtime_state` and `action` mean to a person, and which of them are
 * "in progress". Unknown values (a newer Waldur, a Cinder status we have not seen) are shown as they
 * come and count as in progress, so the console keeps watching rather than declaring them settled.
 */
export const STATE_LABELS: Record<string, string> = {
  CREATION_SCHEDULED: 'Creation scheduled',
  CREATING: 'Creating',
  UPDATE_SCHEDULED: 'Update scheduled',
  UPDATING: 'Updating',
  DELETION_SCHEDULED: 'Deletion scheduled',
  DELETING: 'Deleting',
  OK: 'OK',
  ERRED: 'Erred',
};

const SETTLED_STATES = new Set(['OK', 'ERRED']);

/** OK or ERRED: no operation under way on the resource (its runtime state aside). */
export function isSettledState(state: string | null | undefined): boolean {
  return state !== undefined && state !== null && SETTLED_STATES.has(state);
}
export const TRANSITIONAL_STATES = [
  'CREATION_SCHEDULED',
  'CREATING',
  'UPDATE_SCHEDULED',
  'UPDATING',
  'DELETION_SCHEDULED',
  'DELETING',
] as const;

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
  return STATE_LABELS[state] ?? state;
}

export function runtimeStateLabel(runtime: string | null | undefined): string {
  if (runtime === undefined || runtime === null) return '—';
  if (runtime === '') return 'Not created';
  if (runtime === 'in-use') return 'In use';
  const text = runtime.replace(/[_-]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Extending" while an action runs; otherwise the state's label. */
export function activityLabel(volume: Pick<Volume, 'state' | 'action'>): string {
  if (volume.action) return ACTION_VERBS[volume.action] ?? `${volume.action} in progress`;
  return stateLabel(volume.state);
}

export type Tone = 'success' | 'danger' | 'progress' | 'warning' | 'neutral';

export function stateTone(volume: Pick<Volume, 'state' | 'action'>): Tone {
  if (volume.state === 'ERRED') return 'danger';
  if (volume.state === 'OK' && !volume.action) return 'success';
  if (volume.state && (STATE_LABELS[volume.state] || volume.action)) return 'progress';
  return 'neutral';
}

export function runtimeTone(runtime: string | null | undefined): Tone {
  if (!runtime) return 'neutral';
  if (runtime.startsWith('error')) return 'danger';
  if (runtime === 'available' || runtime === 'in-use') return 'neutral';
  return SETTLED_RUNTIME_STATES.has(runtime) ? 'neutral' : 'progress';
}

export function isRuntimeTransitional(runtime: string | null | undefined) {
  return runtime !== undefined && runtime !== null && !SETTLED_RUNTIME_STATES.has(runtime);
}

/**
 * In progress: a state other than OK/ERRED (unknown ones included), a transitional Cinder status,
 * or an action set. Fields the response did not include do not count.
 */
export function isTransitional(
  volume: Pick<Volume, 'state' | 'runtime_state' | 'action'>,
): boolean {
  if (volume.state !== undefined && volume.state !== null && !isSettledState(volume.state))
    return true;
  if (isRuntimeTransitional(volume.runtime_state)) return true;
  return Boolean(volume.action);
}
