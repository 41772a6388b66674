// Which Waldur the demo plays (contract-lifecycle §8): kept per browser in localStorage, like the
// demo speed (./speed.ts), so it survives a reload and a "Reset demo data". What each setting
// changes lives with the code it changes; this file has the storage and the rules shared by
// several endpoints.
import { DEFAULT_DEPLOYMENT, type DemoDeployment } from '@/lib/demo-controls';

export const DEPLOYMENT_KEY = 'volume-console:demo-deployment';

const VERSIONS: readonly DemoDeployment['version'][] = ['7.x', '8.x', 'newer'];

/** A stored (or sent) deployment, with anything missing or unknown taken from the default. */
export function normalizeDeployment(value: unknown): DemoDeployment {
  const stored = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const flag = (key: keyof DemoDeployment) =>
    typeof stored[key] === 'boolean' ? (stored[key] as boolean) : DEFAULT_DEPLOYMENT[key];
  return {
    version: VERSIONS.includes(stored.version as DemoDeployment['version'])
      ? (stored.version as DemoDeployment['version'])
      : DEFAULT_DEPLOYMENT.version,
    requireAvailabilityZone: flag('requireAvailabilityZone') as boolean,
    acrossOrigins: flag('acrossOrigins') as boolean,
    futureProjectStart: flag('futureProjectStart') as boolean,
  };
}

/**
 * The Waldur-shaped server's control (`/__control/deployment?version=7.x|8.x|newer&zone=0|1&
 * future=0|1`, test/servers/waldur-server.ts): each parameter given changes its setting, the rest
 * stay; null for an unknown version. Across origins is the server's own CORS mode, not set here.
 */
export function deploymentFromQuery(
  current: DemoDeployment,
  query: URLSearchParams,
): DemoDeployment | null {
  const version = query.get('version') ?? current.version;
  if (!VERSIONS.includes(version as DemoDeployment['version'])) return null;
  const flag = (name: string, now: boolean) => (query.has(name) ? query.get(name) === '1' : now);
  return {
    ...current,
    version: version as DemoDeployment['version'],
    requireAvailabilityZone: flag('zone', current.requireAvailabilityZone),
    futureProjectStart: flag('future', current.futureProjectStart),
  };
}

export function readDeployment(): DemoDeployment {
  try {
    return normalizeDeployment(JSON.parse(localStorage.getItem(DEPLOYMENT_KEY) ?? 'null'));
  } catch {
    return { ...DEFAULT_DEPLOYMENT };
  }
}

export function writeDeployment(deployment: DemoDeployment) {
  try {
    localStorage.setItem(DEPLOYMENT_KEY, JSON.stringify(deployment));
  } catch {
    // the choice lasts as long as the page
  }
}

/**
 * `DescribableMixin.description`'s `max_length`: `DESCRIPTION_LENGTH = 2000` in the 2024 snapshot
 * (waldur_core/core/models.py), 4096 in schema 8.0.5. DRF's model serializers check it.
 */
export const descriptionMaxLength = (server: { version?: DemoDeployment['version'] }) =>
  server.version === '7.x' ? 2000 : 4096;

/**
 * Mastermind's stock nginx adds its CORS headers without `always` (contract-lifecycle §6 E1): a
 * page on another origin reads only 200, 201, 204, 206 and 3xx answers; the rest (every 202, 4xx
 * and 5xx) reach it as a network error.
 */
export const hiddenAcrossOrigins = (status: number) => status === 202 || status >= 400;
