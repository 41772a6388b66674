// Which snapshot actions are possible, as Waldur decides (contract-lifecycle §4): the permission
// check first (`is_administrator`, 403), then the state (409). A disallowed action stays visible with
// the reason, worded as what to do about it.
import { type CurrentUser, canManage } from '@/lib/current-user';
import { msg, t } from '@/lib/i18n';
import type { Snapshot } from './schemas';
import { isSettledState, stateLabel } from './states';

export const SNAPSHOT_ACTIONS = ['restore', 'edit', 'delete'] as const;
export type SnapshotAction = (typeof SNAPSHOT_ACTIONS)[number];

/** Each action's button label (translated where shown: `snapshotAvailability` gives it translated). */
export const SNAPSHOT_ACTION_LABELS: Record<SnapshotAction, string> = {
  restore: msg('Restore to a new volume…'),
  edit: msg('Edit…'),
  delete: msg('Delete…'),
};

export interface SnapshotAvailability {
  id: SnapshotAction;
  /** The button's label, in the reader's language. */
  label: string;
  enabled: boolean;
  /** Why it is disabled and what to do about it, in the reader's language. */
  reason?: string;
}

/** The states an action needs: OK, or OK and ERRED. */
type Allowed = readonly [string] | readonly [string, string];

function requireState(snapshot: Snapshot, allowed: Allowed): string | null {
  if (snapshot.state && allowed.includes(snapshot.state)) return null;
  if (!isSettledState(snapshot.state))
    return t(
      '{state, select, CREATION_SCHEDULED {The snapshot’s creation is scheduled. Wait until it finishes.} CREATING {The snapshot is creating. Wait until it finishes.} UPDATE_SCHEDULED {The snapshot’s update is scheduled. Wait until it finishes.} UPDATING {The snapshot is updating. Wait until it finishes.} DELETION_SCHEDULED {The snapshot’s deletion is scheduled. Wait until it finishes.} DELETING {The snapshot is deleting. Wait until it finishes.} other {The snapshot’s state is {label}. Wait until it finishes.}}',
      { state: snapshot.state, label: stateLabel(snapshot.state) },
    );
  const state = stateLabel(snapshot.state);
  return allowed.length === 1
    ? t('Possible only when the snapshot is {allowed}; it is {state}.', {
        allowed: stateLabel(allowed[0]),
        state,
      })
    : t('Possible only when the snapshot is {allowed} or {other}; it is {state}.', {
        allowed: stateLabel(allowed[0]),
        other: stateLabel(allowed[1]),
        state,
      });
}

export function snapshotAvailability(
  snapshot: Snapshot,
  user: CurrentUser | undefined,
): SnapshotAvailability[] {
  const permission = canManage(user, snapshot);
  const reasons: Record<SnapshotAction, string | null> = {
    restore: permission.allowed ? requireState(snapshot, ['OK']) : permission.reason,
    edit: permission.allowed ? requireState(snapshot, ['OK']) : permission.reason,
    delete: permission.allowed ? requireState(snapshot, ['OK', 'ERRED']) : permission.reason,
  };
  return SNAPSHOT_ACTIONS.map((id) => ({
    id,
    label: t(SNAPSHOT_ACTION_LABELS[id]),
    enabled: reasons[id] === null,
    reason: reasons[id] ?? undefined,
  }));
}
