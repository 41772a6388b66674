// The demo's Celery: what Waldur's executors do after a request was accepted, stored as timestamped
// steps in the database and applied lazily (`runDue`) when a request arrives or the clock is moved.
// No timers, so tests move time at will and a reloaded tab picks up where it left off.
//
// The timeline copies Waldur's executors (contract.md §3.3, contract-lifecycle.md §2.7, §3.3):
// the first task runs 2 s after the request (`countdown=2`) and moves the resource to UPDATING /
// CREATING / DELETING; then `PollRuntimeStateTask` reads Cinder at once and every 5 s (10 s later
// for retype and snapshots, 30 s later for a new volume), and the resource settles at the first
// read after Cinder is done. A backend call that fails ends it ERRED at its first task, with the
// runtime state left at what Cinder last reported. `timeScale` shrinks every delay (the demo's
// "fast" speed).
import type { DemoDeployment } from '@/lib/demo-controls';
import { isoMicro } from './clock';
import type {
  Db,
  InstanceRecord,
  Job,
  OrderRecord,
  SnapshotRecord,
  UserRecord,
  VolumeRecord,
} from './db';
import { takeFailure } from './failures';
import { type EventSource, volumeActionEnded, volumeActionScheduled } from './history';
import {
  beginLifecycle,
  failLifecycle,
  finishCreation,
  processOrder,
  queueOrder,
  queueVolumeWalk,
  removeVolume,
} from './lifecycle';
import { queueRelease, startOrder, startsLater } from './project-start';
import { applyToInstance, applyToSnapshot, traceback } from './resource-steps';

export const TIMING = {
  /** `countdown=2`: from the request to the first task. */
  firstTaskMs: 2_000,
  /** `PollRuntimeStateTask`'s `default_retry_delay`. */
  pollEveryMs: 5_000,
  /** `.set(countdown=10)` on the poll of retype and of snapshot creation. */
  slowPollStartMs: 10_000,
  /** The first poll of a volume being created. */
  createPollStartMs: 30_000,
} as const;

/** How long the demo's Cinder (or Nova) takes once asked; Waldur sees it at its next poll. */
const BACKEND_WORK_MS: Record<string, number> = {
  attach: 3_000,
  detach: 3_000,
  extend: 4_000,
  retype: 6_000,
  pull: 1_000,
  update: 1_000,
  snapshot: 6_000,
  create: 8_000,
  delete: 3_000,
};

/** What Cinder reports while each operation runs. */
const RUNTIME_WHILE: Record<string, string> = {
  attach: 'attaching',
  detach: 'detaching',
  extend: 'extending',
  retype: 'retyping',
};

const POLL_START_MS: Record<string, number> = {
  retype: TIMING.slowPollStartMs,
  snapshot: TIMING.slowPollStartMs,
  create: TIMING.createPollStartMs,
};

/** Operations that do not poll: their success task runs as soon as the backend call returns. */
const NO_POLL = new Set(['update', 'pull']);

/**
 * How long after the first task Waldur records the end of `operation`: when the backend call
 * returns for those that do not poll, else at the first poll after Cinder is done.
 */
export function settleAfterMs(operation: string): number {
  const work = BACKEND_WORK_MS[operation] ?? 3_000;
  if (NO_POLL.has(operation)) return work;
  const start = POLL_START_MS[operation] ?? 0;
  if (work <= start) return start;
  return start + Math.ceil((work - start) / TIMING.pollEveryMs) * TIMING.pollEveryMs;
}

/** What the queue needs from the backend that owns it. */
export interface TaskHost {
  db(): Db;
  now(): number;
  changed(): void;
  /** 1 like Waldur; less makes the demo faster. */
  timeScale(): number;
  /** The user of the request being handled, if any (Celery's own steps have none). */
  actor(): UserRecord | null;
  /** The Waldur release the demo plays (what a processor checks depends on it). */
  version(): DemoDeployment['version'];
}

/** create, restore and delete: the walks of ./lifecycle. */
const LIFECYCLE = new Set(['create', 'restore', 'delete']);

export type Step = Job['step'];

export class Tasks {
  constructor(private readonly host: TaskHost) {}

  private get db() {
    return this.host.db();
  }

  /** While a step is applied: its time, from which the steps it queues count. */
  private applyingAt: number | null = null;

  /** Queues `step` to run `delayMs` (of Waldur time, before scaling) from now. */
  private readonly later = (delayMs: number, job: Omit<Job, 'id' | 'at'>) => {
    const from = this.applyingAt ?? this.host.now();
    const at = from + Math.round(delayMs * this.host.timeScale());
    this.db.jobs.push({ ...job, at, id: this.db.next_job_id++ });
  };

  /** Now (or the time of the step being applied), as the request's user or as Celery. */
  private source(at = this.applyingAt ?? this.host.now()): EventSource {
    return { at, user: this.host.actor() };
  }

  /** An executing order is picked up by Celery: the volume is created or its deletion scheduled. */
  scheduleOrder(order: OrderRecord) {
    queueOrder(this.later, order);
    this.host.changed();
  }

  /** A `pending-project` order waits for Celery beat's run after its project's start. */
  holdForProjectStart(order: OrderRecord) {
    queueRelease(this.db, order, this.applyingAt ?? this.host.now());
    this.host.changed();
  }

  /** The order leaves `pending-project` for `executing`, and Celery picks it up. */
  releaseOrder(order: OrderRecord) {
    startOrder(this.db, this.source(), order);
    this.scheduleOrder(order);
  }

  /** The beat's run: the order goes on, unless its project's start moved later meanwhile. */
  private release(job: Job) {
    const order = this.db.orders.find((o) => o.uuid === job.target);
    if (order?.state !== 'pending-project') return; // released already (the start was cleared)
    if (startsLater(this.db, order.project_uuid, job.at)) this.holdForProjectStart(order);
    else this.releaseOrder(order);
  }

  /**
   * `SnapshotUpdateExecutor` (the volume's shape, contract-lifecycle §6 E2): UPDATE_SCHEDULED now
   * (`pre_apply`), UPDATING at the first task (`update_snapshot` or a bare state transition), OK
   * when it returns. No action, so nothing is logged.
   */
  scheduleSnapshotUpdate(snapshot: SnapshotRecord) {
    snapshot.state = 'UPDATE_SCHEDULED';
    snapshot.modified = isoMicro(this.host.now());
    const job = { target: snapshot.uuid, operation: 'update' };
    this.later(TIMING.firstTaskMs, { ...job, step: 'snapshot:begin' });
    this.later(TIMING.firstTaskMs + settleAfterMs('update'), { ...job, step: 'snapshot:finish' });
    this.host.changed();
  }

  /** A volume restored from a snapshot (already CREATION_SCHEDULED) walks like a new one. */
  scheduleRestore(volume: VolumeRecord) {
    queueVolumeWalk(this.db, this.later, volume, 'restore', settleAfterMs('create'));
    this.host.changed();
  }

  /**
   * An `ActionExecutor`: `pre_apply` at once (UPDATE_SCHEDULED, `action`, `action_details`), then
   * the chain. `update` is the UpdateExecutor: no action, the same walk.
   */
  scheduleVolumeOperation(
    volume: VolumeRecord,
    operation: string,
    action: string,
    actionDetails: Record<string, unknown>,
    extra: { instance?: InstanceRecord } = {},
  ) {
    volume.state = 'UPDATE_SCHEDULED';
    volume.action = action;
    volume.action_details = actionDetails;
    volume.modified = isoMicro(this.host.now());
    // `log_action` fires when `action` is set; an update sets none (a leftover one logs nothing).
    if (operation !== 'update') volumeActionScheduled(this.db, this.source(), volume);
    const failure = takeFailure(this.db, operation, volume.uuid);
    const target = volume.uuid;
    const instance = extra.instance;
    if (instance) {
      // Extending an attached volume also moves its (stopped) instance through the same states.
      instance.state = 'UPDATE_SCHEDULED';
      instance.action = 'Extend volume';
      instance.modified = volume.modified;
    }
    if (failure) {
      this.later(TIMING.firstTaskMs, { step: 'volume:fail', target, operation, failure });
      if (instance)
        this.later(TIMING.firstTaskMs, {
          step: 'instance:fail',
          target: instance.uuid,
          operation,
          failure,
        });
      this.host.changed();
      return;
    }
    this.later(TIMING.firstTaskMs, { step: 'volume:begin', target, operation });
    if (instance) {
      // VolumeExtendExecutor for an attached volume: detach, extend, attach again, each polled.
      const step = settleAfterMs('detach');
      this.later(TIMING.firstTaskMs, { step: 'instance:begin', target: instance.uuid, operation });
      this.later(TIMING.firstTaskMs + step, {
        step: 'volume:runtime',
        target,
        operation,
        data: { runtime_state: 'extending' },
      });
      this.later(TIMING.firstTaskMs + 2 * step, {
        step: 'volume:runtime',
        target,
        operation,
        data: { runtime_state: 'attaching', instance_uuid: instance.uuid },
      });
      this.later(TIMING.firstTaskMs + 3 * step, { step: 'volume:finish', target, operation });
      this.later(TIMING.firstTaskMs + 3 * step, {
        step: 'instance:finish',
        target: instance.uuid,
        operation,
      });
    } else {
      this.later(TIMING.firstTaskMs + settleAfterMs(operation), {
        step: 'volume:finish',
        target,
        operation,
      });
    }
    this.host.changed();
  }

  /** `SnapshotCreateExecutor`: CREATING at the first task, OK at the first (late) poll after. */
  scheduleSnapshotCreation(snapshotUuid: string, volumeUuid: string) {
    const failure = takeFailure(this.db, 'snapshot', volumeUuid);
    const job = { target: snapshotUuid, operation: 'snapshot' };
    if (failure) {
      this.later(TIMING.firstTaskMs, { ...job, step: 'snapshot:fail', failure });
    } else {
      this.later(TIMING.firstTaskMs, { ...job, step: 'snapshot:begin' });
      this.later(TIMING.firstTaskMs + settleAfterMs('snapshot'), {
        ...job,
        step: 'snapshot:finish',
      });
    }
    this.host.changed();
  }

  /** `DeleteExecutor`: DELETION_SCHEDULED now, DELETING at the first task, then the row is gone. */
  scheduleSnapshotDeletion(snapshot: SnapshotRecord) {
    snapshot.state = 'DELETION_SCHEDULED';
    snapshot.modified = isoMicro(this.host.now());
    const job = { target: snapshot.uuid, operation: 'delete' };
    this.later(TIMING.firstTaskMs, { ...job, step: 'snapshot:deleting' });
    this.later(TIMING.firstTaskMs + settleAfterMs('delete'), { ...job, step: 'snapshot:gone' });
    this.host.changed();
  }

  /** Applies every step that is due, oldest first. Called at the start of each request. */
  runDue() {
    const now = this.host.now();
    // A step may queue the next ones (an order makes a volume, which then walks): those due by
    // now run in the same pass, each counted from the time of the step that queued it.
    for (;;) {
      const due = this.db.jobs
        .filter((job) => job.at <= now)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) return;
      this.db.jobs = this.db.jobs.filter((job) => job !== due);
      this.applyingAt = due.at;
      try {
        this.apply(due);
      } finally {
        this.applyingAt = null;
      }
      this.host.changed();
    }
  }

  /** The first free device name on an instance, as Nova assigns them. */
  private nextDevice(instanceUuid: string) {
    const used = new Set(
      this.db.volumes.filter((v) => v.instance_uuid === instanceUuid).map((v) => v.device),
    );
    for (const letter of 'bcdefghijklmnopqrstuvwxyz') {
      if (!used.has(`/dev/vd${letter}`)) return `/dev/vd${letter}`;
    }
    return '/dev/vdz';
  }

  private apply(job: Job) {
    const at = isoMicro(job.at);
    const [kind] = job.step.split(':');
    if (job.step === 'order:release') {
      this.release(job);
    } else if (kind === 'order') {
      processOrder(
        this.db,
        this.later,
        job,
        { at: job.at },
        settleAfterMs(job.operation),
        this.host.version(),
      );
    } else if (kind === 'volume') {
      const volume = this.db.volumes.find((v) => v.uuid === job.target);
      if (!volume) return; // unlinked meanwhile
      volume.modified = at;
      this.applyToVolume(volume, job);
    } else if (kind === 'instance') {
      const instance = this.db.instances.find((i) => i.uuid === job.target);
      if (!instance) return;
      instance.modified = at;
      applyToInstance(instance, job);
    } else {
      const snapshot = this.db.snapshots.find((s) => s.uuid === job.target);
      if (!snapshot) return;
      snapshot.modified = at;
      if (job.step === 'snapshot:gone') {
        this.db.snapshots = this.db.snapshots.filter((s) => s.uuid !== snapshot.uuid);
      } else {
        applyToSnapshot(snapshot, job);
      }
    }
  }

  private applyToVolume(volume: VolumeRecord, job: Job) {
    const source = { at: job.at };
    if (LIFECYCLE.has(job.operation)) {
      this.applyLifecycle(volume, job, source);
      return;
    }
    switch (job.step) {
      case 'volume:begin':
        // BackendMethodTask resets the error fields when it starts; the first poll reads Cinder.
        volume.state = 'UPDATING';
        volume.error_message = '';
        volume.error_traceback = '';
        volume.runtime_state = RUNTIME_WHILE[job.operation] ?? volume.runtime_state;
        if (job.operation === 'detach' || (job.operation === 'extend' && volume.instance_uuid)) {
          // `detach_volume` clears instance and device as soon as Nova accepts (contract E5).
          volume.runtime_state = 'detaching';
          volume.instance_uuid = null;
          volume.device = '';
        }
        return;
      case 'volume:runtime': {
        const data = job.data as { runtime_state: string; instance_uuid?: string };
        volume.runtime_state = data.runtime_state;
        if (data.instance_uuid) {
          volume.instance_uuid = data.instance_uuid;
          volume.device = this.nextDevice(data.instance_uuid);
        }
        return;
      }
      case 'volume:fail':
        // ErrorStateTransitionTask: ERRED, the exception's text, the action cleared. The runtime
        // state stays what Cinder last reported, and a failed detach keeps its instance.
        volume.state = 'ERRED';
        volume.error_message = job.failure ?? '';
        volume.error_traceback = traceback(job.operation, job.failure ?? '');
        volumeActionEnded(this.db, source, volume, false);
        volume.action = '';
        volume.action_details = {};
        return;
      case 'volume:finish':
        volume.state = 'OK';
        volumeActionEnded(this.db, source, volume, true);
        volume.action = '';
        volume.action_details = {};
        this.settleRuntime(volume, job.operation);
        return;
      default:
        return;
    }
  }

  /** The steps of a create, restore or delete (./lifecycle). */
  private applyLifecycle(volume: VolumeRecord, job: Job, source: EventSource) {
    switch (job.step) {
      case 'volume:begin':
        beginLifecycle(this.db, volume, job.operation);
        return;
      case 'volume:finish':
        finishCreation(this.db, volume, job.operation, source);
        return;
      case 'volume:gone':
        removeVolume(this.db, volume, source);
        return;
      case 'volume:fail':
        volume.error_message = job.failure ?? '';
        volume.error_traceback = traceback(job.operation, job.failure ?? '');
        failLifecycle(this.db, volume, job.operation, source);
        return;
      default:
        return;
    }
  }

  /** What the last poll (and, after attach or pull, `pull_volume`) reads from Cinder. */
  private settleRuntime(volume: VolumeRecord, operation: string) {
    if (operation === 'pull') {
      // `pull_volume` reads every backend field from Cinder, bootable among them.
      volume.error_message = '';
      volume.error_traceback = '';
      if (volume.cinder_bootable !== undefined) volume.bootable = volume.cinder_bootable;
      delete volume.cinder_bootable;
    }
    if (operation === 'detach') {
      volume.runtime_state = 'available';
      return;
    }
    volume.runtime_state = volume.instance_uuid ? 'in-use' : 'available';
    if (volume.instance_uuid && !volume.device)
      volume.device = this.nextDevice(volume.instance_uuid);
  }
}
