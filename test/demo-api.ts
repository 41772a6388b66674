import { expect } from 'vitest';
import type { VolumeRecord } from '@/mocks/db';
import { TEST_ORIGIN } from '@/mocks/node';
import type { DemoPersona } from '@/mocks/seed/users';
import { DEMO_PERSONAS } from '@/mocks/seed/users';
import { findVolume, instanceOf, type VolumePredicate } from './seed-queries';
import { getBackend } from './setup';

/** Talks to the test's demo backend directly, as an API client would. */
export interface ApiResult {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export async function call(
  method: string,
  path: string,
  options: {
    body?: unknown;
    as?: DemoPersona | null;
    headers?: Record<string, string>;
    raw?: string;
  } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.as !== null) {
    headers.Authorization ??= `Token ${getBackend().user(DEMO_PERSONAS[options.as ?? 'staff']).token}`;
  }
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${TEST_ORIGIN}${path}`, {
    method,
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text)
    parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export const volumeUrl = (uuid: string) => `/api/openstack-volumes/${uuid}/`;
export const link = (collection: string, uuid: string) =>
  `${TEST_ORIGIN}/api/${collection}/${uuid}/`;

/** A volume's state fields, read as an API client would. */
export async function stateOf(uuid: string) {
  const { body } = await call(
    'GET',
    `${volumeUrl(uuid)}?field=state&field=runtime_state&field=action&field=error_message`,
  );
  return body as { state: string; runtime_state: string; action: string; error_message: string };
}

/** The first volume of the test's demo backend that `predicate` matches. */
export const demoVolume = (predicate: VolumePredicate) => findVolume(getBackend().db, predicate);

/** The instance a volume of the test's demo backend is attached to. */
export const demoInstanceOf = (volume: VolumeRecord) => instanceOf(getBackend().db, volume);

/**
 * Moves the demo clock `ms` on and checks that the volume changes exactly then: it still matches
 * `before` 1 ms earlier, and matches `after` at `ms`.
 */
export async function expectChangeAt(
  uuid: string,
  ms: number,
  before: Partial<Awaited<ReturnType<typeof stateOf>>>,
  after: Partial<Awaited<ReturnType<typeof stateOf>>>,
) {
  getBackend().clock.advance(ms - 1);
  expect(await stateOf(uuid)).toMatchObject(before);
  getBackend().clock.advance(1);
  expect(await stateOf(uuid)).toMatchObject(after);
}

/** The event types in a volume's (or another object's) feed, newest first. */
export async function historyOf(
  volumeUuid: string,
  collection = 'openstack-volumes',
  uuid = volumeUuid,
): Promise<string[]> {
  const scope = encodeURIComponent(link(collection, uuid));
  const { body } = await call('GET', `/api/events/?scope=${scope}&page_size=50`);
  return (body as { event_type: string }[]).map((e) => e.event_type);
}
