// The marketplace's fixed part of the demo world: Glance images per service settings, and every
// tenant's offerings ("Volume in <tenant>" and "Virtual machine in <tenant>"); one tenant's volume
// offering is billable, so orders there wait for a consumer approver (contract-lifecycle §2.6).
// Their parent, the tenant's own offering with its plans, is seeded later (./pricing).
import type { ImageRecord, OfferingRecord } from '../db';
import type { Random } from '../random';
import { GIB, IMAGES } from './catalogue';
import type { Organisations } from './organisations';

/** The tenant whose volume offering is billable: ordering there needs a customer owner's approval. */
export const APPROVAL_TENANT = 1;

export function seedImages(random: Random, orgs: Organisations): ImageRecord[] {
  return orgs.service_settings.flatMap((settings) =>
    IMAGES.map((name, index) => ({
      uuid: random.uuid(),
      name,
      settings_uuid: settings.uuid,
      min_disk: [10, 10, 8, 20][index]! * GIB,
      min_ram: 1024,
    })),
  );
}

export function seedOfferings(random: Random, orgs: Organisations): OfferingRecord[] {
  return orgs.tenants.flatMap((tenant, index) => {
    const project = orgs.projects.find((p) => p.uuid === tenant.project_uuid)!;
    const base = {
      tenant_uuid: tenant.uuid,
      customer_uuid: project.customer_uuid,
      project_uuid: project.uuid,
      shared: false,
      state: 'Active' as const,
      created: tenant.created,
    };
    return [
      {
        ...base,
        uuid: random.uuid(),
        name: `Volume in ${tenant.name}`,
        type: 'OpenStack.Volume' as const,
        billable: index === APPROVAL_TENANT,
      },
      {
        ...base,
        uuid: random.uuid(),
        name: `Virtual machine in ${tenant.name}`,
        type: 'OpenStack.Instance' as const,
        billable: false,
      },
    ];
  });
}
