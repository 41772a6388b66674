// A bulk action's plan, by the same rules as one volume at a time: which of the chosen volumes are
// eligible, and why each of the others is skipped. Nothing is silently dropped.
import type { CurrentUser } from '@/lib/current-user';
import { actionAvailability } from './action-rules';
import type { Volume } from './schemas';

export type BulkAction = 'pull' | 'snapshot' | 'detach' | 'delete';

/** The most volumes one bulk action takes; stated in the dialog when a selection is larger. */
export const BULK_CAP = 1000;

export const BULK_LABELS: Record<BulkAction, { verb: string; title: string; done: string }> = {
  pull: { verb: 'Pull', title: 'Pull volumes', done: 'pulled' },
  snapshot: { verb: 'Snapshot', title: 'Create snapshots', done: 'snapshotted' },
  detach: { verb: 'Detach', title: 'Detach volumes', done: 'detached' },
  delete: { verb: 'Delete', title: 'Delete volumes', done: 'deleted' },
};

/** The bulk actions, in the order the selection bar and the palette offer them. */
export const BULK_ACTIONS: { id: BulkAction; label: string }[] = [
  { id: 'pull', label: 'Pull' },
  { id: 'snapshot', label: 'Create snapshots' },
  { id: 'detach', label: 'Detach' },
  { id: 'delete', label: 'Delete' },
];

/** A bulk delete is confirmed by typing how many volumes go: "delete 3". */
export const bulkDeleteConfirmation = (count: number) => `delete ${count}`;

export interface BulkPlan {
  eligible: Volume[];
  skipped: { volume: Volume; reason: string }[];
}

export function planBulk(
  volumes: readonly Volume[],
  action: BulkAction,
  user: CurrentUser | undefined,
): BulkPlan {
  const plan: BulkPlan = { eligible: [], skipped: [] };
  for (const volume of volumes) {
    const availability = actionAvailability(volume, { user, instance: null }).find(
      (a) => a.id === action,
    )!;
    if (availability.enabled) plan.eligible.push(volume);
    else plan.skipped.push({ volume, reason: availability.reason ?? 'Not possible now.' });
  }
  return plan;
}

export type OutcomeStatus = 'queued' | 'running' | 'scheduled' | 'failed' | 'unknown' | 'cancelled';

export interface Outcome {
  status: OutcomeStatus;
  message?: string;
}

/** What a volume's row says once the run has started. */
export function outcomeText(outcome: Outcome): string {
  switch (outcome.status) {
    case 'scheduled':
      return 'Scheduled';
    case 'failed':
      return `Failed: ${outcome.message}`;
    case 'unknown':
      return 'No answer came back, and Waldur does not show it: unknown whether it was received';
    case 'running':
      return 'Sending…';
    case 'cancelled':
      return 'Not started (stopped)';
    case 'queued':
      return 'Waiting';
  }
}
