import type { DemoBackend, HandlerContext } from '../backend';
import type { InstanceRecord } from '../db';
import type { ListSpec } from '../list';
import { serializeInstance } from '../serializers';
import { resourceFilters, resourceOrdering, resourceReadHandlers } from './common';

/** `/api/openstack-instances/`: read-only here; the console only lists and picks instances. */
function instanceListSpec(ctx: HandlerContext): ListSpec<InstanceRecord> {
  const { db } = ctx;
  return {
    filters: [
      ...resourceFilters<InstanceRecord>(ctx).filter((f) => f.param !== 'external_ip'),
      { param: 'availability_zone_name', kind: 'exact', get: (i) => i.availability_zone_name },
      {
        param: 'external_ip',
        kind: 'custom',
        apply: (items, value) => items.filter((i) => i.external_ips.includes(value)),
      },
      {
        // "Search by name, internal IP, or external IP".
        param: 'query',
        kind: 'custom',
        apply: (items, value) => {
          const needle = value.toLowerCase();
          return items.filter(
            (i) =>
              i.name.toLowerCase().includes(needle) ||
              i.internal_ips.some((ip) => ip.includes(value)) ||
              i.external_ips.some((ip) => ip.includes(value)),
          );
        },
      },
      {
        // Instances in the volume's tenant and project, narrowed by the zone mapping; state is not
        // checked here (the attach serializer does that).
        param: 'attach_volume_uuid',
        kind: 'custom',
        uuid: true,
        apply: (items, uuid) => {
          const volume = db.volumes.find((v) => v.uuid === uuid);
          if (!volume) return [];
          const tenant = db.tenants.find((t) => t.uuid === volume.tenant_uuid);
          const zones = tenant?.valid_availability_zones ?? {};
          const volumeZone = db.availability_zones.find(
            (z) => z.uuid === volume.availability_zone_uuid,
          )?.name;
          return items.filter(
            (i) =>
              i.tenant_uuid === volume.tenant_uuid &&
              i.project_uuid === volume.project_uuid &&
              (Object.keys(zones).length === 0 ||
                !volumeZone ||
                !i.availability_zone_name ||
                zones[i.availability_zone_name] === volumeZone),
          );
        },
      },
    ],
    ordering: {
      ...resourceOrdering<InstanceRecord>(ctx),
      ip_address: (i) => i.internal_ips[0],
      external_ips: (i) => i.external_ips[0],
      start_time: (i) => i.start_time,
    },
    defaultOrdering: ['name'],
    serialize: (i) => serializeInstance(ctx, i),
  };
}

export function instanceHandlers(backend: DemoBackend, origin: string) {
  return resourceReadHandlers(backend, `${origin}/api/openstack-instances`, {
    model: 'Instance',
    records: (ctx) => ctx.db.instances,
    listSpec: instanceListSpec,
  });
}
