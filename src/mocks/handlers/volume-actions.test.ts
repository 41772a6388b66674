import { describe, expect, it } from 'vitest';
import { call, demoInstanceOf, demoVolume, link, stateOf, volumeUrl } from '../../../test/demo-api';
import { attachedTo, okAvailable, otherTypeOf } from '../../../test/seed-queries';
import { getBackend } from '../../../test/setup';
import type { VolumeRecord } from '../db';
import { TIGHT_QUOTA_TENANT } from '../seed/catalogue';
import { settleAfterMs, TIMING } from '../tasks';

// The demo backend's volume actions against ../shared/waldur-api/contract.md §3: validators in the
// backend's order, exact status codes and messages, and what an accepted action saves at once.
const backend = () => getBackend();

describe('attach', () => {
  it('202, saves the instance at once, and ends in-use on a free device', async () => {
    const v = demoVolume(okAvailable);
    const instance = backend().db.instances.find(
      (i) =>
        i.project_uuid === v.project_uuid &&
        i.tenant_uuid === v.tenant_uuid &&
        i.state === 'OK' &&
        i.runtime_state === 'ACTIVE',
    )!;
    const response = await call('POST', `${volumeUrl(v.uuid)}attach/`, {
      body: { instance: link('openstack-instances', instance.uuid) },
    });
    expect(response).toMatchObject({ status: 202, body: { status: 'attach was scheduled' } });
    const now = (await call('GET', volumeUrl(v.uuid))).body as Record<string, unknown>;
    expect(now).toMatchObject({
      instance: link('openstack-instances', instance.uuid),
      instance_name: instance.name,
      runtime_state: 'available',
      state: 'UPDATE_SCHEDULED',
      action: 'Attach',
      action_details: { message: `Attach volume to instance ${instance.name}` },
    });
    backend().clock.advance(TIMING.firstTaskMs);
    expect((await stateOf(v.uuid)).runtime_state).toBe('attaching');
    backend().clock.advance(settleAfterMs('attach'));
    const done = (await call('GET', volumeUrl(v.uuid))).body as {
      runtime_state: string;
      device: string;
    };
    expect(done.runtime_state).toBe('in-use');
    expect(done.device).toMatch(/^\/dev\/vd[b-z]$/);
  });

  it('accepts a path-only hyperlink', async () => {
    const v = demoVolume(okAvailable);
    const instance = backend().db.instances.find(
      (i) => i.project_uuid === v.project_uuid && i.state === 'OK' && i.runtime_state === 'SHUTOFF',
    )!;
    expect(
      (
        await call('POST', `${volumeUrl(v.uuid)}attach/`, {
          body: { instance: `/api/openstack-instances/${instance.uuid}/` },
        })
      ).status,
    ).toBe(202);
  });

  it('checks the runtime state first, then the state (409)', async () => {
    // Fails both checks: only the order decides which message comes back.
    const both = demoVolume((v) => v.state === 'ERRED' && v.runtime_state === 'error');
    expect((await call('POST', `${volumeUrl(both.uuid)}attach/`, { body: {} })).body).toEqual({
      detail: 'Valid runtime states for operation: available.',
    });
    const erred = demoVolume((v) => v.state === 'ERRED' && v.runtime_state === 'available');
    expect((await call('POST', `${volumeUrl(erred.uuid)}attach/`, { body: {} })).body).toEqual({
      detail: 'Valid states for operation: OK.',
    });
  });

  it('400 for each way the instance field can be wrong', async () => {
    const v = demoVolume(okAvailable);
    const post = async (body: unknown) =>
      (await call('POST', `${volumeUrl(v.uuid)}attach/`, { body })).body;
    const db = backend().db;
    const erred = db.instances.find((i) => i.project_uuid === v.project_uuid && i.state !== 'OK');
    const otherProject = db.instances.find(
      (i) => i.project_uuid !== v.project_uuid && i.state === 'OK' && i.runtime_state === 'ACTIVE',
    )!;
    expect(await post({})).toEqual({ instance: ['This field is required.'] });
    expect(await post({ instance: null })).toEqual({ instance: ['This field may not be null.'] });
    expect(await post({ instance: 42 })).toEqual({
      instance: ['Incorrect type. Expected URL string, received int.'],
    });
    expect(await post({ instance: 'https://x.example/api/nothing-here/1/' })).toEqual({
      instance: ['Invalid hyperlink - No URL match.'],
    });
    expect(await post({ instance: link('openstack-volumes', v.uuid) })).toEqual({
      instance: ['Invalid hyperlink - Incorrect URL match.'],
    });
    expect(await post({ instance: link('openstack-instances', 'f'.repeat(32)) })).toEqual({
      instance: ['Invalid hyperlink - Object does not exist.'],
    });
    expect(erred).toBeDefined();
    expect(await post({ instance: link('openstack-instances', erred!.uuid) })).toEqual({
      instance: ['Volume can be attached only to shutoff or active instance in OK state.'],
    });
    expect(await post({ instance: link('openstack-instances', otherProject.uuid) })).toEqual({
      instance: ['Volume and instance should belong to the same service and project.'],
    });
    expect((await stateOf(v.uuid)).state).toBe('OK'); // a refused request changes nothing
  });

  it('refuses an instance in an availability zone that does not map to the volume’s', async () => {
    const db = backend().db;
    const zoned = db.tenants.find((t) => Object.keys(t.valid_availability_zones).length > 0)!;
    const instance = db.instances.find(
      (i) => i.tenant_uuid === zoned.uuid && i.availability_zone_name === 'zone-b',
    )!;
    const v = demoVolume(
      (x) =>
        okAvailable(x, backend().db) &&
        x.tenant_uuid === zoned.uuid &&
        x.availability_zone_uuid !== null &&
        x.project_uuid === instance.project_uuid,
    );
    expect(
      (
        await call('POST', `${volumeUrl(v.uuid)}attach/`, {
          body: { instance: link('openstack-instances', instance.uuid) },
        })
      ).body,
    ).toEqual({
      instance: [
        'Volume cannot be attached to virtual machine related to the other availability zone.',
      ],
    });
  });
});

describe('detach', () => {
  it('202; instance and device are cleared when it starts running, not when it ends (E5)', async () => {
    const v = demoVolume(attachedTo((i) => i.state === 'OK'));
    expect(await call('POST', `${volumeUrl(v.uuid)}detach/`)).toMatchObject({
      status: 202,
      body: { status: 'detach was scheduled' },
    });
    expect(
      ((await call('GET', volumeUrl(v.uuid))).body as { action_details: unknown }).action_details,
    ).toEqual({
      message: `Detach volume from instance ${demoInstanceOf(v).name}`,
    });
    backend().clock.advance(TIMING.firstTaskMs - 1);
    expect((await call('GET', volumeUrl(v.uuid))).body).toMatchObject({
      state: 'UPDATE_SCHEDULED',
      instance: link('openstack-instances', demoInstanceOf(v).uuid),
    });
    backend().clock.advance(1);
    const running = (await call('GET', volumeUrl(v.uuid))).body as Record<string, unknown>;
    expect(running).toMatchObject({
      state: 'UPDATING',
      runtime_state: 'detaching',
      instance: null,
      device: '',
    });
    expect(running).not.toHaveProperty('instance_name');
    backend().clock.advance(settleAfterMs('detach'));
    expect((await call('GET', volumeUrl(v.uuid))).body).toMatchObject({
      state: 'OK',
      runtime_state: 'available',
      instance: null,
      device: '',
    });
  });

  it('409 in the validators’ order: bootable, not attached, runtime state, state', async () => {
    const detach = async (v: VolumeRecord) =>
      (await call('POST', `${volumeUrl(v.uuid)}detach/`)).body;
    expect(await detach(demoVolume((v) => v.bootable && v.state === 'OK'))).toEqual({
      detail: 'Volume cannot be bootable.',
    });
    expect(await detach(demoVolume(okAvailable))).toEqual({
      detail: 'Volume is not attached to an instance.',
    });
    const detaching = demoVolume((v) => v.runtime_state === 'detaching' && !v.bootable);
    expect(await detach(detaching)).toEqual({
      detail: 'Valid runtime states for operation: in-use.',
    });
    const scheduled = demoVolume(
      (v) => v.state === 'UPDATE_SCHEDULED' && v.runtime_state === 'in-use' && !v.bootable,
    );
    expect(await detach(scheduled)).toEqual({ detail: 'Valid states for operation: OK.' });
  });
});

describe('extend', () => {
  it('saves the new size at once; an attached volume is detached, extended and attached again, its instance moving too', async () => {
    const v = demoVolume(attachedTo((i) => i.state === 'OK' && i.runtime_state === 'SHUTOFF'));
    const instance = demoInstanceOf(v);
    expect(
      (await call('POST', `${volumeUrl(v.uuid)}extend/`, { body: { disk_size: v.size + 2048 } }))
        .status,
    ).toBe(202);
    expect(
      (await call('GET', `/api/openstack-instances/${instance.uuid}/`)).body as Record<
        string,
        unknown
      >,
    ).toMatchObject({
      state: 'UPDATE_SCHEDULED',
      action: 'Extend volume',
    });
    const instanceState = async () =>
      ((await call('GET', `/api/openstack-instances/${instance.uuid}/`)).body as { state: string })
        .state;
    const attachedInstance = async () =>
      ((await call('GET', volumeUrl(v.uuid))).body as { instance: string | null }).instance;
    const step = settleAfterMs('detach');
    backend().clock.advance(TIMING.firstTaskMs);
    expect(await stateOf(v.uuid)).toMatchObject({ state: 'UPDATING', runtime_state: 'detaching' });
    expect(await attachedInstance()).toBeNull();
    expect(await instanceState()).toBe('UPDATING');
    backend().clock.advance(step);
    expect(await stateOf(v.uuid)).toMatchObject({ state: 'UPDATING', runtime_state: 'extending' });
    backend().clock.advance(step);
    expect(await stateOf(v.uuid)).toMatchObject({ state: 'UPDATING', runtime_state: 'attaching' });
    expect(await attachedInstance()).toBe(link('openstack-instances', instance.uuid));
    backend().clock.advance(step);
    expect(await stateOf(v.uuid)).toMatchObject({ state: 'OK', runtime_state: 'in-use' });
    expect(
      (
        (await call('GET', `/api/openstack-instances/${instance.uuid}/`)).body as Record<
          string,
          unknown
        >
      ).state,
    ).toBe('OK');
  });

  it('409 in the validators’ order: bootable, instance not OK, instance not shut off, state', async () => {
    const extend = async (v: VolumeRecord) =>
      (await call('POST', `${volumeUrl(v.uuid)}extend/`, { body: { disk_size: 1 } })).body;
    expect(await extend(demoVolume((v) => v.bootable && v.state === 'OK'))).toEqual({
      detail: 'Volume cannot be bootable.',
    });
    const onBroken = backend().db.instances.find((i) => i.state === 'ERRED')!;
    const target = demoVolume(okAvailable);
    target.instance_uuid = onBroken.uuid;
    expect(await extend(target)).toEqual({ detail: 'Volume instance should be in OK state.' });
    expect(
      await extend(demoVolume(attachedTo((i) => i.state === 'OK' && i.runtime_state === 'ACTIVE'))),
    ).toEqual({
      detail: 'Volume instance should be in shutoff state.',
    });
    expect(
      await extend(demoVolume((v) => v.state === 'ERRED' && !v.bootable && !v.instance_uuid)),
    ).toEqual({
      detail: 'Valid states for operation: OK.',
    });
  });

  it('400: the disk size in MiB, at least the current size + 1024', async () => {
    const v = demoVolume(okAvailable);
    const post = async (body: unknown) =>
      (await call('POST', `${volumeUrl(v.uuid)}extend/`, { body })).body;
    expect(await post({})).toEqual({ disk_size: ['This field is required.'] });
    expect(await post({ disk_size: 'ten' })).toEqual({
      disk_size: ['A valid integer is required.'],
    });
    expect(await post({ disk_size: 1.5 })).toEqual({ disk_size: ['A valid integer is required.'] });
    expect(await post({ disk_size: 0 })).toEqual({
      disk_size: ['Ensure this value is greater than or equal to 1.'],
    });
    expect(await post({ disk_size: v.size + 1023 })).toEqual({
      disk_size: [`Disk size should be greater or equal to ${v.size + 1024}`],
    });
    expect(
      (
        await call('POST', `${volumeUrl(v.uuid)}extend/`, {
          body: { disk_size: String(v.size + 1024) },
        })
      ).status,
    ).toBe(202);
  });

  it('400 with a bare list when the tenant’s storage quota would be exceeded', async () => {
    const tenant = backend().db.tenants[TIGHT_QUOTA_TENANT]!;
    const v = demoVolume((x) => okAvailable(x, backend().db) && x.tenant_uuid === tenant.uuid);
    const limit = tenant.quota_limits.storage!;
    const response = await call('POST', `${volumeUrl(v.uuid)}extend/`, {
      body: { disk_size: v.size + 20 * 1024 },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      `One or more quotas were exceeded: storage quota limit: ${limit}, requires ${limit - 10 * 1024 + 20 * 1024}`,
    ]);
    expect(backend().db.volumes.find((x) => x.uuid === v.uuid)!.size).toBe(v.size);
  });
});

describe('retype', () => {
  it('202, saves the type at once, walks through retyping', async () => {
    const v = demoVolume((x) => okAvailable(x, backend().db) && x.type_uuid !== null);
    const other = otherTypeOf(backend().db, v);
    expect(
      await call('POST', `${volumeUrl(v.uuid)}retype/`, {
        body: { type: link('openstack-volume-types', other.uuid) },
      }),
    ).toMatchObject({
      status: 202,
      body: { status: 'retype was scheduled' },
    });
    expect((await call('GET', `${volumeUrl(v.uuid)}?field=type_name`)).body).toEqual({
      type_name: other.name,
    });
    backend().clock.advance(2000);
    expect((await stateOf(v.uuid)).runtime_state).toBe('retyping');
  });

  it('409 when attached (runtime state before state); 400 for the same type, another tenant’s type, a bad link', async () => {
    const attached = demoVolume(attachedTo(() => true));
    expect((await call('POST', `${volumeUrl(attached.uuid)}retype/`, { body: {} })).body).toEqual({
      detail: 'Valid runtime states for operation: available.',
    });
    const both = demoVolume((v) => v.state === 'ERRED' && v.runtime_state === 'error');
    expect((await call('POST', `${volumeUrl(both.uuid)}retype/`, { body: {} })).body).toEqual({
      detail: 'Valid runtime states for operation: available.',
    });
    const erredAvailable = demoVolume(
      (v) => v.state === 'ERRED' && v.runtime_state === 'available',
    );
    expect(
      (await call('POST', `${volumeUrl(erredAvailable.uuid)}retype/`, { body: {} })).body,
    ).toEqual({
      detail: 'Valid states for operation: OK.',
    });
    const v = demoVolume((x) => okAvailable(x, backend().db) && x.type_uuid !== null);
    const post = async (body: unknown) =>
      (await call('POST', `${volumeUrl(v.uuid)}retype/`, { body })).body;
    const foreign = backend().db.volume_types.find((t) => !t.tenant_uuids.includes(v.tenant_uuid))!;
    expect(await post({ type: null })).toEqual({ type: ['This field may not be null.'] });
    expect(await post({ type: link('openstack-volume-types', v.type_uuid!) })).toEqual({
      type: ['Volume already has requested type.'],
    });
    expect(await post({ type: link('openstack-volume-types', foreign.uuid) })).toEqual({
      type: ['Volume type is not visible in tenant.'],
    });
    expect(await post({ type: link('openstack-instances', 'a'.repeat(32)) })).toEqual({
      type: ['Invalid hyperlink - Incorrect URL match.'],
    });
  });
});

describe('pull', () => {
  it('202 with Waldur’s message; an ERRED volume ends OK with the error cleared', async () => {
    const v = demoVolume((x) => x.state === 'ERRED' && x.backend_id !== null);
    expect(await call('POST', `${volumeUrl(v.uuid)}pull/`)).toMatchObject({
      status: 202,
      body: { detail: 'Pull operation was successfully scheduled.' },
    });
    expect((await stateOf(v.uuid)).action).toBe('Pull');
    backend().clock.advance(5000);
    expect(await stateOf(v.uuid)).toMatchObject({ state: 'OK', error_message: '', action: '' });
  });

  it('409 while in progress; 400 as a bare list without a backend ID', async () => {
    expect(
      (await call('POST', `${volumeUrl(demoVolume((v) => v.state === 'UPDATING').uuid)}pull/`))
        .body,
    ).toEqual({
      detail: 'Valid states for operation: OK, ERRED.',
    });
    const noBackend = demoVolume((v) => v.state === 'OK' && v.backend_id === null);
    expect(await call('POST', `${volumeUrl(noBackend.uuid)}pull/`)).toMatchObject({
      status: 400,
      body: ['Resource does not have backend ID.'],
    });
  });
});
