// The demo backend: an in-memory Waldur. It owns the database, the clock, the task queue (./tasks)
// and the request log, and wraps every endpoint (./handlers) in what Waldur's middleware and DRF do
// first: authentication (./auth), test hooks (failures, latency), DRF errors as responses, and
// saving the database after a change. Who may see or change what is ./access. Which Waldur it
// plays (release and deployment settings, contract-lifecycle §8) is `deployment`.
import { DEFAULT_DEPLOYMENT, type DemoDeployment } from '@/lib/demo-controls';
import {
  canAdminister,
  canSee,
  managedProjects,
  projectsOf,
  seesEverything,
  visible,
} from './access';
import { authenticate, rotatedToken } from './auth';
import { orderApproved, orderEnded } from './callbacks';
import { type Clock, createClock, isoMicro } from './clock';
import { DEFAULT_CONFIGURATION, type DemoConfiguration } from './configuration';
import type { Db, FailureRule, OrderRecord, UserRecord } from './db';
import { hiddenAcrossOrigins } from './deployment';
import type { EventSource } from './history';
import { futureProject, futureStartDate, startsLater } from './project-start';
import { DrfError, detail, djangoServerErrorPage, pythonTypeName } from './responses';
import { createSeedDb } from './seed/seed';
import type { SerializeContext } from './serializers';
import { Tasks } from './tasks';

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
  /** 1 walks operations at Waldur's pace (the default); less is faster. */
  timeScale?: number;
  /** Called after a request that changed the database (the browser saves it to localStorage). */
  onChange?: (db: Db) => void;
  /** Which Waldur to play (the default: 8.x, deployed on the console's origin). */
  deployment?: DemoDeployment;
}

/** What an endpoint gets: the request, the signed-in user, and the backend (it serializes too). */
export interface HandlerContext extends SerializeContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  user: UserRecord;
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
  readonly tasks: Tasks;
  readonly requests: RequestRecord[] = [];
  private readonly onChange?: (db: Db) => void;
  private readonly expiredTokens = new Set<string>();
  private dirty = false;
  /** Test hook: answer the next N requests (to one path, or any) with Django's HTML 500 page. */
  private serverErrors = { count: 0, path: '' };
  latencyMs = 0;
  /** The deployment's public settings (`/api/configuration/`): languages, currency, features. */
  configuration: DemoConfiguration = { ...DEFAULT_CONFIGURATION };
  /** 1 walks operations at Waldur's pace; the demo's "fast" speed sets less. */
  timeScale: number;
  /** Which Waldur it plays; read and set through `deployment`. */
  private current: DemoDeployment = { ...DEFAULT_DEPLOYMENT };
  /** Who made the request being handled (events logged inside a request name them). */
  private actor: UserRecord | null = null;

  constructor(options: DemoBackendOptions = {}) {
    this.clock = options.clock ?? createClock();
    this.db = options.db ?? createSeedDb(this.clock.now());
    this.onChange = options.onChange;
    this.timeScale = options.timeScale ?? 1;
    this.tasks = new Tasks({
      db: () => this.db,
      now: () => this.clock.now(),
      changed: () => this.changed(),
      timeScale: () => this.timeScale,
      actor: () => this.actor,
      version: () => this.current.version,
    });
    if (options.deployment) this.deployment = options.deployment;
  }

  now() {
    return isoMicro(this.clock.now());
  }

  /** Which Waldur the demo plays: its release and deployment settings (contract-lifecycle §8). */
  get deployment(): DemoDeployment {
    return this.current;
  }

  set deployment(next: DemoDeployment) {
    this.current = { ...next };
    this.syncFutureProject();
    this.changed();
  }

  /** A Waldur from before 2025 (`version: '7.x'`): states spelled "Erred", "Update Scheduled"… */
  get legacyStates() {
    return this.current.version === '7.x';
  }

  set legacyStates(legacy: boolean) {
    this.deployment = { ...this.current, version: legacy ? '7.x' : '8.x' };
  }

  /**
   * `futureProjectStart` gives one project a start date 30 days ahead; turning it off clears the
   * date, which releases its waiting orders at once (Waldur's
   * `process_invitations_and_orders_when_project_start_date_is_unset`, ./project-start).
   */
  private syncFutureProject() {
    const project = futureProject(this.db);
    if (!project) return;
    if (this.current.futureProjectStart) {
      if (project.start_date) return;
      project.start_date = futureStartDate(this.clock.now());
    } else {
      if (!project.start_date) return;
      project.start_date = null;
      for (const order of this.db.orders)
        if (order.state === 'pending-project' && order.project_uuid === project.uuid)
          this.tasks.releaseOrder(order);
    }
    this.changed();
  }

  /**
   * An order that needs no (more) consumer review: it waits for its project's start
   * (`pending-project`), or executes now and Celery picks it up.
   */
  dispatchApproved(order: OrderRecord) {
    if (startsLater(this.db, order.project_uuid, this.clock.now())) {
      order.state = 'pending-project';
      this.tasks.holdForProjectStart(order);
    } else {
      this.tasks.scheduleOrder(order);
    }
  }

  /** New seed data; the deployment stays (it is the browser's choice, not data). */
  reset(seedDb?: Db) {
    this.db = seedDb ?? createSeedDb(this.clock.now());
    this.expiredTokens.clear();
    this.requests.length = 0;
    this.serverErrors = { count: 0, path: '' };
    this.latencyMs = 0;
    this.syncFutureProject();
    this.changed();
  }

  changed() {
    this.dirty = true;
  }

  /** Now, as the user of the request being handled (for events logged inside it). */
  eventSource(user: UserRecord | null = this.actor): EventSource {
    return { at: this.clock.now(), user };
  }

  /** Applies the work that is due (as Celery would have by now). */
  tick() {
    // A test may flip `deployment.futureProjectStart` in place: the project follows it here.
    this.syncFutureProject();
    this.tasks.runDue();
  }

  // Users, tokens, visibility.

  /** Waldur's TokenAuthentication: the user a request's token belongs to, or a 401. */
  authenticate(request: Request): UserRecord {
    return authenticate(this.db, this.expiredTokens, request);
  }

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
    user.token = rotatedToken(user.token);
    this.changed();
    return user.token;
  }

  seesEverything(user: UserRecord) {
    return seesEverything(user);
  }

  projectsOf(user: UserRecord) {
    return projectsOf(this.db, user);
  }

  /** Projects the user administers (admin, manager, or owner of the customer). */
  managedProjects(user: UserRecord) {
    return managedProjects(this.db, user);
  }

  canSee(user: UserRecord, projectUuid: string) {
    return canSee(this.db, user, projectUuid);
  }

  canAdminister(user: UserRecord, projectUuid: string) {
    return canAdminister(this.db, user, projectUuid);
  }

  visible<T extends { project_uuid: string }>(user: UserRecord, items: T[]): T[] {
    return visible(this.db, user, items);
  }

  // Failure injection and the task queue.

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

  /** Answer the next `count` requests (to exactly `path`, if given) with Django's HTML 500 page. */
  failNextRequests(count = 1, path = '') {
    this.serverErrors = { count, path };
  }

  /**
   * A consumer approver approves a pending order (`approve_by_consumer`): it executes at once, or,
   * in a project that has not started, waits in `pending-project` (and is not logged as approved
   * until it executes).
   */
  approveOrder(order: OrderRecord, user: UserRecord) {
    order.consumer_reviewed_by = user.uuid;
    order.consumer_reviewed_at = this.now();
    order.modified = order.consumer_reviewed_at;
    if (startsLater(this.db, order.project_uuid, this.clock.now())) {
      this.dispatchApproved(order);
    } else {
      order.state = 'executing';
      orderApproved(this.db, this.eventSource(user), order);
      this.tasks.scheduleOrder(order);
    }
    this.changed();
  }

  /**
   * A consumer approver rejects a pending order (`reject_by_consumer`; the console never does):
   * `marketplace_order_rejected` is logged (./callbacks).
   */
  rejectOrder(orderUuid: string, username = 'alice') {
    const order = this.db.orders.find((o) => o.uuid === orderUuid);
    if (order?.state !== 'pending-consumer') throw new Error('No pending order to reject');
    order.consumer_reviewed_by = this.user(username).uuid;
    order.consumer_reviewed_at = this.now();
    orderEnded(this.db, this.eventSource(this.user(username)), order, 'rejected');
    this.changed();
  }

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
        if (
          this.serverErrors.count > 0 &&
          (!this.serverErrors.path || url.pathname === this.serverErrors.path)
        ) {
          this.serverErrors.count -= 1;
          response = djangoServerErrorPage();
        } else {
          const user =
            options.auth === false ? (null as unknown as UserRecord) : this.authenticate(request);
          this.actor = user;
          const flatParams: Record<string, string> = {};
          for (const [key, value] of Object.entries(params)) {
            if (typeof value === 'string') flatParams[key] = value;
          }
          response = await fn({
            request,
            url,
            params: flatParams,
            user,
            viewer: user,
            origin: url.origin,
            db: this.db,
            legacyStates: this.legacyStates,
            version: this.current.version,
            backend: this,
          });
        }
      } catch (error) {
        if (!(error instanceof DrfError)) throw error;
        response = error.toResponse();
      } finally {
        this.actor = null;
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
      // The work is done and logged with its real status; across origins the page never reads it.
      if (this.current.acrossOrigins && hiddenAcrossOrigins(response.status))
        return Response.error();
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
