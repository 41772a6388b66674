// zod schemas for what Waldur returns: the only source of the console's types. Written to tolerate
// what a real server sends:
// - every field is optional, because lists are fetched with sparse fieldsets (`field=`), and because
//   Waldur omits dotted-source fields (`instance_name`, `type_name`, …) when the relation is null;
// - a field of an unexpected type becomes `undefined` instead of failing the whole response;
// - enum-like values (`state`, `runtime_state`, `action`) stay strings, so a value this console does
//   not know is shown as it is rather than crashing;
// - unknown fields are kept (`looseObject`), so the raw-JSON view shows everything the server sent.
// `zod/mini` keeps this in the list page's first download at a quarter of classic zod's size.
import * as z from 'zod/mini';
import { count, flag, jsonObject, lenient, text, texts, withCustomerUuid } from '@/lib/zod';
import { normalizeState } from './states';

const state = lenient(z.pipe(z.string(), z.transform(normalizeState)));

const actionDetails = lenient(z.looseObject({ message: text, old_size: count, new_size: count }));

export const volumeSchema = withCustomerUuid(
  z.looseObject({
    uuid: z.string(),
    ...texts(
      'url',
      'name',
      'description',
      'service_name',
      'service_settings',
      'service_settings_uuid',
      'service_settings_state',
      'service_settings_error_message',
      'project',
      'project_name',
      'project_uuid',
      'customer',
      'customer_uuid',
      'customer_name',
      'customer_native_name',
      'customer_abbreviation',
      'error_message',
      'error_traceback',
      'resource_type',
    ),
    state,
    ...texts('created', 'modified', 'backend_id', 'access_url', 'source_snapshot'),
    size: count,
    bootable: flag,
    metadata: jsonObject,
    image: text,
    /** Typed `string` in the schema but a JSON field in the model: `{}` is common. */
    image_metadata: z.optional(z.unknown()),
    ...texts(
      'image_name',
      'type',
      'type_name',
      'runtime_state',
      'availability_zone',
      'availability_zone_name',
      'device',
      'action',
    ),
    action_details: actionDetails,
    ...texts('instance', 'instance_name', 'instance_marketplace_uuid', 'tenant', 'tenant_uuid'),
    extend_enabled: flag,
    marketplace_offering_uuid: text,
    marketplace_offering_name: text,
    marketplace_offering_plugin_options: jsonObject,
    ...texts(
      'marketplace_category_uuid',
      'marketplace_category_name',
      'marketplace_resource_uuid',
      'marketplace_plan_uuid',
      'marketplace_resource_state',
    ),
    is_usage_based: flag,
    is_limit_based: flag,
  }),
);
export type Volume = z.output<typeof volumeSchema>;

export const snapshotSchema = withCustomerUuid(
  z.looseObject({
    uuid: z.string(),
    ...texts('url', 'name', 'description'),
    state,
    runtime_state: text,
    size: count,
    ...texts(
      'created',
      'modified',
      'kept_until',
      'backend_id',
      'source_volume',
      'source_volume_name',
      'error_message',
      'error_traceback',
      'action',
    ),
    metadata: jsonObject,
    ...texts(
      'project_uuid',
      'project_name',
      'customer',
      'customer_uuid',
      'customer_name',
      'tenant_uuid',
    ),
  }),
);
export type Snapshot = z.output<typeof snapshotSchema>;

const nestedVolume = z.looseObject({
  ...texts('uuid', 'url', 'name', 'device'),
  bootable: flag,
  size: count,
  state,
});

export const instanceSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  state,
  ...texts(
    'runtime_state',
    'action',
    'project_uuid',
    'project_name',
    'tenant_uuid',
    'service_settings_uuid',
    'availability_zone_name',
    'flavor_name',
    'image_name',
  ),
  internal_ips: lenient(z.array(z.string())),
  external_ips: lenient(z.array(z.string())),
  volumes: lenient(z.array(nestedVolume)),
});
export type Instance = z.output<typeof instanceSchema>;

export const volumeTypeSchema = z.looseObject({
  uuid: z.string(),
  url: z.string(),
  ...texts('name', 'description', 'settings'),
});
export type VolumeType = z.output<typeof volumeTypeSchema>;

export const customerSchema = z.looseObject({
  uuid: z.string(),
  ...texts('url', 'name', 'abbreviation', 'native_name'),
});
export type Customer = z.output<typeof customerSchema>;

export const projectSchema = z.looseObject({
  uuid: z.string(),
  ...texts('url', 'name', 'customer_uuid', 'customer_name', 'start_date'),
});
export type Project = z.output<typeof projectSchema>;

/** One quota of a tenant or an offering: storage in MiB, per-type gigabytes. */
export const quotaSchema = z.looseObject({ name: text, usage: count, limit: count });

export const tenantSchema = z.looseObject({
  uuid: z.string(),
  ...texts('url', 'name', 'project_uuid', 'project_name', 'customer_uuid', 'customer_name'),
  quotas: lenient(z.array(quotaSchema)),
  /** The plan the tenant's marketplace resource is billed by (what prices its volumes). */
  marketplace_plan_uuid: text,
});
export type Tenant = z.output<typeof tenantSchema>;

export const availabilityZoneSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  available: flag,
});
export type AvailabilityZone = z.output<typeof availabilityZoneSchema>;

/** `202 {"status": "attach was scheduled"}` and friends; tolerated when a server sends no body. */
export const actionAcceptedSchema = z.catch(
  z.optional(z.looseObject({ status: text, detail: text })),
  undefined,
);

/** `POST /api/marketplace-resources/{uuid}/terminate/`: 200 `{"order_uuid": "…"}`. */
export const terminateSchema = z.looseObject({ order_uuid: z.string() });
