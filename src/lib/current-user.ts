// The signed-in user (`/api/users/me/`): staff and support flags and role permissions decide which
// actions the console offers. Shared by every feature, hence here rather than in one of them.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { t } from './i18n';
import { api } from './session';
import { flag, lenient, texts } from './zod';

const permissionSchema = z.looseObject({
  ...texts('role_name', 'scope_type', 'scope_uuid', 'scope_name', 'customer_uuid'),
});

export const currentUserSchema = z.looseObject({
  uuid: z.string(),
  ...texts('username', 'full_name', 'email'),
  is_staff: flag,
  is_support: flag,
  permissions: lenient(z.array(permissionSchema)),
});
export type CurrentUser = z.output<typeof currentUserSchema>;

export const currentUserKey = ['users', 'me'] as const;

export function currentUserQuery() {
  return queryOptions({
    queryKey: currentUserKey,
    queryFn: ({ signal }) =>
      api().get('api/users/me', currentUserSchema, {
        signal,
        params: {
          field: [
            'uuid',
            'username',
            'full_name',
            'email',
            'is_staff',
            'is_support',
            'permissions',
          ],
        },
      }),
    staleTime: 5 * 60_000,
  });
}

export function displayName(user: CurrentUser | undefined) {
  return user?.full_name || user?.username || user?.email || t('Signed-in user');
}

const MANAGING_ROLES = new Set(['PROJECT.ADMIN', 'PROJECT.MANAGER']);

export type Permission = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether Waldur will let this user change a resource (`permissions.is_administrator`): staff, the
 * customer's owner, or an admin or manager of the project. When the server does not report roles,
 * the console lets the backend decide.
 */
export function canManage(
  user: CurrentUser | undefined,
  resource: {
    project_uuid?: string | null;
    customer_uuid?: string | null;
    project_name?: string | null;
  },
): Permission {
  if (!user || user.is_staff) return { allowed: true };
  const permissions = user.permissions;
  if (!permissions) return { allowed: true };
  const allowed = permissions.some(
    (p) =>
      (p.role_name && MANAGING_ROLES.has(p.role_name) && p.scope_uuid === resource.project_uuid) ||
      (p.role_name === 'CUSTOMER.OWNER' && p.scope_uuid === resource.customer_uuid),
  );
  if (allowed) return { allowed: true };
  if (user.is_support) {
    return {
      allowed: false,
      reason: t('Support users have read-only access: ask the project’s admin or staff.'),
    };
  }
  return {
    allowed: false,
    reason: resource.project_name
      ? t('You need to be an admin or manager of project {project}.', {
          project: resource.project_name,
        })
      : t('You need to be an admin or manager of this project.'),
  };
}
