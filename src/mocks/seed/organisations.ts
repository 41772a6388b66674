// Who owns the volumes and where they live: customers, their projects, one OpenStack tenant per
// project (with its service settings, volume types and availability zones).
import type {
  AvailabilityZoneRecord,
  CustomerRecord,
  Db,
  ProjectRecord,
  ServiceSettingsRecord,
  TenantRecord,
  VolumeTypeRecord,
} from '../db';
import {
  CUSTOMERS,
  DAY,
  DEFAULT_VOLUME_TYPE,
  GIB,
  PROJECTS,
  VOLUME_TYPES,
  ZONED_TENANT,
} from './catalogue';
import type { SeedContext } from './context';

export type Organisations = Pick<
  Db,
  'customers' | 'projects' | 'service_settings' | 'tenants' | 'volume_types' | 'availability_zones'
>;

export function seedOrganisations({ random, ago }: SeedContext): Organisations {
  const customers: CustomerRecord[] = CUSTOMERS.map((c) => ({
    uuid: random.uuid(),
    ...c,
    created: ago(400 * DAY, 900 * DAY),
  }));

  const projects: ProjectRecord[] = PROJECTS.map(([customer, name]) => ({
    uuid: random.uuid(),
    name,
    customer_uuid: customers[customer]!.uuid,
    created: ago(200 * DAY, 400 * DAY),
  }));

  const service_settings: ServiceSettingsRecord[] = PROJECTS.map(([, , tenant], index) => ({
    uuid: random.uuid(),
    name: `Tartu cloud / ${tenant}`,
    state: index === 5 ? 'ERRED' : 'OK',
    error_message:
      index === 5
        ? 'Unable to authenticate in Keystone: The request you have made requires authentication. (HTTP 401)'
        : '',
  }));

  const tenants: TenantRecord[] = PROJECTS.map(([, , name], index) => ({
    uuid: random.uuid(),
    name,
    project_uuid: projects[index]!.uuid,
    service_settings_uuid: service_settings[index]!.uuid,
    backend_id: random.hex(32),
    created: ago(150 * DAY, 200 * DAY),
    quota_limits: { storage: 10 * 1024 * GIB, snapshots: 100 },
    valid_availability_zones:
      index === ZONED_TENANT
        ? ({ nova: 'nova', 'zone-b': 'zone-b' } as Record<string, string>)
        : {},
    default_volume_type_name: DEFAULT_VOLUME_TYPE,
  }));

  const volume_types: VolumeTypeRecord[] = [];
  const availability_zones: AvailabilityZoneRecord[] = [];
  for (const tenant of tenants) {
    for (const type of VOLUME_TYPES) {
      volume_types.push({
        uuid: random.uuid(),
        ...type,
        settings_uuid: tenant.service_settings_uuid,
        tenant_uuids: [tenant.uuid],
      });
    }
    for (const zone of ['nova', 'zone-b']) {
      availability_zones.push({
        uuid: random.uuid(),
        name: zone,
        settings_uuid: tenant.service_settings_uuid,
        tenant_uuid: tenant.uuid,
        available: true,
      });
    }
  }
  return { customers, projects, service_settings, tenants, volume_types, availability_zones };
}

export function typesOf(orgs: Organisations, tenant: TenantRecord) {
  return orgs.volume_types.filter((t) => t.tenant_uuids.includes(tenant.uuid));
}

export function zoneOf(orgs: Organisations, tenant: TenantRecord, name: string) {
  return orgs.availability_zones.find((z) => z.tenant_uuid === tenant.uuid && z.name === name)!;
}
