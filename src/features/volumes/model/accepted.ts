// When a request that changes something gets no readable answer (a lost connection, or a proxy
// that strips the CORS headers from Waldur's 202s: contract-lifecycle E1), it may or may not have
// reached Waldur. Waldur saves what an accepted action changes while answering it, so re-reading the
// volume tells: these rules say whether the volume as it is now shows the request.
import { uuidFromUrl } from '@/lib/uuid';
import type { Volume } from './schemas';
import { isInProgress } from './states';

/** What was asked of the volume, as far as the answer can be checked. */
export type CheckableRequest =
  | { action: 'edit'; body: { name?: string; description?: string; bootable?: boolean } }
  | { action: 'attach'; body: { instance: string } }
  | { action: 'detach' }
  | { action: 'extend'; body: { disk_size: number } }
  | { action: 'retype'; body: { type: string } }
  | { action: 'pull' }
  | { action: 'unlink' }
  | { action: 'set_ok' }
  | { action: 'set_erred'; body: { error_message: string } }
  | { action: 'snapshot' }
  | { action: 'delete' };

const ACTION_NAMES: Record<string, string> = {
  detach: 'Detach',
  pull: 'Pull',
};

/**
 * Whether `now` (the volume re-read after the lost answer; null when it is gone) shows `request`.
 * A snapshot is checked by looking for the snapshot instead (see api/volume-actions).
 */
export function volumeShowsRequest(now: Volume | null, request: CheckableRequest): boolean {
  if (request.action === 'unlink' || (request.action === 'delete' && now === null))
    return now === null;
  if (!now) return false;
  switch (request.action) {
    case 'edit':
      // The PATCH sends only changed fields, so equal values mean Waldur saved them.
      return Object.entries(request.body).every(
        ([field, value]) => (now as Record<string, unknown>)[field] === value,
      );
    case 'attach':
      // The serializer saves the instance while answering (contract §3.2).
      return uuidFromUrl(now.instance) === uuidFromUrl(request.body.instance);
    case 'extend':
      return now.size === request.body.disk_size;
    case 'retype':
      return uuidFromUrl(now.type) === uuidFromUrl(request.body.type);
    case 'detach':
    case 'pull':
      // `pre_apply` sets the state and the action at once; a leftover action does not count.
      return isInProgress(now) && now.action === ACTION_NAMES[request.action];
    case 'set_ok':
      return now.state === 'OK';
    case 'set_erred':
      return now.state === 'ERRED' && now.error_message === request.body.error_message;
    case 'snapshot':
      return false;
    case 'delete':
      // Terminate makes an order at once; the volume shows it once Celery picked it up.
      return (
        now.state === 'DELETION_SCHEDULED' ||
        now.state === 'DELETING' ||
        now.marketplace_resource_state === 'Terminating'
      );
  }
}

/** A lost answer is checked at once, then again on the live refresh's schedule for a while. */
export const CHECK_DELAYS_MS = [0, 2_000, 4_000, 8_000];
