// A bulk action's plan, by the same rules as one volume at a time: which of the chosen volumes are
// eligible, and why each of the others is skipped. Nothing is silently dropped.
import type { CurrentUser } from '@/lib/current-user';
import { t } from '@/lib/i18n';
import { actionAvailability } from './action-rules';
import type { BulkAction } from './bulk-actions';
import type { Volume } from './schemas';

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
    else plan.skipped.push({ volume, reason: availability.reason ?? t('Not possible now.') });
  }
  return plan;
}

export type OutcomeStatus = 'queued' | 'running' | 'scheduled' | 'failed' | 'unknown' | 'cancelled';

export interface Outcome {
  status: OutcomeStatus;
  message?: string;
}

/** What a volume's row says once the run has started, in the reader's language. */
export function outcomeText(outcome: Outcome): string {
  switch (outcome.status) {
    case 'scheduled':
      return t('Scheduled');
    case 'failed':
      // The message is Waldur's (or the request's) own: data.
      return t('Failed: {message}', { message: outcome.message });
    case 'unknown':
      return t('No answer came back, and Waldur does not show it: unknown whether it was received');
    case 'running':
      return t('Sending…');
    case 'cancelled':
      return t('Not started (stopped)');
    case 'queued':
      return t('Waiting');
  }
}
