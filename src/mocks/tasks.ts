// The demo's Celery: work Waldur's executors would do later, stored as timestamped jobs in the
// database and applied lazily (`runDue`) when a request arrives or the clock is advanced. No timers,
// so tests move time at will and a reloaded tab picks up where it left off.

import { isoMicro } from './clock';
import type { Db, InstanceRecord, Job, VolumeRecord } from './db';
import { takeFailure } from './failures';

/** `countdown=2` in Waldur's executors: UPDATE_SCHEDULED → UPDATING. */
export const BEGIN_DELAY_MS = 2_000;
/** How long the demo's Cinder takes for an operation once it starts (UPDATING → OK). */
export const WORK_DURATION_MS = 3_000;

const TRANSITIONAL_RUNTIME: Record<string, string | undefined> = {
  attach: 'attaching',
  detach: 'detaching',
  extend: 'extending',
  retype: 'retyping',
};

/** What the queue needs from the backend that owns it. */
export interface TaskHost {
  db(): Db;
  now(): number;
  changed(): void;
}

export class Tasks {
  constructor(private readonly host: TaskHost) {}

  private addJob(job: Omit<Job, 'id'>) {
    this.host.db().jobs.push({ ...job, id: this.host.db().next_job_id++ });
  }

  /**
   * What an `ActionExecutor` does: `pre_apply` at once (UPDATE_SCHEDULED, `action`, `action_details`),
   * then the Celery chain: UPDATING about 2 s later, OK (or ERRED) when the backend work is done.
   */
  scheduleVolumeOperation(
    volume: VolumeRecord,
    operation: string,
    action: string,
    actionDetails: Record<string, unknown>,
    extra: { instance?: InstanceRecord } = {},
  ) {
    const now = this.host.now();
    volume.state = 'UPDATE_SCHEDULED';
    volume.action = action;
    volume.action_details = actionDetails;
    volume.modified = isoMicro(now);
    const failure = takeFailure(this.host.db(), operation, volume.uuid);
    this.addJob({ at: now + BEGIN_DELAY_MS, kind: 'volume:begin', target: volume.uuid, operation });
    this.addJob({
      at: now + BEGIN_DELAY_MS + WORK_DURATION_MS,
      kind: 'volume:finish',
      target: volume.uuid,
      operation,
      failure,
    });
    if (extra.instance) {
      // Extending an attached volume also moves its (stopped) instance through the same states.
      const instance = extra.instance;
      instance.state = 'UPDATE_SCHEDULED';
      instance.action = 'Extend volume';
      instance.modified = isoMicro(now);
      this.addJob({
        at: now + BEGIN_DELAY_MS,
        kind: 'instance:begin',
        target: instance.uuid,
        operation,
      });
      this.addJob({
        at: now + BEGIN_DELAY_MS + WORK_DURATION_MS,
        kind: 'instance:finish',
        target: instance.uuid,
        operation,
        failure,
      });
    }
    this.host.changed();
  }

  scheduleSnapshotCreation(snapshotUuid: string, volumeUuid: string) {
    const now = this.host.now();
    const failure = takeFailure(this.host.db(), 'snapshot', volumeUuid);
    this.addJob({
      at: now + BEGIN_DELAY_MS,
      kind: 'snapshot:begin',
      target: snapshotUuid,
      operation: 'create',
    });
    this.addJob({
      at: now + BEGIN_DELAY_MS + WORK_DURATION_MS,
      kind: 'snapshot:finish',
      target: snapshotUuid,
      operation: 'create',
      failure,
    });
    this.host.changed();
  }

  /** `DeleteExecutor`: DELETION_SCHEDULED now, DELETING ~2 s later, then the row is gone. */
  scheduleSnapshotDeletion(snapshotUuid: string) {
    const snapshot = this.host.db().snapshots.find((s) => s.uuid === snapshotUuid);
    if (!snapshot) return;
    const now = this.host.now();
    snapshot.state = 'DELETION_SCHEDULED';
    snapshot.modified = isoMicro(now);
    this.addJob({
      at: now + BEGIN_DELAY_MS,
      kind: 'snapshot:begin',
      target: snapshotUuid,
      operation: 'delete',
    });
    this.addJob({
      at: now + BEGIN_DELAY_MS + WORK_DURATION_MS,
      kind: 'snapshot:finish',
      target: snapshotUuid,
      operation: 'delete',
    });
    this.host.changed();
  }

  /** Applies every job that is due. Called at the start of each request. */
  runDue() {
    const now = this.host.now();
    const due = this.host
      .db()
      .jobs.filter((job) => job.at <= now)
      .sort((a, b) => a.at - b.at || a.id - b.id);
    if (due.length === 0) return;
    this.host.db().jobs = this.host.db().jobs.filter((job) => job.at > now);
    for (const job of due) this.apply(job);
    this.host.changed();
  }

  private nextDevice(instanceUuid: string) {
    const used = new Set(
      this.host
        .db()
        .volumes.filter((v) => v.instance_uuid === instanceUuid)
        .map((v) => v.device),
    );
    for (const letter of 'bcdefghijklmnopqrstuvwxyz') {
      if (!used.has(`/dev/vd${letter}`)) return `/dev/vd${letter}`;
    }
    return '/dev/vdz';
  }

  private apply(job: Job) {
    const at = isoMicro(job.at);
    if (job.kind === 'volume:begin' || job.kind === 'volume:finish') {
      const volume = this.host.db().volumes.find((v) => v.uuid === job.target);
      if (!volume) return; // unlinked meanwhile
      volume.modified = at;
      if (job.kind === 'volume:begin') {
        // BackendMethodTask resets the error fields when it starts.
        volume.state = 'UPDATING';
        volume.error_message = '';
        volume.error_traceback = '';
        volume.runtime_state = TRANSITIONAL_RUNTIME[job.operation] ?? volume.runtime_state;
        return;
      }
      volume.action = '';
      volume.action_details = {};
      if (job.failure) {
        volume.state = 'ERRED';
        volume.runtime_state = job.operation === 'extend' ? 'error_extending' : 'error';
        volume.error_message = job.failure;
        volume.error_traceback = `Traceback (most recent call last):\n  File "/usr/src/waldur/src/waldur_core/core/tasks.py", line 255, in execute\n    return getattr(backend, self.backend_method)(*args, **kwargs)\n  File "/usr/src/waldur/src/waldur_openstack/backend.py", line 1530, in ${job.operation}_volume\n    raise OpenStackBackendError(e)\nwaldur_openstack.exceptions.OpenStackBackendError: ${job.failure}\n`;
        return;
      }
      volume.state = 'OK';
      switch (job.operation) {
        case 'attach':
          volume.runtime_state = 'in-use';
          if (volume.instance_uuid) volume.device = this.nextDevice(volume.instance_uuid);
          break;
        case 'detach':
          volume.runtime_state = 'available';
          volume.instance_uuid = null;
          volume.device = '';
          break;
        case 'extend':
        case 'retype':
          volume.runtime_state = volume.instance_uuid ? 'in-use' : 'available';
          break;
        case 'pull':
          volume.runtime_state = volume.instance_uuid ? 'in-use' : 'available';
          volume.error_message = '';
          volume.error_traceback = '';
          if (volume.instance_uuid && !volume.device)
            volume.device = this.nextDevice(volume.instance_uuid);
          break;
        default:
          break;
      }
      return;
    }
    if (job.kind === 'instance:begin' || job.kind === 'instance:finish') {
      const instance = this.host.db().instances.find((i) => i.uuid === job.target);
      if (!instance) return;
      instance.modified = at;
      if (job.kind === 'instance:begin') {
        instance.state = 'UPDATING';
        return;
      }
      instance.action = '';
      instance.action_details = {};
      instance.state = job.failure ? 'ERRED' : 'OK';
      if (job.failure) instance.error_message = job.failure;
      return;
    }
    const snapshot = this.host.db().snapshots.find((s) => s.uuid === job.target);
    if (!snapshot) return;
    snapshot.modified = at;
    if (job.operation === 'delete') {
      if (job.kind === 'snapshot:begin') snapshot.state = 'DELETING';
      else
        this.host.db().snapshots = this.host.db().snapshots.filter((s) => s.uuid !== snapshot.uuid);
      return;
    }
    if (job.kind === 'snapshot:begin') {
      snapshot.state = 'CREATING';
      snapshot.runtime_state = 'creating';
      return;
    }
    if (job.failure) {
      snapshot.state = 'ERRED';
      snapshot.runtime_state = 'error';
      snapshot.error_message = job.failure;
      return;
    }
    snapshot.state = 'OK';
    snapshot.runtime_state = 'available';
    snapshot.backend_id = crypto.randomUUID();
  }
}
