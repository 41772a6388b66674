// What a resource's `state`, `runtime_state` and `action` mean to a person, and which of them are
// "in progress". Unknown values (a newer Waldur, a Cinder status we have not seen) are shown as they
// come and count as in progress, so the console keeps watching rather than declaring them settled.
import { msg, t } from '@/lib/i18n';

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

/** Each state's name for people (translated where shown: `stateLabel`). */
const STATE_LABELS: Record<CoreState, string> = {
  CREATION_SCHEDULED: msg('Creation scheduled'),
  CREATING: msg('Creating'),
  UPDATE_SCHEDULED: msg('Update scheduled'),
  UPDATING: msg('Updating'),
  DELETION_SCHEDULED: msg('Deletion scheduled'),
  DELETING: msg('Deleting'),
  OK: msg('OK'),
  ERRED: msg('Erred'),
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

/** Cinder's statuses for people; one the console does not know is shown as Cinder spells it. */
const RUNTIME_LABELS: Record<string, string> = {
  available: msg('Available'),
  'in-use': msg('In use'),
  creating: msg('Creating'),
  attaching: msg('Attaching'),
  detaching: msg('Detaching'),
  extending: msg('Extending'),
  retyping: msg('Retyping'),
  reserved: msg('Reserved'),
  maintenance: msg('Maintenance'),
  deleting: msg('Deleting'),
  'backing-up': msg('Backing up'),
  'restoring-backup': msg('Restoring backup'),
  downloading: msg('Downloading'),
  uploading: msg('Uploading'),
  'awaiting-transfer': msg('Awaiting transfer'),
  error: msg('Error'),
  error_extending: msg('Error extending'),
  error_deleting: msg('Error deleting'),
  'error_backing-up': msg('Error backing up'),
  error_restoring: msg('Error restoring'),
};

/** What a resource is doing while its `action` runs ("Extending"). */
const ACTION_VERBS: Record<string, string> = {
  Attach: msg('Attaching'),
  Detach: msg('Detaching'),
  Extend: msg('Extending'),
  Retype: msg('Retyping'),
  Pull: msg('Pulling'),
  Create: msg('Creating'),
  Delete: msg('Deleting'),
  Update: msg('Updating'),
};

export function stateLabel(state: string | null | undefined): string {
  if (!state) return t('Unknown');
  const label = STATE_LABELS[state as CoreState];
  return label ? t(label) : state;
}

export function runtimeStateLabel(runtime: string | null | undefined): string {
  if (runtime === undefined || runtime === null) return '—';
  if (runtime === '') return t('Not created');
  const label = RUNTIME_LABELS[runtime];
  if (label) return t(label);
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
  if (resource.action && isInProgress(resource)) {
    const verb = ACTION_VERBS[resource.action];
    return verb ? t(verb) : t('{action} in progress', { action: resource.action });
  }
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
