// Which snapshot actions are possible, as Waldur decides (contract-lifecycle §4): the permission
// check first (`is_administrator`, 403), then the state (409). A disallowed action stays visible with
// the reason, worded as what to do about it.
import { type CurrentUser, canManage } from '@/lib/current-user';
import type { Snapshot } from './schemas';
import { isSettledState, stateLabel } from './states';

export const SNAPSHOT_ACTIONS = ['restore', 'edit', 'delete'] as const;
export type SnapshotAction = (typeof SNAPSHOT_ACTIONS)[number];

export const SNAPSHOT_ACTION_LABELS: Record<SnapshotAction, string> = {
  restore: 'Restore to a new volume…',
  edit: 'Edit…',
  delete: 'Delete…',
};

export interface SnapshotAvailability {
  id: SnapshotAction;
  label: string;
  enabled: boolean;
  reason?: string;
}

function requireState(snapshot: Snapshot, allowed: string[]): string | null {
  if (snapshot.state && allowed.includes(snapshot.state)) return null;
  if (!isSettledState(snapshot.state))
    return `The snapshot is ${stateLabel(snapshot.state).toLowerCase()}. Wait until it finishes.`;
  return `Possible only when the snapshot is ${allowed.map(stateLabel).join(' or ')}; it is ${stateLabel(snapshot.state)}.`;
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
    label: SNAPSHOT_ACTION_LABELS[id],
    enabled: reasons[id] === null,
    reason: reasons[id] ?? undefined,
  }));
}
