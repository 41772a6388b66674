// What every part of the seed shares: one seeded random sequence (so the demo world is the same on
// every machine), the seed's "now", and the fields every resource starts with.
import { isoMicro } from '../clock';
import type { MarketplaceInfo, ResourceBase, TenantRecord } from '../db';
import { createRandom, type Random } from '../random';
import { DAY, HOUR } from './catalogue';

export interface SeedContext {
  random: Random;
  now: number;
  /** A datetime between `min` and `max` milliseconds before now. */
  ago(min: number, max: number): string;
}

export function seedContext(now: number, seed: number): SeedContext {
  const random = createRandom(seed);
  return { random, now, ago: (min, max) => isoMicro(now - random.int(min, max)) };
}

export function marketplace(random: Random, state: string): MarketplaceInfo | null {
  if (random.chance(0.12)) return null; // imported volumes have no marketplace resource
  const resource_state =
    state === 'OK'
      ? 'OK'
      : state === 'ERRED'
        ? 'Erred'
        : state.startsWith('CREAT')
          ? 'Creating'
          : state.startsWith('DELET')
            ? 'Terminating'
            : 'Updating';
  return {
    offering_uuid: 'a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d',
    offering_name: 'OpenStack volumes (Tartu)',
    category_uuid: '6dfc3a0b2b8b4d1f9a1e5c7d9b3f2e10',
    category_name: 'Block storage',
    resource_uuid: random.uuid(),
    plan_uuid: random.chance(0.5) ? 'f0e1d2c3b4a54968a7b6c5d4e3f2a1b0' : null,
    resource_state,
    is_usage_based: false,
    is_limit_based: true,
  };
}

/** A resource of a tenant in the given state, created some days ago, modified lately. */
export function resourceBase(
  { random, ago }: SeedContext,
  tenant: TenantRecord,
  name: string,
  state: string,
  runtime_state: string,
): ResourceBase {
  return {
    uuid: random.uuid(),
    name,
    description: '',
    project_uuid: tenant.project_uuid,
    tenant_uuid: tenant.uuid,
    service_settings_uuid: tenant.service_settings_uuid,
    state,
    runtime_state,
    action: '',
    action_details: {},
    error_message: '',
    error_traceback: '',
    backend_id: random.uuid().replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
    created: ago(2 * DAY, 300 * DAY),
    modified: ago(HOUR, 2 * DAY),
    marketplace: marketplace(random, state),
  };
}
