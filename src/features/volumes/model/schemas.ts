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
import { count, flag, jsonObject, lenient, text } from '@/lib/zod';
import { normalizeState } from './states';

const state = lenient(z.pipe(z.string(), z.transform(normalizeState)));

const actionDetails = lenient(z.looseObject({ message: text, old_size: count, new_size: count }));

export const volumeSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  description: text,
  service_name: text,
  service_settings: text,
  service_settings_uuid: text,
  service_settings_state: text,
  service_settings_error_message: text,
  project: text,
  project_name: text,
  project_uuid: text,
  customer: text,
  customer_uuid: text,
  customer_name: text,
  customer_native_name: text,
  customer_abbreviation: text,
  error_message: text,
  error_traceback: text,
  resource_type: text,
  state,
  created: text,
  modified: text,
  backend_id: text,
  access_url: text,
  source_snapshot: text,
  size: count,
  bootable: flag,
  metadata: jsonObject,
  image: text,
  /** Typed `string` in the schema but a JSON field in the model: `{}` is common. */
  image_metadata: z.optional(z.unknown()),
  image_name: text,
  type: text,
  type_name: text,
  runtime_state: text,
  availability_zone: text,
  availability_zone_name: text,
  device: text,
  action: text,
  action_details: actionDetails,
  instance: text,
  instance_name: text,
  instance_marketplace_uuid: text,
  tenant: text,
  tenant_uuid: text,
  extend_enabled: flag,
  marketplace_offering_uuid: text,
  marketplace_offering_name: text,
  marketplace_offering_plugin_options: jsonObject,
  marketplace_category_uuid: text,
  marketplace_category_name: text,
  marketplace_resource_uuid: text,
  marketplace_plan_uuid: text,
  marketplace_resource_state: text,
  is_usage_based: flag,
  is_limit_based: flag,
});
export type Volume = z.output<typeof volumeSchema>;

export const snapshotSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  description: text,
  state,
  runtime_state: text,
  size: count,
  created: text,
  modified: text,
  kept_until: text,
  backend_id: text,
  source_volume: text,
  source_volume_name: text,
  error_message: text,
  error_traceback: text,
  action: text,
  metadata: jsonObject,
  project_uuid: text,
  project_name: text,
  customer_uuid: text,
  customer_name: text,
  tenant_uuid: text,
});
export type Snapshot = z.output<typeof snapshotSchema>;

const nestedVolume = z.looseObject({
  uuid: text,
  url: text,
  name: text,
  device: text,
  bootable: flag,
  size: count,
  state,
});

export const instanceSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  state,
  runtime_state: text,
  action: text,
  project_uuid: text,
  project_name: text,
  tenant_uuid: text,
  service_settings_uuid: text,
  availability_zone_name: text,
  flavor_name: text,
  image_name: text,
  internal_ips: lenient(z.array(z.string())),
  external_ips: lenient(z.array(z.string())),
  volumes: lenient(z.array(nestedVolume)),
});
export type Instance = z.output<typeof instanceSchema>;

export const volumeTypeSchema = z.looseObject({
  uuid: z.string(),
  url: z.string(),
  name: text,
  description: text,
  settings: text,
});
export type VolumeType = z.output<typeof volumeTypeSchema>;

export const customerSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  abbreviation: text,
  native_name: text,
});
export type Customer = z.output<typeof customerSchema>;

export const projectSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  customer_uuid: text,
  customer_name: text,
});
export type Project = z.output<typeof projectSchema>;

const quotaSchema = z.looseObject({ name: text, usage: count, limit: count });

export const tenantSchema = z.looseObject({
  uuid: z.string(),
  url: text,
  name: text,
  project_uuid: text,
  project_name: text,
  customer_uuid: text,
  customer_name: text,
  quotas: lenient(z.array(quotaSchema)),
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
