// Failure injection: operations that Waldur accepts and that then end ERRED with a message, as when
// OpenStack fails. Off by default; tests and the demo's account menu turn it on.
import type { Db } from './db';

const DEFAULT_FAILURES: Record<string, string> = {
  attach:
    'Unable to attach volume: Nova reported "Invalid volume: volume is in reserved state" (HTTP 400) (Request-ID: req-0d5a9c9e-4e0b-4f7b-9bd5-2d7c0c1b7a11)',
  detach: 'Unable to detach volume: the instance did not release the device within 300 seconds.',
  extend:
    'Invalid input received: Extend volume failed: not enough free space on ceph@rbd#rbd (HTTP 400) (Request-ID: req-5c1e4f3b-8a7d-4c2e-9f10-6b3a2d1c0e99)',
  retype: 'Retype volume failed: no valid host was found for the new volume type (HTTP 400)',
  pull: 'Unable to pull volume: Cinder returned 503 Service Unavailable',
  update: 'Unable to update volume in Cinder: Read timed out. (read timeout=60)',
  snapshot: 'Snapshot creation failed: backend reported error status',
};

/** The message the next `operation` on this volume fails with, if a rule says it fails. */
export function takeFailure(db: Db, operation: string, volumeUuid: string): string | undefined {
  const index = db.failures.findIndex(
    (rule) =>
      (rule.operation === operation || rule.operation === '*') &&
      (!rule.volume_uuid || rule.volume_uuid === volumeUuid),
  );
  if (index === -1) return undefined;
  const rule = db.failures[index]!;
  if (rule.remaining !== undefined) {
    rule.remaining -= 1;
    if (rule.remaining <= 0) db.failures.splice(index, 1);
  }
  return rule.message ?? DEFAULT_FAILURES[operation] ?? 'Operation failed in the backend.';
}
