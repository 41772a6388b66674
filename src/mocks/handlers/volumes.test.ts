import { describe, expect, it } from 'vitest';
import { call, demoVolume, expectChangeAt, link, stateOf, volumeUrl } from '../../../test/demo-api';
import { okAvailable, okAvailableTyped, otherTypeOf } from '../../../test/seed-queries';
import { getBackend } from '../../../test/setup';
import { TIMING } from '../tasks';

// The demo backend's volume endpoint apart from its actions: the state walk after an accepted action,
// PUT/PATCH, staff unlink, and Django's routing answers (contract.md §3, §6).
const backend = () => getBackend();

describe('after an accepted action, the demo walks like Waldur (contract §3.3, lifecycle §6)', () => {
  it('UPDATE_SCHEDULED at once, UPDATING at the first task (2 s), OK at the first poll after Cinder is done (every 5 s)', async () => {
    const v = demoVolume(okAvailable);
    const response = await call('POST', `${volumeUrl(v.uuid)}extend/`, {
      body: { disk_size: v.size + 1024 },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ status: 'extend was scheduled' });
    const scheduled = (await call('GET', volumeUrl(v.uuid))).body as Record<string, unknown>;
    expect(scheduled).toMatchObject({
      state: 'UPDATE_SCHEDULED',
      size: v.size,
      action: 'Extend',
      action_details: {
        message: `Extend volume from ${v.size - 1024} MB to ${v.size} MB`,
        old_size: v.size - 1024,
        new_size: v.size,
      },
    });
    await expectChangeAt(
      v.uuid,
      TIMING.firstTaskMs,
      { state: 'UPDATE_SCHEDULED' },
      { state: 'UPDATING', runtime_state: 'extending', action: 'Extend' },
    );
    // Cinder needs 4 s; Waldur reads it at the first task and every 5 s after: OK at 2 + 5 s.
    await expectChangeAt(
      v.uuid,
      TIMING.pollEveryMs,
      { state: 'UPDATING' },
      { state: 'OK', runtime_state: 'available', action: '' },
    );
    expect(
      ((await call('GET', volumeUrl(v.uuid))).body as { action_details: unknown }).action_details,
    ).toEqual({});
  });

  it('retype starts polling 10 s after its first task, so it settles at 2 + 10 s', async () => {
    const v = demoVolume(okAvailableTyped);
    const other = otherTypeOf(backend().db, v);
    await call('POST', `${volumeUrl(v.uuid)}retype/`, {
      body: { type: link('openstack-volume-types', other.uuid) },
    });
    await expectChangeAt(
      v.uuid,
      TIMING.firstTaskMs + TIMING.slowPollStartMs,
      { state: 'UPDATING', runtime_state: 'retyping' },
      { state: 'OK', runtime_state: 'available' },
    );
  });

  it('a failed backend call ends ERRED at the first task; runtime_state stays what Cinder last reported', async () => {
    const v = demoVolume(okAvailableTyped);
    backend().injectFailure({
      operation: 'retype',
      volume_uuid: v.uuid,
      message: 'Cinder said no',
      remaining: 1,
    });
    const other = otherTypeOf(backend().db, v);
    expect(
      (
        await call('POST', `${volumeUrl(v.uuid)}retype/`, {
          body: { type: link('openstack-volume-types', other.uuid) },
        })
      ).status,
    ).toBe(202);
    await expectChangeAt(
      v.uuid,
      TIMING.firstTaskMs,
      { state: 'UPDATE_SCHEDULED' },
      { state: 'ERRED', runtime_state: 'available', action: '', error_message: 'Cinder said no' },
    );
    expect(backend().db.failures).toEqual([]);
  });
});

describe('PATCH and PUT', () => {
  it('saves name, description and bootable at once and answers 200 with the volume, UPDATE_SCHEDULED', async () => {
    const v = demoVolume(okAvailable);
    const response = await call('PATCH', volumeUrl(v.uuid), {
      body: { name: '  renamed  ', size: 1, bootable: 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      uuid: v.uuid,
      name: 'renamed',
      bootable: true,
      size: v.size,
      state: 'UPDATE_SCHEDULED',
    });
    backend().clock.advance(5000);
    expect((await stateOf(v.uuid)).state).toBe('OK');
  });

  it('refuses with the serializer’s messages', async () => {
    const v = demoVolume(okAvailable);
    expect((await call('PATCH', volumeUrl(v.uuid), { body: { name: ' ' } })).body).toEqual({
      name: ['This field may not be blank.'],
    });
    expect(
      (await call('PATCH', volumeUrl(v.uuid), { body: { name: 'x'.repeat(151) } })).body,
    ).toEqual({
      name: ['Ensure this field has no more than 150 characters.'],
    });
    expect(
      (
        await call('PATCH', volumeUrl(v.uuid), {
          body: { description: 'x'.repeat(4097), bootable: 'maybe' },
        })
      ).body,
    ).toEqual({
      description: ['Ensure this field has no more than 4096 characters.'],
      bootable: ['Must be a valid boolean.'],
    });
    expect(
      (await call('PUT', volumeUrl(v.uuid), { body: { description: 'no name' } })).body,
    ).toEqual({
      name: ['This field is required.'],
    });
  });

  it('409 unless OK; 403 for support users; 404 for other users’ volumes', async () => {
    const busy = demoVolume((v) => v.state === 'UPDATING');
    expect(await call('PATCH', volumeUrl(busy.uuid), { body: { name: 'x' } })).toMatchObject({
      status: 409,
      body: { detail: 'Valid states for operation: OK.' },
    });
    const v = demoVolume(okAvailable);
    expect(
      await call('PATCH', volumeUrl(v.uuid), { body: { name: 'x' }, as: 'support' }),
    ).toMatchObject({
      status: 403,
      body: { detail: 'You do not have permission to perform this action.' },
    });
    const pat = backend().user('pat');
    const foreign = demoVolume((x) => !pat.roles.some((r) => r.scope_uuid === x.project_uuid));
    expect(
      await call('PATCH', volumeUrl(foreign.uuid), { body: { name: 'x' }, as: 'admin' }),
    ).toMatchObject({
      status: 404,
      body: { detail: 'No Volume matches the given query.' },
    });
  });
});

describe('unlink', () => {
  it('staff: 204, and the volume is gone', async () => {
    const v = demoVolume((x) => x.state === 'DELETING');
    const response = await call('POST', `${volumeUrl(v.uuid)}unlink/`);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(await call('GET', volumeUrl(v.uuid))).toMatchObject({
      status: 404,
      body: { detail: 'No Volume matches the given query.' },
    });
  });

  it('403 for anyone else, checked before the volume is even looked up', async () => {
    const v = demoVolume(okAvailable);
    for (const persona of ['admin', 'support'] as const) {
      expect(await call('POST', `${volumeUrl(v.uuid)}unlink/`, { as: persona })).toMatchObject({
        status: 403,
        body: { detail: 'You do not have permission to perform this action.' },
      });
    }
    expect(
      (await call('POST', `${volumeUrl('0'.repeat(32))}unlink/`, { as: 'support' })).status,
    ).toBe(403);
    expect((await call('POST', `${volumeUrl('0'.repeat(32))}unlink/`)).status).toBe(404);
  });
});

describe('routing', () => {
  it('405 for creating or deleting volumes (done through the marketplace)', async () => {
    expect(await call('POST', '/api/openstack-volumes/', { body: {} })).toMatchObject({
      status: 405,
      body: { detail: 'Method "POST" not allowed.' },
    });
    const v = demoVolume(okAvailable);
    expect(await call('DELETE', volumeUrl(v.uuid))).toMatchObject({
      status: 405,
      body: { detail: 'Method "DELETE" not allowed.' },
    });
    expect(await call('GET', `${volumeUrl(v.uuid)}attach/`)).toMatchObject({
      status: 405,
      body: { detail: 'Method "GET" not allowed.' },
    });
  });

  it('404 "Not found." for a malformed UUID, Django’s HTML page for an unrouted path, 301 without the slash', async () => {
    expect(await call('GET', '/api/openstack-volumes/xyz/')).toMatchObject({
      status: 404,
      body: { detail: 'Not found.' },
    });
    const unrouted = await call('GET', '/api/no-such-thing/');
    expect(unrouted.status).toBe(404);
    expect(unrouted.headers.get('content-type')).toContain('text/html');
    const redirect = await call('GET', '/api/openstack-volumes?page=2');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('http://localhost/api/openstack-volumes/?page=2');
  });

  it('415 for a body that is not JSON; 400 for malformed JSON', async () => {
    const v = demoVolume(okAvailable);
    expect(
      await call('PATCH', volumeUrl(v.uuid), {
        raw: 'name=x',
        headers: { 'Content-Type': 'text/plain' },
      }),
    ).toMatchObject({
      status: 415,
      body: { detail: 'Unsupported media type "text/plain" in request.' },
    });
    const malformed = await call('PATCH', volumeUrl(v.uuid), {
      raw: '{"name":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((malformed.body as { detail: string }).detail).toMatch(/^JSON parse error - /);
  });
});
