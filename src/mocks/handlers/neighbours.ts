// The endpoints around volumes that the console reads: the current user, the customer / project /
// tenant pickers, volume types (retype) and availability zones. Non-staff users see only what their
// roles reach, as Waldur's permission filters do.
import { http } from 'msw';
import type { DemoBackend, HandlerContext } from '../backend';
import type {
  AvailabilityZoneRecord,
  CustomerRecord,
  ImageRecord,
  ProjectRecord,
  VolumeTypeRecord,
} from '../db';
import { applyFields, type Filter, listResponse, relationFilters } from '../list';
import { json } from '../responses';
import {
  serializeAvailabilityZone,
  serializeCustomer,
  serializeImage,
  serializeProject,
  serializeTenant,
  serializeUser,
  serializeVolumeType,
  tenantAsResource,
} from '../serializers';
import { findObject, resourceFilters, resourceOrdering } from './common';

const nameFilters = <T extends { name: string }>(): Filter<T>[] => [
  { param: 'name', kind: 'icontains', get: (item) => item.name },
  { param: 'name_exact', kind: 'exact', get: (item) => item.name },
];

function visibleCustomers(ctx: HandlerContext): CustomerRecord[] {
  const { db } = ctx;
  if (ctx.backend.seesEverything(ctx.user)) return db.customers;
  const projects = ctx.backend.projectsOf(ctx.user);
  const customers = new Set(
    db.projects.filter((p) => projects.has(p.uuid)).map((p) => p.customer_uuid),
  );
  return db.customers.filter((c) => customers.has(c.uuid));
}

function visibleProjects(ctx: HandlerContext): ProjectRecord[] {
  const { db } = ctx;
  if (ctx.backend.seesEverything(ctx.user)) return db.projects;
  const projects = ctx.backend.projectsOf(ctx.user);
  return db.projects.filter((p) => projects.has(p.uuid));
}

export function neighbourHandlers(backend: DemoBackend, origin: string) {
  const api = `${origin}/api`;

  const customers = (ctx: HandlerContext) =>
    listResponse(ctx.request, visibleCustomers(ctx), {
      filters: [
        ...nameFilters<CustomerRecord>(),
        { param: 'abbreviation', kind: 'icontains', get: (c) => c.abbreviation },
        { param: 'native_name', kind: 'icontains', get: (c) => c.native_name },
        {
          param: 'query',
          kind: 'custom',
          apply: (items, value) => {
            const needle = value.toLowerCase();
            return items.filter((c) =>
              [c.name, c.abbreviation, c.native_name].some((v) => v.toLowerCase().includes(needle)),
            );
          },
        },
      ],
      ordering: {
        name: (c) => c.name,
        abbreviation: (c) => c.abbreviation,
        created: (c) => c.created,
      },
      defaultOrdering: ['name'],
      serialize: (c) => serializeCustomer(ctx, c),
    });

  const projects = (ctx: HandlerContext) => {
    const customerName = (p: ProjectRecord) =>
      ctx.db.customers.find((c) => c.uuid === p.customer_uuid)?.name;
    return listResponse(ctx.request, visibleProjects(ctx), {
      filters: [
        ...nameFilters<ProjectRecord>(),
        { param: 'customer', kind: 'uuid', get: (p) => p.customer_uuid },
        { param: 'customer_name', kind: 'icontains', get: customerName },
        {
          param: 'query',
          kind: 'custom',
          apply: (items, value) =>
            items.filter((p) => p.name.toLowerCase().includes(value.toLowerCase())),
        },
      ],
      ordering: { name: (p) => p.name, customer_name: customerName, created: (p) => p.created },
      defaultOrdering: ['name'],
      serialize: (p) => serializeProject(ctx, p),
    });
  };

  const tenants = (ctx: HandlerContext) => {
    const projects = new Set(visibleProjects(ctx).map((p) => p.uuid));
    const items = ctx.db.tenants.filter((t) => projects.has(t.project_uuid)).map(tenantAsResource);
    return listResponse(ctx.request, items, {
      filters: resourceFilters(ctx),
      ordering: resourceOrdering(ctx),
      defaultOrdering: ['name'],
      serialize: (t) => serializeTenant(ctx, t),
    });
  };

  const typeFilters: Filter<VolumeTypeRecord>[] = [
    ...nameFilters<VolumeTypeRecord>(),
    ...relationFilters<VolumeTypeRecord>('settings', 'service-settings', (t) => t.settings_uuid),
    {
      param: 'tenant_uuid',
      kind: 'custom',
      uuid: true,
      apply: (items, uuid) => items.filter((t) => t.tenant_uuids.includes(uuid)),
    },
    {
      param: 'tenant',
      kind: 'custom',
      apply: (items, value) => {
        const uuid = /\/api\/openstack-tenants\/([0-9a-f-]+)\/?$/i
          .exec(value)?.[1]
          ?.replaceAll('-', '');
        return uuid ? items.filter((t) => t.tenant_uuids.includes(uuid)) : [];
      },
    },
  ];
  const volumeTypes = (ctx: HandlerContext) =>
    listResponse(ctx.request, ctx.db.volume_types, {
      filters: typeFilters,
      ordering: { name: (t) => t.name },
      // VolumeType.objects.order_by("settings", "name")
      defaultOrdering: ['name'],
      serialize: (t) => serializeVolumeType(ctx, t),
    });

  const zoneFilters: Filter<AvailabilityZoneRecord>[] = [
    ...nameFilters<AvailabilityZoneRecord>(),
    { param: 'settings_uuid', kind: 'uuid', get: (z) => z.settings_uuid },
    ...relationFilters<AvailabilityZoneRecord>('tenant', 'openstack-tenants', (z) => z.tenant_uuid),
  ];
  const zones = (ctx: HandlerContext) =>
    listResponse(ctx.request, ctx.db.availability_zones, {
      filters: zoneFilters,
      ordering: { name: (z) => z.name },
      defaultOrdering: ['name'],
      serialize: (z) => serializeAvailabilityZone(ctx, z),
    });

  // Glance images are per service settings; a tenant's are those of its settings.
  const images = (ctx: HandlerContext) =>
    listResponse(ctx.request, ctx.db.images, {
      filters: [
        ...nameFilters<ImageRecord>(),
        { param: 'settings_uuid', kind: 'uuid', get: (i) => i.settings_uuid },
        {
          param: 'tenant_uuid',
          kind: 'custom',
          uuid: true,
          apply: (items, uuid) => {
            const settings = ctx.db.tenants.find((t) => t.uuid === uuid)?.service_settings_uuid;
            return items.filter((i) => i.settings_uuid === settings);
          },
        },
      ],
      ordering: { name: (i) => i.name },
      defaultOrdering: ['name'],
      serialize: (i) => serializeImage(ctx, i),
    });

  const byUuid =
    <T extends { uuid: string }>(
      items: (ctx: HandlerContext) => T[],
      model: string,
      serialize: (ctx: HandlerContext, item: T) => Record<string, unknown>,
    ) =>
    (ctx: HandlerContext) =>
      json(applyFields(serialize(ctx, findObject(ctx, items(ctx), model)), ctx.url.searchParams));

  return [
    http.get(
      `${api}/users/me/`,
      backend.handler((ctx) =>
        json(applyFields(serializeUser(ctx, ctx.user), ctx.url.searchParams)),
      ),
    ),
    http.get(`${api}/customers/`, backend.handler(customers)),
    // Retrieve endpoints of customers and projects exist in Waldur (full schema), not in the subset.
    http.get(
      `${api}/customers/:uuid/`,
      backend.handler(byUuid(visibleCustomers, 'Customer', (ctx, c) => serializeCustomer(ctx, c))),
    ),
    http.get(
      `${api}/projects/:uuid/`,
      backend.handler(byUuid(visibleProjects, 'Project', (ctx, p) => serializeProject(ctx, p))),
    ),
    http.head(`${api}/customers/`, backend.handler(customers)),
    http.get(`${api}/projects/`, backend.handler(projects)),
    http.head(`${api}/projects/`, backend.handler(projects)),
    http.get(`${api}/openstack-tenants/`, backend.handler(tenants)),
    http.head(`${api}/openstack-tenants/`, backend.handler(tenants)),
    http.get(`${api}/openstack-volume-types/`, backend.handler(volumeTypes)),
    http.head(`${api}/openstack-volume-types/`, backend.handler(volumeTypes)),
    http.get(
      `${api}/openstack-volume-types/:uuid/`,
      backend.handler(
        byUuid(
          (ctx) => ctx.db.volume_types,
          'VolumeType',
          (ctx, t) => serializeVolumeType(ctx, t),
        ),
      ),
    ),
    http.get(`${api}/openstack-images/`, backend.handler(images)),
    http.get(
      `${api}/openstack-images/:uuid/`,
      backend.handler(
        byUuid(
          (ctx) => ctx.db.images,
          'Image',
          (ctx, i) => serializeImage(ctx, i),
        ),
      ),
    ),
    http.get(`${api}/openstack-volume-availability-zones/`, backend.handler(zones)),
    http.head(`${api}/openstack-volume-availability-zones/`, backend.handler(zones)),
    http.get(
      `${api}/openstack-volume-availability-zones/:uuid/`,
      backend.handler(
        byUuid(
          (ctx) => ctx.db.availability_zones,
          'VolumeAvailabilityZone',
          (ctx, z) => serializeAvailabilityZone(ctx, z),
        ),
      ),
    ),
  ];
}
