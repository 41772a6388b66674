// The steps of the task queue (./tasks) for what is not a volume: an instance moved along with an
// attached volume's extend, and a snapshot's creation, update and deletion; and the traceback Waldur
// stores with a failed backend call.
import type { InstanceRecord, Job, SnapshotRecord } from './db';

export function applyToInstance(instance: InstanceRecord, job: Job) {
  if (job.step === 'instance:begin') {
    instance.state = 'UPDATING';
    return;
  }
  instance.action = '';
  instance.action_details = {};
  instance.state = job.step === 'instance:fail' ? 'ERRED' : 'OK';
  if (job.step === 'instance:fail') instance.error_message = job.failure ?? '';
}

export function applyToSnapshot(snapshot: SnapshotRecord, job: Job) {
  if (job.operation === 'update') {
    // SnapshotUpdateExecutor: `begin_updating` at its task, `set_ok` when it returns.
    snapshot.state = job.step === 'snapshot:begin' ? 'UPDATING' : 'OK';
    return;
  }
  switch (job.step) {
    case 'snapshot:deleting':
      snapshot.state = 'DELETING';
      return;
    case 'snapshot:begin':
      snapshot.state = 'CREATING';
      snapshot.runtime_state = 'creating';
      return;
    case 'snapshot:fail':
      snapshot.state = 'ERRED';
      snapshot.error_message = job.failure ?? '';
      return;
    case 'snapshot:finish':
      snapshot.state = 'OK';
      snapshot.runtime_state = 'available';
      snapshot.backend_id = crypto.randomUUID();
      return;
    default:
      return;
  }
}

/** The traceback Waldur stores with a failed backend call. */
export function traceback(operation: string, message: string) {
  return `Traceback (most recent call last):
  File "/usr/src/waldur/src/waldur_core/core/tasks.py", line 255, in execute
    return getattr(backend, self.backend_method)(*args, **kwargs)
  File "/usr/src/waldur/src/waldur_openstack/backend.py", line 1530, in ${operation}_volume
    raise OpenStackBackendError(e)
waldur_openstack.exceptions.OpenStackBackendError: ${message}
`;
}
