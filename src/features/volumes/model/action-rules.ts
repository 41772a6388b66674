// Which volume actions are possible, exactly as Waldur decides (../shared/design/product.md, Action
// rules): the permission check first (403), then each action's validators in the backend's order
// (409). A disallowed action stays visible with the first reason the backend would give, worded as
// what to do about it. Staff-only actions are hidden from everyone else.
import { type CurrentUser, canManage } from '@/lib/current-user';
import type { Instance, Volume } from './schemas';
import {
  activityLabel,
  isInProgress,
  isSettledState,
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

export const ACTION_LABELS: Record<ActionId, string> = {
  edit: 'Edit',
  attach: 'Attach',
  detach: 'Detach',
  extend: 'Extend',
  retype: 'Retype',
  snapshot: 'Create snapshot',
  pull: 'Pull',
  delete: 'Delete',
  unlink: 'Unlink',
  set_ok: 'Mark as OK',
  set_erred: 'Mark as erred',
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
  label: string;
  visible: boolean;
  enabled: boolean;
  /** Why it is disabled and what to do about it. */
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
      ? 'It has no marketplace resource (it was imported or restored outside an order), so Waldur cannot delete it. Unlink it instead to remove the record.'
      : 'It has no marketplace resource (it was imported), so Waldur cannot delete it. Ask support to remove it.';
  }
  const resourceState = volume.marketplace_resource_state;
  if (resourceState && resourceState !== 'OK' && resourceState !== 'Erred') {
    return resourceState === 'Terminating' || resourceState === 'Terminated'
      ? 'It is being deleted already.'
      : `Its marketplace resource is ${resourceState}; wait until it is OK.`;
  }
  if (volume.state !== 'ERRED') {
    if (volume.state !== 'OK') return requireOk(volume);
    if (volume.runtime_state === 'in-use')
      return `It is attached to ${volume.instance_name ?? 'an instance'}. Detach it first.`;
    if (!DELETABLE_RUNTIME_STATES.includes(volume.runtime_state ?? ''))
      return `Possible only when OpenStack reports it available or in error; it reports “${runtimeStateLabel(volume.runtime_state)}”.`;
  }
  const snapshots = context.snapshotCount ?? 0;
  if (snapshots > 0) {
    return `It has ${snapshots === 1 ? 'a snapshot' : `${snapshots} snapshots`}. Delete ${snapshots === 1 ? 'it' : 'them'} first: Waldur keeps a volume that has snapshots.`;
  }
  return null;
}

type Check = string | null;

function requireOk(volume: Volume): Check {
  if (volume.state === 'OK') return null;
  if (volume.state === 'ERRED')
    return 'The volume is erred. Pull it to re-sync with OpenStack, then try again.';
  if (isInProgress(volume))
    return `${activityLabel(volume)} is in progress. Wait until it finishes.`;
  return `Possible only when the volume is OK; it is ${stateLabel(volume.state)}.`;
}

function requireAvailable(volume: Volume): Check {
  if (volume.runtime_state === 'available') return null;
  if (volume.runtime_state === 'in-use') {
    return `It is attached to ${volume.instance_name ?? 'an instance'}. Detach it first.`;
  }
  return `Possible only when the volume is available; OpenStack reports “${runtimeStateLabel(volume.runtime_state)}”.`;
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
  const instanceName = volume.instance_name ?? 'the instance';

  const reasons: Record<ActionId, Check> = {
    edit: first(denied, () => requireOk(volume)),
    attach: first(
      denied,
      () => requireAvailable(volume),
      () => requireOk(volume),
    ),
    detach: first(
      denied,
      () =>
        volume.bootable
          ? `It is a boot volume${volume.instance_name ? ` of ${volume.instance_name}` : ''}. Boot volumes can’t be detached; clear “Bootable” (Edit) first if it only holds data.`
          : null,
      () => (volume.instance ? null : 'The volume is not attached to an instance.'),
      () =>
        volume.runtime_state === 'in-use'
          ? null
          : `Possible only when the volume is in use; OpenStack reports “${runtimeStateLabel(volume.runtime_state)}”.`,
      () => requireOk(volume),
    ),
    extend: first(
      denied,
      () =>
        volume.bootable
          ? 'Boot volumes can’t be extended here. Clear “Bootable” (Edit) first if it only holds data.'
          : null,
      () => {
        if (!volume.instance) return null;
        if (context.instanceLoading) return `Checking ${instanceName}…`;
        const instance = context.instance;
        if (!instance) return null; // unknown (not visible, failed to load): let the backend decide
        if (instance.state !== 'OK') {
          return `${instance.name ?? instanceName} is ${stateLabel(instance.state)}; it must be OK before an attached volume can be extended.`;
        }
        if (instance.runtime_state !== 'SHUTOFF') {
          return `Stop instance ${instance.name ?? instanceName} first (it is ${instance.runtime_state ?? 'running'}). Attached volumes are extended only while their instance is shut off.`;
        }
        return null;
      },
      () => requireOk(volume),
    ),
    retype: first(
      denied,
      () =>
        volume.runtime_state === 'in-use'
          ? `Only detached volumes can be retyped. Detach it from ${instanceName} first.`
          : requireAvailable(volume),
      () => requireOk(volume),
    ),
    // The backend does not check the state before a snapshot; like HomePort, the console asks for OK.
    snapshot: first(denied, () => requireOk(volume)),
    pull: first(
      denied,
      () =>
        isSettledState(volume.state)
          ? null
          : `${activityLabel(volume)} is in progress. Wait until it finishes.`,
      () =>
        volume.backend_id
          ? null
          : 'The volume has no backend ID yet, so there is nothing in OpenStack to pull from.',
    ),
    delete: first(denied, () => deleteReason(volume, context)),
    unlink: null,
    // Waldur lets staff mark a volume in any state (its FSM transitions have `source="*"`).
    set_ok: volume.state === 'OK' ? 'The volume is OK already.' : null,
    set_erred: null,
  };

  return ACTIONS.map((id) => ({
    id,
    label: ACTION_LABELS[id],
    visible: STAFF_ACTIONS.includes(id) ? context.user?.is_staff === true : true,
    enabled: reasons[id] === null,
    reason: reasons[id] ?? undefined,
  }));
}
