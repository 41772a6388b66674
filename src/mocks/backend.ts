import { type Clock, createClock } from './clock';
import type { Db, FailureRule, InstanceRecord, Job, UserRecord, VolumeRecord } from './db';
import { DrfError, detail, djangoServerErrorPage, notAuthenticated } from './responses';
import { createSeedDb, isoMicro } from './seed';
import type { SerializeContext } from './serializers';

/**
 * The demo backend: an in-memory Waldur. It owns the database, the clock and the "task queue" (jobs
 * applied lazily by `tick()`), authenticates requests like Waldur's TokenAuthentication, decides
 * visibility and admin rights like its role filters, and lets tests and the demo UI inject failures.
 * Route handlers (./handlers) implement each endpoint on top of it.
 */

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

/** How Python would name the type of a JSON value, for DRF's messages ("received int"). */
export function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}

export interface RequestRecord {
  method: string;
  path: string;
  search: string;
  status: number;
  at: number;
}

export interface DemoBackendOptions {
  clock?: Clock;
  db?: Db;
  /** Called after a request that changed the database (the browser saves it to localStorage). */
  onChange?: (db: Db) => void;
}

export interface HandlerContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  user: UserRecord;
  ser: SerializeContext;
  backend: DemoBackend;
}

export type Handler = (ctx: HandlerContext) => Response | Promise<Response>;

type ResolverInfo = {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
};

export class DemoBackend {
  db: Db;
  readonly clock: Clock;
  readonly requests: RequestRecord[] = [];
  private readonly onChange?: (db: Db) => void;
  private readonly expiredTokens = new Set<string>();
  private dirty = false;
  /** Test hooks: answer the next N requests (to a path prefix) with Django's HTML 500 page. */
  private serverErrors = { count: 0, path: '' };
  latencyMs = 0;

  constructor(options: DemoBackendOptions = {}) {
    this.clock = options.clock ?? createClock();
    this.db = options.db ?? createSeedDb(this.clock.now());
    this.onChange = options.onChange;
  }

  now() {
    return isoMicro(this.clock.now());
  }

  reset(seedDb?: Db) {
    this.db = seedDb ?? createSeedDb(this.clock.now());
    this.expiredTokens.clear();
    this.requests.length = 0;
    this.serverErrors = { count: 0, path: '' };
    this.latencyMs = 0;
    this.changed();
  }

  changed() {
    this.dirty = true;
  }

  // ---- users, tokens, visibility ---------------------------------------------------------------

  user(username: string): UserRecord {
    const user = this.db.users.find((u) => u.username === username);
    if (!user) throw new Error(`No demo user ${username}`);
    return user;
  }

  /** The next requests with this token get 401 "Token has expired." */
  expireToken(token: string) {
    this.expiredTokens.add(token);
  }

  /** Issue a new key for the user: requests with the old one get 401 "Invalid token." */
  rotateToken(username: string) {
    const user = this.user(username);
    user.token = `${user.token.slice(20)}${user.token.slice(0, 20)}`.split('').reverse().join('');
    this.changed();
    return user.token;
  }

  /** Waldur's TokenAuthentication, message for message. */
  authenticate(request: Request): UserRecord {
    const header = request.headers.get('authorization');
    const parts = header?.trim().split(/\s+/) ?? [];
    if (parts.length === 0 || parts[0]!.toLowerCase() !== 'token') {
      throw notAuthenticated('Authentication credentials were not provided.');
    }
    if (parts.length === 1) throw notAuthenticated('Invalid token. No credentials provided.');
    if (parts.length > 2)
      throw notAuthenticated('Invalid token. Token string should not contain spaces.');
    const token = parts[1]!;
    const user = this.db.users.find((u) => u.token === token);
    if (!user) throw notAuthenticated('Invalid token.');
    if (!user.is_active) throw notAuthenticated('User inactive or deleted.');
    if (this.expiredTokens.has(token)) throw notAuthenticated('Token has expired.');
    return user;
  }

  seesEverything(user: UserRecord) {
    return user.is_staff || user.is_support;
  }

  /** Projects where the user has a role, directly or as owner of the customer. */
  projectsOf(user: UserRecord): Set<string> {
    const projects = new Set<string>();
    for (const role of user.roles) {
      if (role.role === 'CUSTOMER.OWNER') {
        for (const p of this.db.projects)
          if (p.customer_uuid === role.scope_uuid) projects.add(p.uuid);
      } else {
        projects.add(role.scope_uuid);
      }
    }
    return projects;
  }

  canSee(user: UserRecord, projectUuid: string) {
    return this.seesEverything(user) || this.projectsOf(user).has(projectUuid);
  }

  /** `permissions.is_administrator`: staff, customer owner, project admin or manager. */
  canAdminister(user: UserRecord, projectUuid: string) {
    return user.is_staff || this.projectsOf(user).has(projectUuid);
  }

  visible<T extends { project_uuid: string }>(user: UserRecord, items: T[]): T[] {
    return this.seesEverything(user)
      ? items
      : items.filter((item) => this.canSee(user, item.project_uuid));
  }

  // ---- failure injection -----------------------------------------------------------------------

  /**
   * Make operations fail (off by default). The matching operation is accepted as usual (202) and the
   * volume ends ERRED with `message` as its `error_message`, as when Cinder fails in a real deployment.
   */
  injectFailure(rule: FailureRule) {
    this.db.failures.push({ ...rule });
    this.changed();
  }

  clearFailures() {
    this.db.failures = [];
    this.changed();
  }

  /** Answer the next `count` requests (those under `path`, if given) with Django's HTML 500 page. */
  failNextRequests(count = 1, path = '') {
    this.serverErrors = { count, path };
  }

  private takeFailure(operation: string, volumeUuid: string): string | undefined {
    const index = this.db.failures.findIndex(
      (rule) =>
        (rule.operation === operation || rule.operation === '*') &&
        (!rule.volume_uuid || rule.volume_uuid === volumeUuid),
    );
    if (index === -1) return undefined;
    const rule = this.db.failures[index]!;
    if (rule.remaining !== undefined) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.db.failures.splice(index, 1);
    }
    return rule.message ?? DEFAULT_FAILURES[operation] ?? 'Operation failed in the backend.';
  }

  // ---- the task queue --------------------------------------------------------------------------

  private addJob(job: Omit<Job, 'id'>) {
    this.db.jobs.push({ ...job, id: this.db.next_job_id++ });
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
    const now = this.clock.now();
    volume.state = 'UPDATE_SCHEDULED';
    volume.action = action;
    volume.action_details = actionDetails;
    volume.modified = isoMicro(now);
    const failure = this.takeFailure(operation, volume.uuid);
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
    this.changed();
  }

  scheduleSnapshotCreation(snapshotUuid: string, volumeUuid: string) {
    const now = this.clock.now();
    const failure = this.takeFailure('snapshot', volumeUuid);
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
    this.changed();
  }

  /** `DeleteExecutor`: DELETION_SCHEDULED now, DELETING ~2 s later, then the row is gone. */
  scheduleSnapshotDeletion(snapshotUuid: string) {
    const snapshot = this.db.snapshots.find((s) => s.uuid === snapshotUuid);
    if (!snapshot) return;
    const now = this.clock.now();
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
    this.changed();
  }

  /** Apply every job that is due. Called at the start of each request. */
  tick() {
    const now = this.clock.now();
    const due = this.db.jobs
      .filter((job) => job.at <= now)
      .sort((a, b) => a.at - b.at || a.id - b.id);
    if (due.length === 0) return;
    this.db.jobs = this.db.jobs.filter((job) => job.at > now);
    for (const job of due) this.apply(job);
    this.changed();
  }

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
    if (job.kind === 'volume:begin' || job.kind === 'volume:finish') {
      const volume = this.db.volumes.find((v) => v.uuid === job.target);
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
      const instance = this.db.instances.find((i) => i.uuid === job.target);
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
    const snapshot = this.db.snapshots.find((s) => s.uuid === job.target);
    if (!snapshot) return;
    snapshot.modified = at;
    if (job.operation === 'delete') {
      if (job.kind === 'snapshot:begin') snapshot.state = 'DELETING';
      else this.db.snapshots = this.db.snapshots.filter((s) => s.uuid !== snapshot.uuid);
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

  // ---- request handling ------------------------------------------------------------------------

  /**
   * Wraps an endpoint: applies due jobs, authenticates (401 first, as DRF does), turns thrown
   * `DrfError`s into responses, logs the request and reports changes for persistence.
   */
  handler(fn: Handler, options: { auth?: boolean } = {}) {
    return async ({ request, params }: ResolverInfo): Promise<Response> => {
      const url = new URL(request.url);
      let response: Response;
      try {
        if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
        this.tick();
        if (this.serverErrors.count > 0 && url.pathname.startsWith(this.serverErrors.path)) {
          this.serverErrors.count -= 1;
          response = djangoServerErrorPage();
        } else {
          const user =
            options.auth === false ? (null as unknown as UserRecord) : this.authenticate(request);
          const flatParams: Record<string, string> = {};
          for (const [key, value] of Object.entries(params)) {
            if (typeof value === 'string') flatParams[key] = value;
          }
          response = await fn({
            request,
            url,
            params: flatParams,
            user,
            ser: { origin: url.origin, db: this.db },
            backend: this,
          });
        }
      } catch (error) {
        if (!(error instanceof DrfError)) throw error;
        response = error.toResponse();
      }
      this.requests.push({
        method: request.method,
        path: url.pathname,
        search: url.search,
        status: response.status,
        at: this.clock.now(),
      });
      if (this.requests.length > 2000) this.requests.splice(0, this.requests.length - 2000);
      if (this.dirty) {
        this.dirty = false;
        this.onChange?.(this.db);
      }
      return response;
    };
  }

  /** DRF's JSONParser: `{}` for an empty body, 415 for another media type, 400 for bad JSON. */
  async readJson(request: Request): Promise<Record<string, unknown>> {
    const text = await request.text();
    if (text.trim() === '') return {};
    const type = request.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) {
      throw detail(415, `Unsupported media type "${type.split(';')[0]}" in request.`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw detail(
        400,
        `JSON parse error - ${error instanceof Error ? error.message : 'Invalid JSON'}`,
      );
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new DrfError(400, {
        non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`],
      });
    }
    return data as Record<string, unknown>;
  }
}
