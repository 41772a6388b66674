// Who may see and change what, as Waldur's role filters decide: staff and support see everything;
// others see the projects where they hold any role, directly or as the owner of the customer.
// Changing needs `permissions.is_administrator`: staff, customer owner, project admin or manager
// (not a project member).
import type { Db, UserRecord } from './db';

export function seesEverything(user: UserRecord) {
  return user.is_staff || user.is_support;
}

/** Projects where the user has a role, directly or as owner of the customer. */
export function projectsOf(db: Db, user: UserRecord): Set<string> {
  const projects = new Set<string>();
  for (const role of user.roles) {
    if (role.role === 'CUSTOMER.OWNER') {
      for (const p of db.projects) if (p.customer_uuid === role.scope_uuid) projects.add(p.uuid);
    } else {
      projects.add(role.scope_uuid);
    }
  }
  return projects;
}

const MANAGING = new Set(['PROJECT.ADMIN', 'PROJECT.MANAGER']);

/** Projects the user administers: as their admin or manager, or as the owner of the customer. */
export function managedProjects(db: Db, user: UserRecord): Set<string> {
  const projects = new Set<string>();
  for (const role of user.roles) {
    if (role.role === 'CUSTOMER.OWNER') {
      for (const p of db.projects) if (p.customer_uuid === role.scope_uuid) projects.add(p.uuid);
    } else if (MANAGING.has(role.role)) {
      projects.add(role.scope_uuid);
    }
  }
  return projects;
}

export function canSee(db: Db, user: UserRecord, projectUuid: string) {
  return seesEverything(user) || projectsOf(db, user).has(projectUuid);
}

export function canAdminister(db: Db, user: UserRecord, projectUuid: string) {
  return user.is_staff || managedProjects(db, user).has(projectUuid);
}

export function visible<T extends { project_uuid: string }>(db: Db, user: UserRecord, items: T[]) {
  if (seesEverything(user)) return items;
  const projects = projectsOf(db, user);
  return items.filter((item) => projects.has(item.project_uuid));
}

function ownsCustomerOf(db: Db, user: UserRecord, projectUuid: string) {
  const customer = db.projects.find((p) => p.uuid === projectUuid)?.customer_uuid;
  return user.roles.some((r) => r.role === 'CUSTOMER.OWNER' && r.scope_uuid === customer);
}

/** `ORDER.APPROVE` on the project or its customer: customer owners, and staff. */
export function canApproveOrders(db: Db, user: UserRecord, projectUuid: string) {
  return user.is_staff || ownsCustomerOf(db, user, projectUuid);
}

/**
 * `order_should_not_be_reviewed_by_consumer` (contract-lifecycle §2.6): staff and approvers skip
 * review; for a private offering (neither billable nor shared) so do holders of
 * `ORDER.APPROVE_PRIVATE`: project admins and managers, and customer owners.
 */
export function skipsConsumerReview(
  db: Db,
  user: UserRecord,
  offering: { billable: boolean; shared: boolean },
  projectUuid: string,
) {
  if (canApproveOrders(db, user, projectUuid)) return true;
  const isPrivate = !offering.billable && !offering.shared;
  return isPrivate && managedProjects(db, user).has(projectUuid);
}
