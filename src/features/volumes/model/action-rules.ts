// Which volume actions are possible, exactly as Waldur decides (../shared/design/product.md, Action
// rules): the permission check first (403), then each action's validators in the backend's order
// (409). A disallowed action stays visible with the first reason the backend would give, worded as
// what to do about it. Staff-only actions are hidden from everyone else.
import { type CurrentUser, canManage } from '@/lib/current-user';
import { msg, t } from '@/lib/i18n';
import type { Instance, Volume } from './schemas';
import {
  activityLabel,
  isInProgress,
  isSettledState,
  normalizeState,
  runtimeStateLabel,
  stateLabel,
} from './states';

export const ACTIONS = [
  'edit',
  'attach',
  'detach',
  'extend',
  'retype',
  'snapshot',
  'pull',
  'delete',
  'unlink',
  'set_ok',
  'set_erred',
] as const;
export type ActionId = (typeof ACTIONS)[number];

/** Each action's button label (translated where shown: `actionAvailability` gives it translated). */
export const ACTION_LABELS: Record<ActionId, string> = {
  edit: msg('Edit'),
  attach: msg('Attach'),
  detach: msg('Detach'),
  extend: msg('Extend'),
  retype: msg('Retype'),
  snapshot: msg('Create snapshot'),
  pull: msg('Pull'),
  delete: msg('Delete'),
  unlink: msg('Unlink'),
  set_ok: msg('Mark as OK'),
  set_erred: msg('Mark as erred'),
};

/** The actions only staff may run (`*_permissions = [is_staff]`); hidden from everyone else. */
export const STAFF_ACTIONS: readonly ActionId[] = ['unlink', 'set_ok', 'set_erred'];

/**
 * Whether the action asks for more before it runs, which its label says with an ellipsis ("Extend…"):
 * pull runs at once and detach only confirms.
 */
export function asksForInput(id: ActionId) {
  return id !== 'pull' && id !== 'detach';
}

export interface Availability {
  id: ActionId;
  /** The button's label, in the reader's language. */
  label: string;
  visible: boolean;
  enabled: boolean;
  /** Why it is disabled and what to do about it, in the reader's language. */
  reason?: string;
}

/** The attached instance as far as it is known: `undefined` while loading. */
export interface RuleContext {
  user: CurrentUser | undefined;
  instance?: Instance | null;
  instanceLoading?: boolean;
  /** How many snapshots the volume has, when known (the detail page knows; a list row does not). */
  snapshotCount?: number;
}

/** The Cinder statuses in which Waldur deletes a volume (`RuntimeStateValidator` of destroy). */
export const DELETABLE_RUNTIME_STATES = [
  'available',
  'error',
  'error_restoring',
  'error_extending',
  '',
];

/**
 * Delete is a marketplace termination (contract-lifecycle §3.2), checked in its order: the
 * marketplace resource must exist and be OK or Erred; then the volume's own rules (an ERRED
 * volume skips the state and runtime checks); then its snapshots.
 */
function deleteReason(volume: Volume, context: RuleContext): Check {
  if (!volume.marketplace_resource_uuid) {
    return context.user?.is_staff
      ? t(
          'It has no marketplace resource (it was imported or restored outside an order), so Waldur cannot delete it. Unlink it instead to remove the record.',
        )
      : t(
          'It has no marketplace resource (it was imported), so Waldur cannot delete it. Ask support to remove it.',
        );
  }
  const resourceState = volume.marketplace_resource_state;
  if (resourceState && resourceState !== 'OK' && resourceState !== 'Erred') {
    return resourceState === 'Terminating' || resourceState === 'Terminated'
      ? t('It is being deleted already.')
      : // "Creating" and "Updating" are the core states' names too; anything else, as it comes.
        t('Its marketplace resource is {state}; wait until it is OK.', {
          state: stateLabel(normalizeState(resourceState)),
        });
  }
  if (volume.state !== 'ERRED') {
    if (volume.state !== 'OK') return requireOk(volume);
    if (volume.runtime_state === 'in-use') return attachedReason(volume);
    if (!DELETABLE_RUNTIME_STATES.includes(volume.runtime_state ?? ''))
      return t(
        'Possible only when OpenStack reports it available or in error; it reports “{runtimeState}”.',
        { runtimeState: runtimeStateLabel(volume.runtime_state) },
      );
  }
  const snapshots = context.snapshotCount ?? 0;
  if (snapshots > 0) {
    return t(
      '{count, plural, one {It has a snapshot. Delete it first: Waldur keeps a volume that has snapshots.} other {It has # snapshots. Delete them first: Waldur keeps a volume that has snapshots.}}',
      { count: snapshots },
    );
  }
  return null;
}

type Check = string | null;

function requireOk(volume: Volume): Check {
  if (volume.state === 'OK') return null;
  if (volume.state === 'ERRED')
    return t('The volume is erred. Pull it to re-sync with OpenStack, then try again.');
  if (isInProgress(volume)) return waitReason(volume);
  return t('Possible only when the volume is OK; it is {state}.', {
    state: stateLabel(volume.state),
  });
}

/** "Extending is in progress. Wait until it finishes." */
function waitReason(volume: Volume): string {
  return t('{activity} is in progress. Wait until it finishes.', {
    activity: activityLabel(volume),
  });
}

/** "It is attached to web-01. Detach it first." */
function attachedReason(volume: Volume): string {
  return volume.instance_name
    ? t('It is attached to {instance}. Detach it first.', { instance: volume.instance_name })
    : t('It is attached to an instance. Detach it first.');
}

function requireAvailable(volume: Volume): Check {
  if (volume.runtime_state === 'available') return null;
  if (volume.runtime_state === 'in-use') return attachedReason(volume);
  return t('Possible only when the volume is available; OpenStack reports “{runtimeState}”.', {
    runtimeState: runtimeStateLabel(volume.runtime_state),
  });
}

function first(...checks: (() => Check)[]): Check {
  for (const check of checks) {
    const reason = check();
    if (reason) return reason;
  }
  return null;
}

export function actionAvailability(volume: Volume, context: RuleContext): Availability[] {
  const permission = canManage(context.user, volume);
  const denied = (): Check => (permission.allowed ? null : permission.reason);
  const instanceName = volume.instance_name;

  const reasons: Record<ActionId, Check> = {
    edit: first(denied, () => requireOk(volume)),
    attach: first(
      denied,
      () => requireAvailable(volume),
      () => requireOk(volume),
    ),
    detach: first(
      denied,
      () => {
        if (!volume.bootable) return null;
        return instanceName
          ? t(
              'It is a boot volume of {instance}. Boot volumes can’t be detached; clear “Bootable” (Edit) first if it only holds data.',
              { instance: instanceName },
            )
          : t(
              'It is a boot volume. Boot volumes can’t be detached; clear “Bootable” (Edit) first if it only holds data.',
            );
      },
      () => (volume.instance ? null : t('The volume is not attached to an instance.')),
      () =>
        volume.runtime_state === 'in-use'
          ? null
          : t('Possible only when the volume is in use; OpenStack reports “{runtimeState}”.', {
              runtimeState: runtimeStateLabel(volume.runtime_state),
            }),
      () => requireOk(volume),
    ),
    extend: first(
      denied,
      () =>
        volume.bootable
          ? t(
              'Boot volumes can’t be extended here. Clear “Bootable” (Edit) first if it only holds data.',
            )
          : null,
      () => {
        if (!volume.instance) return null;
        if (context.instanceLoading)
          return instanceName
            ? t('Checking {instance}…', { instance: instanceName })
            : t('Checking the instance…');
        const instance = context.instance;
        if (!instance) return null; // unknown (not visible, failed to load): let the backend decide
        const name = instance.name ?? instanceName;
        if (instance.state !== 'OK') {
          const state = stateLabel(instance.state);
          return name
            ? t('{instance} is {state}; it must be OK before an attached volume can be extended.', {
                instance: name,
                state,
              })
            : t(
                'The instance is {state}; it must be OK before an attached volume can be extended.',
                { state },
              );
        }
        if (instance.runtime_state !== 'SHUTOFF') {
          // Nova's status ("ACTIVE") as it comes: Waldur's value, not a word of the console.
          const status = instance.runtime_state;
          if (name)
            return status
              ? t(
                  'Stop instance {instance} first (it is {status}). Attached volumes are extended only while their instance is shut off.',
                  { instance: name, status },
                )
              : t(
                  'Stop instance {instance} first (it is running). Attached volumes are extended only while their instance is shut off.',
                  { instance: name },
                );
          return status
            ? t(
                'Stop the instance first (it is {status}). Attached volumes are extended only while their instance is shut off.',
                { status },
              )
            : t(
                'Stop the instance first (it is running). Attached volumes are extended only while their instance is shut off.',
              );
        }
        return null;
      },
      () => requireOk(volume),
    ),
    retype: first(
      denied,
      () => {
        if (volume.runtime_state !== 'in-use') return requireAvailable(volume);
        return instanceName
          ? t('Only detached volumes can be retyped. Detach it from {instance} first.', {
              instance: instanceName,
            })
          : t('Only detached volumes can be retyped. Detach it from the instance first.');
      },
      () => requireOk(volume),
    ),
    // The backend does not check the state before a snapshot; like HomePort, the console asks for OK.
    snapshot: first(denied, () => requireOk(volume)),
    pull: first(
      denied,
      () => (isSettledState(volume.state) ? null : waitReason(volume)),
      () =>
        volume.backend_id
          ? null
          : t('The volume has no backend ID yet, so there is nothing in OpenStack to pull from.'),
    ),
    delete: first(denied, () => deleteReason(volume, context)),
    unlink: null,
    // Waldur lets staff mark a volume in any state (its FSM transitions have `source="*"`).
    set_ok: volume.state === 'OK' ? t('The volume is OK already.') : null,
    set_erred: null,
  };

  return ACTIONS.map((id) => ({
    id,
    label: t(ACTION_LABELS[id]),
    visible: STAFF_ACTIONS.includes(id) ? context.user?.is_staff === true : true,
    enabled: reasons[id] === null,
    reason: reasons[id] ?? undefined,
  }));
}
