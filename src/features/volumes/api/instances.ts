// Reading instances: those a volume can be attached to, one with its state (extend checks it), and
// the instance filter's picker.
import { liveInterval } from '../model/live';
import { type Instance, instanceSchema } from '../model/schemas';
import { isSettledState } from '../model/states';
import { instanceKeys } from './keys';
import { getQuery, listQuery, PICKER_FIELDS, searchQuery } from './read';

const INSTANCE_FIELDS = [
  'uuid',
  'url',
  'name',
  'state',
  'runtime_state',
  'action',
  'project_uuid',
  'tenant_uuid',
  'availability_zone_name',
  'internal_ips',
  'external_ips',
];

export const instanceQueries = {
  /** Instances Waldur would consider for this volume (same tenant and project, zone mapping). */
  attachable: (volumeUuid: string) =>
    listQuery(instanceKeys.attachable(volumeUuid), 'api/openstack-instances', instanceSchema, {
      attach_volume_uuid: volumeUuid,
      o: 'name',
      page_size: 300,
      field: INSTANCE_FIELDS,
    }),
  detail: (uuid: string) =>
    getQuery(
      instanceKeys.detail(uuid),
      `api/openstack-instances/${uuid}`,
      instanceSchema,
      { field: [...INSTANCE_FIELDS, 'volumes'] },
      {
        staleTime: 10_000,
        refetchInterval: liveInterval<Instance>(
          (i) => Boolean(i.state) && !isSettledState(i.state),
        ),
      },
    ),
  search: (query: string) =>
    searchQuery(
      instanceKeys.search(query),
      'api/openstack-instances',
      instanceSchema,
      query,
      60_000,
    ),
  one: (uuid: string) =>
    getQuery(
      instanceKeys.one(uuid),
      `api/openstack-instances/${uuid}`,
      instanceSchema,
      { field: PICKER_FIELDS },
      { staleTime: 5 * 60_000 },
    ),
};
