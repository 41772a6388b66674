// Every endpoint of the OpenAPI subset (test/contract/openapi-subset.yaml), called on the demo backend for its
// success and its errors; each response must validate against the schema (with the contract's
// x-contract-patch corrections, which the subset file already carries), and every documented
// operation must have been exercised.
import { describe, expect, it } from 'vitest';
import { call, link, volumeUrl } from '../demo-api';
import { contract, getBackend } from '../setup';
import { contractChecker } from './checker';
import { OpenApiContract, SPEC_PATHS } from './openapi';

describe('the demo backend against the OpenAPI contract', () => {
  it('answers every documented operation, successes and errors, within the schema', async () => {
    const backend = getBackend();
    const db = backend.db;
    const { check, exercised, problems } = contractChecker();

    const ok = db.volumes.find(
      (v) => v.state === 'OK' && v.runtime_state === 'available' && !v.bootable && v.backend_id,
    )!;
    const attached = db.volumes.find(
      (v) => v.state === 'OK' && v.runtime_state === 'in-use' && !v.bootable,
    )!;
    const instance = db.instances.find(
      (i) => i.project_uuid === ok.project_uuid && i.state === 'OK' && i.runtime_state === 'ACTIVE',
    )!;
    const otherType = db.volume_types.find(
      (t) => t.tenant_uuids.includes(ok.tenant_uuid) && t.uuid !== ok.type_uuid,
    )!;
    const snapshot = db.snapshots.find((s) => s.state === 'OK')!;
    const zone = db.availability_zones[0]!;

    // Lists (GET and HEAD), with filters, ordering, sparse fields and their errors.
    for (const path of [
      '/api/openstack-volumes/',
      '/api/openstack-instances/',
      '/api/openstack-volume-types/',
      '/api/openstack-volume-availability-zones/',
      '/api/openstack-snapshots/',
    ]) {
      await check('GET', path);
      await check('HEAD', path);
      await check('GET', `${path}?page=999`);
    }
    await check('GET', '/api/openstack-volumes/?state=OK&state=ERRED&o=-size&page_size=50&page=2');
    await check('GET', '/api/openstack-volumes/?field=uuid&field=name&field=state');
    await check('GET', '/api/openstack-volumes/?state=Erred');
    await check('GET', '/api/openstack-volumes/?project_uuid=nope');
    await check('GET', '/api/openstack-volumes/?o=colour');
    await check('GET', `/api/openstack-instances/?attach_volume_uuid=${ok.uuid}`);
    await check('GET', `/api/openstack-volume-types/?tenant_uuid=${ok.tenant_uuid}`);
    await check(
      'GET',
      `/api/openstack-snapshots/?source_volume_uuid=${snapshot.source_volume_uuid}`,
    );
    await check('GET', '/api/users/me/');
    await check('GET', '/api/customers/');
    await check('GET', '/api/projects/');
    await check('GET', '/api/openstack-tenants/');
    await check('GET', '/api/openstack-volumes/', { as: null });

    // Details.
    await check('GET', volumeUrl(ok.uuid));
    await check('GET', `${volumeUrl(ok.uuid)}?field=uuid&field=state`);
    await check('GET', volumeUrl('0'.repeat(32)));
    await check('GET', '/api/openstack-volumes/not-a-uuid/');
    await check('GET', `/api/openstack-instances/${instance.uuid}/`);
    await check('GET', `/api/openstack-volume-types/${otherType.uuid}/`);
    await check('GET', `/api/openstack-volume-availability-zones/${zone.uuid}/`);
    await check('GET', `/api/openstack-snapshots/${snapshot.uuid}/`);

    // Every volume action: success, then its refusals.
    await check('PATCH', volumeUrl(ok.uuid), { body: { description: 'contract test' } });
    await check('PATCH', volumeUrl(ok.uuid), { body: { name: 'again' } }); // 409: now UPDATE_SCHEDULED
    backend.clock.advance(5000);
    await check('PUT', volumeUrl(ok.uuid), { body: { name: 'contract-put' } });
    backend.clock.advance(5000);
    await check('PUT', volumeUrl(ok.uuid), { body: {} });
    await check('PATCH', volumeUrl(ok.uuid), { body: { name: 'x' }, as: 'support' });
    await check('POST', `${volumeUrl(ok.uuid)}attach/`, { body: { instance: 42 } });
    await check('POST', `${volumeUrl(ok.uuid)}attach/`, {
      body: { instance: link('openstack-instances', instance.uuid) },
    });
    await check('POST', `${volumeUrl(ok.uuid)}attach/`, {
      body: { instance: link('openstack-instances', instance.uuid) },
    });
    await check('POST', `${volumeUrl(attached.uuid)}detach/`);
    await check('POST', `${volumeUrl(ok.uuid)}detach/`);
    backend.clock.advance(5000);
    const free = db.volumes.find(
      (v) =>
        v.state === 'OK' &&
        v.runtime_state === 'available' &&
        !v.bootable &&
        v.backend_id &&
        v.uuid !== ok.uuid,
    )!;
    await check('POST', `${volumeUrl(free.uuid)}extend/`, { body: { disk_size: 1 } });
    await check('POST', `${volumeUrl(free.uuid)}extend/`, {
      body: { disk_size: free.size + 1024 },
    });
    await check('POST', `${volumeUrl(free.uuid)}extend/`, {
      body: { disk_size: free.size + 2048 },
    });
    backend.clock.advance(5000);
    const retypable = db.volumes.find(
      (v) =>
        v.state === 'OK' && v.runtime_state === 'available' && v.type_uuid && v.uuid !== free.uuid,
    )!;
    const newType = db.volume_types.find(
      (t) => t.tenant_uuids.includes(retypable.tenant_uuid) && t.uuid !== retypable.type_uuid,
    )!;
    await check('POST', `${volumeUrl(retypable.uuid)}retype/`, {
      body: { type: link('openstack-volume-types', retypable.type_uuid!) },
    });
    await check('POST', `${volumeUrl(retypable.uuid)}retype/`, {
      body: { type: link('openstack-volume-types', newType.uuid) },
    });
    await check('POST', `${volumeUrl(retypable.uuid)}snapshot/`, {
      body: { name: 'contract', kept_until: null },
    });
    await check('POST', `${volumeUrl(retypable.uuid)}snapshot/`, { body: {} });
    const erred = db.volumes.find((v) => v.state === 'ERRED' && v.backend_id)!;
    await check('POST', `${volumeUrl(erred.uuid)}pull/`);
    await check('POST', `${volumeUrl(erred.uuid)}pull/`);
    await check(
      'POST',
      `${volumeUrl(db.volumes.find((v) => v.state === 'OK' && !v.backend_id)!.uuid)}pull/`,
    );
    await check('POST', `${volumeUrl(erred.uuid)}set_ok/`);
    await check('POST', `${volumeUrl(erred.uuid)}set_erred/`, {
      body: { error_message: 'marked by staff' },
    });
    await check('POST', `${volumeUrl(erred.uuid)}set_erred/`, { as: 'admin' });
    await check('POST', `${volumeUrl(erred.uuid)}unlink/`, { as: 'support' });
    await check('POST', `${volumeUrl(erred.uuid)}unlink/`);
    await check('POST', `${volumeUrl(erred.uuid)}unlink/`);
    await check('POST', '/api/openstack-volumes/', { body: {} });
    await check('DELETE', volumeUrl(ok.uuid));

    // Snapshots: update and delete (202, then gone).
    await check('PATCH', `/api/openstack-snapshots/${snapshot.uuid}/`, {
      body: { description: 'contract' },
    });
    // An edit schedules an update (UPDATE_SCHEDULED → UPDATING → OK): the next one waits for OK.
    backend.clock.advance(5000);
    await check('PUT', `/api/openstack-snapshots/${snapshot.uuid}/`, {
      body: { name: 'contract-snapshot' },
    });
    backend.clock.advance(5000);
    await check('DELETE', `/api/openstack-snapshots/${snapshot.uuid}/`);
    await check('DELETE', `/api/openstack-snapshots/${snapshot.uuid}/`);
    backend.clock.advance(5000);
    await check('GET', `/api/openstack-snapshots/${snapshot.uuid}/`);

    expect(problems).toEqual([]);

    const documented = OpenApiContract.operations(SPEC_PATHS[0]!);
    expect(documented.filter((operation) => !exercised.has(operation))).toEqual([]);
  });

  it('answers the retrieve operations the console uses beyond the subset (customers, projects)', async () => {
    const db = getBackend().db;
    for (const path of [
      `/api/customers/${db.customers[0]!.uuid}/`,
      `/api/projects/${db.projects[0]!.uuid}/`,
    ]) {
      const response = await call('GET', path);
      expect(response.status).toBe(200);
      expect(
        contract.validateResponse(
          'GET',
          new URL(`http://localhost${path}`),
          200,
          'application/json',
          response.body,
          response.headers,
        ),
      ).toEqual([]);
    }
    expect((await call('GET', `/api/customers/${'0'.repeat(32)}/`)).body).toEqual({
      detail: 'No Customer matches the given query.',
    });
    const foreign = db.customers.find((c) => c.name === 'Delta Space Agency')!;
    expect((await call('GET', `/api/customers/${foreign.uuid}/`, { as: 'admin' })).status).toBe(
      404,
    );
  });
});
