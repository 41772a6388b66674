// The demo's users, one per persona: staff, a project admin of three projects, support, and a
// project member (of two projects; manager of a third).
import type { ProjectRecord, UserRecord } from '../db';
import { DAY } from './catalogue';
import type { SeedContext } from './context';

/** The demo users: who each one is, for the persona switcher and for tests. */
export const DEMO_PERSONAS = {
  staff: 'alice',
  admin: 'pat',
  support: 'sam',
  member: 'mia',
} as const;
export type DemoPersona = keyof typeof DEMO_PERSONAS;

export function seedUsers({ random, ago }: SeedContext, projects: ProjectRecord[]): UserRecord[] {
  return [
    {
      uuid: random.uuid(),
      username: 'alice',
      full_name: 'Alice Tamm',
      email: 'alice@example.org',
      is_staff: true,
      is_support: false,
      is_active: true,
      token: random.hex(40),
      roles: [],
      date_joined: ago(500 * DAY, 800 * DAY),
    },
    {
      uuid: random.uuid(),
      username: 'pat',
      full_name: 'Pat Kask',
      email: 'pat@ari.example.org',
      is_staff: false,
      is_support: false,
      is_active: true,
      token: random.hex(40),
      roles: [0, 1, 2].map((p) => ({
        scope_uuid: projects[p]!.uuid,
        role: 'PROJECT.ADMIN' as const,
        created: ago(30 * DAY, 90 * DAY),
      })),
      date_joined: ago(100 * DAY, 300 * DAY),
    },
    {
      uuid: random.uuid(),
      username: 'sam',
      full_name: 'Sam Saar',
      email: 'sam@support.example.org',
      is_staff: false,
      is_support: true,
      is_active: true,
      token: random.hex(40),
      roles: [],
      date_joined: ago(100 * DAY, 300 * DAY),
    },
    {
      uuid: random.uuid(),
      username: 'mia',
      full_name: 'Mia Mets',
      email: 'mia@bor.example.org',
      is_staff: false,
      is_support: false,
      is_active: true,
      token: random.hex(40),
      roles: [
        ...[3, 4].map((p) => ({
          scope_uuid: projects[p]!.uuid,
          role: 'PROJECT.MEMBER' as const,
          created: ago(30 * DAY, 90 * DAY),
        })),
        {
          scope_uuid: projects[2]!.uuid,
          role: 'PROJECT.MANAGER' as const,
          created: ago(DAY, 9 * DAY),
        },
      ],
      date_joined: ago(30 * DAY, 90 * DAY),
    },
  ];
}
