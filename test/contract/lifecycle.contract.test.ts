// Every operation of the lifecycle subset (test/contract/openapi-lifecycle.yaml) called on the demo
// backend, for its success and its errors: each answer must validate against the schema, and
// every documented operation must have been exercised.
import { describe, expect, it } from 'vitest';
import { TIMING } from '@/mocks/tasks';
import { link, volumeUrl } from '../demo-api';
import { contract, getBackend } from '../setup';
import { contractChecker } from './checker';
import { OpenApiContract, SPEC_PATHS } from './openapi';

describe('the demo backend against the lifecycle contract', () => {
  it('answers every documented lifecycle operation, successes and errors, within the schema', async () => {
    const backend = getBackend();
    const db = backend.db;
    const { check, exercised, problems } = contractChecker();
    const offering = db.offerings.find((o) => o.type === 'OpenStack.Volume' && !o.billable)!;
    const billable = db.offerings.find((o) => o.billable)!;
    const tenant = db.tenants.find((t) => t.uuid === offering.tenant_uuid)!;
    const type = db.volume_types.find((t) => t.tenant_uuids.includes(tenant.uuid))!;
    const order = {
      offering: link('marketplace-public-offerings', offering.uuid),
      project: link('projects', offering.project_uuid),
      attributes: {
        name: 'contract-new',
        size: 10240,
        type: link('openstack-volume-types', type.uuid),
      },
      limits: {},
      accepting_terms_of_service: true,
    };
    expect(contract.validateRequest('POST', '/api/marketplace-orders/', order)).toEqual([]);

    // Offerings: the project's, one by UUID, and the filters HomePort sends.
    await check(
      'GET',
      `/api/marketplace-public-offerings/?project_uuid=${offering.project_uuid}&type=OpenStack.Volume&page_size=5`,
    );
    await check('GET', `/api/marketplace-public-offerings/${offering.uuid}/`);
    await check('GET', `/api/marketplace-public-offerings/${'0'.repeat(32)}/`);
    await check('GET', `/api/marketplace-public-offerings/?scope_uuid=${tenant.uuid}`);

    // Orders: placed (executing), refused on fields, on quotas; read; approved; not canceled.
    const created = await check('POST', '/api/marketplace-orders/', { body: order });
    expect(created.status).toBe(201);
    const placed = created.body as { uuid: string; marketplace_resource_uuid: string };
    await check('POST', '/api/marketplace-orders/', {
      body: { ...order, attributes: { name: ' ', size: 0 } },
    });
    await check('POST', '/api/marketplace-orders/', {
      body: { ...order, attributes: { ...order.attributes, size: 10 * 1024 * 1024 * 1024 } },
    });
    await check('POST', '/api/marketplace-orders/', { body: { project: order.project } });
    await check('GET', '/api/marketplace-orders/');
    await check(
      'GET',
      `/api/marketplace-orders/?resource_uuid=${placed.marketplace_resource_uuid}&o=-created`,
    );
    await check('GET', `/api/marketplace-orders/${placed.uuid}/`);
    // Waldur never cancels a volume order: its 405 (with DRF's odd wording) is the answer to check.
    const cancel = await check('POST', `/api/marketplace-orders/${placed.uuid}/cancel/`);
    expect(cancel.status).toBe(405);
    expect(cancel.body).toEqual({
      detail:
        'Method "The order\'s offering with OpenStack.Volume type does not support this action" not allowed.',
    });
    exercised.add('post /api/marketplace-orders/{uuid}/cancel/');
    await check('POST', `/api/marketplace-orders/${placed.uuid}/approve_by_consumer/`);
    const pending = await check('POST', '/api/marketplace-orders/', {
      as: 'admin',
      body: {
        ...order,
        offering: link('marketplace-public-offerings', billable.uuid),
        project: link('projects', billable.project_uuid),
        attributes: { name: 'needs-approval', size: 1024 },
      },
    });
    const waiting = pending.body as { uuid: string; state: string };
    expect(waiting.state).toBe('pending-consumer');
    await check('POST', `/api/marketplace-orders/${waiting.uuid}/approve_by_consumer/`, {
      as: 'admin',
    });
    await check('POST', `/api/marketplace-orders/${waiting.uuid}/approve_by_consumer/`);
    // Another waits; its author withdraws it (reject_by_consumer): support may not, twice is a 409.
    const withdrawn = await check('POST', '/api/marketplace-orders/', {
      as: 'admin',
      body: {
        ...order,
        offering: link('marketplace-public-offerings', billable.uuid),
        project: link('projects', billable.project_uuid),
        attributes: { name: 'withdrawn', size: 1024 },
      },
    });
    const withdrawnUuid = (withdrawn.body as { uuid: string }).uuid;
    const reject = `/api/marketplace-orders/${withdrawnUuid}/reject_by_consumer/`;
    expect((await check('POST', reject, { as: 'support' })).status).toBe(403);
    expect((await check('POST', reject, { as: 'admin' })).status).toBe(200);
    expect((await check('POST', reject, { as: 'admin' })).status).toBe(409);

    // The order makes a volume; its marketplace resource and history follow it to OK.
    backend.clock.advance(1000 + TIMING.firstTaskMs + TIMING.createPollStartMs);
    await check('GET', `/api/marketplace-orders/${placed.uuid}/`);
    await check('GET', `/api/marketplace-resources/${placed.marketplace_resource_uuid}/`);
    await check(
      'GET',
      `/api/marketplace-resources/${placed.marketplace_resource_uuid}/offering_for_subresources/`,
    );
    const resource = db.marketplace_resources.find(
      (r) => r.uuid === placed.marketplace_resource_uuid,
    )!;
    const volume = db.volumes.find((v) => v.uuid === resource.scope_uuid)!;
    expect(volume.state).toBe('OK');
    await check(
      'GET',
      `/api/events/?scope=${encodeURIComponent(link('marketplace-resources', resource.uuid))}`,
    );
    await check(
      'GET',
      `/api/events/?scope=${encodeURIComponent(link('openstack-volumes', volume.uuid))}&event_type=resource_creation_succeeded&o=created`,
    );
    await check(
      'GET',
      `/api/events/?scope=${encodeURIComponent(link('openstack-volumes', '0'.repeat(32)))}`,
    );
    await check('GET', '/api/events/', { as: 'admin' });

    // Terminate: refused while attached or with snapshots, accepted otherwise; then gone.
    const attached = db.volumes.find(
      (v) => v.state === 'OK' && v.runtime_state === 'in-use' && v.marketplace,
    )!;
    await check(
      'POST',
      `/api/marketplace-resources/${attached.marketplace!.resource_uuid}/terminate/`,
    );
    await check('POST', `/api/marketplace-resources/${'0'.repeat(32)}/terminate/`);
    await check('POST', `/api/marketplace-resources/${resource.uuid}/terminate/`, {
      as: 'support',
    });
    const terminated = await check(
      'POST',
      `/api/marketplace-resources/${resource.uuid}/terminate/`,
      { body: { attributes: { accepting_terms_of_service: true } } },
    );
    expect(terminated.status).toBe(200);
    await check('POST', `/api/marketplace-resources/${resource.uuid}/terminate/`);
    backend.clock.advance(60_000);
    await check('GET', volumeUrl(volume.uuid));
    await check('GET', `/api/marketplace-resources/${resource.uuid}/`);

    // Restore a snapshot to a new volume; its restorations (unpaginated).
    const snapshot = db.snapshots.find((s) => s.state === 'OK')!;
    await check('POST', `/api/openstack-snapshots/${snapshot.uuid}/restore/`, {
      body: { name: 'restored', description: '' },
    });
    const restored = await check('POST', `/api/openstack-snapshots/${snapshot.uuid}/restore/`, {
      body: { name: 'restored' },
    });
    expect(restored.status).toBe(201);
    await check('POST', `/api/openstack-snapshots/${'0'.repeat(32)}/restore/`, {
      body: { name: 'x' },
    });
    await check('GET', `/api/openstack-snapshots/${snapshot.uuid}/restorations/`);

    // Images (outside the subsets; from the full schema).
    await check('GET', `/api/openstack-images/?tenant_uuid=${tenant.uuid}`);

    expect(problems).toEqual([]);
    const documented = OpenApiContract.operations(SPEC_PATHS[1]!);
    expect(documented.filter((operation) => !exercised.has(operation))).toEqual([]);
  });
});
