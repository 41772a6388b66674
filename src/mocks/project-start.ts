// A project that starts in the future (contract-lifecycle §2.6 step 2, §8): its orders wait in
// `pending-project` until its start date, as Waldur's marketplace does (2024 snapshot of
// waldur-mastermind, src/waldur_mastermind/marketplace/):
// - `handlers.py` `notify_approvers_when_order_is_created`: once consumer review is skipped, an
//   order of a project whose `start_date > now().date()` goes `pending-project` (and is not
//   processed); `views.py` `approve_by_consumer` does the same after an approver's review;
// - `tasks.py` `process_pending_project_orders`, which Celery beat runs every 2 hours
//   (`extension.py`), moves the orders of projects with `start_date <= now` through
//   `pending-provider` (skipped for volumes) to `executing` and processes them;
// - `handlers.py` `process_invitations_and_orders_when_project_start_date_is_unset` does the same
//   at once when the start date is cleared.
import { orderApproved } from './callbacks';
import { isoMicro } from './clock';
import type { Db, OrderRecord, ProjectRecord } from './db';
import type { EventSource } from './history';
import { DAY, FUTURE_PROJECT, HOUR, PROJECTS } from './seed/catalogue';

/** How far ahead the demo moves the project's start when the switch is turned on. */
export const FUTURE_START_DAYS = 30;

/** Celery beat's period for `process_pending_project_orders`; the demo runs it on even hours. */
const BEAT_MS = 2 * HOUR;

/** A `DateField` as DRF writes it: `2026-12-20` (UTC). */
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The project the deployment switch `futureProjectStart` moves (found by its seeded name). */
export const FUTURE_PROJECT_NAME = PROJECTS[FUTURE_PROJECT]![1];

export function futureProject(db: Db): ProjectRecord | undefined {
  return db.projects.find((p) => p.name === FUTURE_PROJECT_NAME);
}

/** `project.start_date > now().date()`: the project has not started yet at `at`. */
export function startsLater(db: Db, projectUuid: string, at: number): boolean {
  const start = db.projects.find((p) => p.uuid === projectUuid)?.start_date;
  return !!start && start > isoDate(at);
}

/** The first beat at or after the project's start (midnight UTC of its start date). */
export function releaseTime(db: Db, projectUuid: string, at: number): number {
  const start = db.projects.find((p) => p.uuid === projectUuid)?.start_date;
  const from = start ? Math.max(Date.parse(`${start}T00:00:00Z`), at) : at;
  return Math.ceil(from / BEAT_MS) * BEAT_MS;
}

/**
 * Queues the beat's run that releases a `pending-project` order: the first after its project's
 * start. The start date is a date on the demo's clock, so the wait is not scaled by the demo
 * speed; and it is later than `from`, always, so a run never queues itself for its own moment.
 */
export function queueRelease(db: Db, order: OrderRecord, from: number) {
  db.jobs.push({
    id: db.next_job_id++,
    at: Math.max(releaseTime(db, order.project_uuid, from), from + 1),
    step: 'order:release',
    target: order.uuid,
    operation: order.type === 'Create' ? 'create' : 'delete',
  });
}

/** The start date the switch sets: `FUTURE_START_DAYS` after `at`. */
export const futureStartDate = (at: number) => isoDate(at + FUTURE_START_DAYS * DAY);

/**
 * The order leaves `pending-project`: `pending-provider`, then at once `executing` (provider review
 * is skipped for volumes); the change to `executing` logs `marketplace_order_approved`
 * (`log_order_events`). Processing is queued by the caller.
 */
export function startOrder(db: Db, source: EventSource, order: OrderRecord) {
  order.state = 'executing';
  order.modified = isoMicro(source.at);
  orderApproved(db, source, order);
}
