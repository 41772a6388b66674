// Reading instances: those a volume can be attached to, one with its state (extend checks it), and
// the instance filter's picker.
import { liveInterval } from '../model/live';
import { type Instance, instanceSchema } from '../model/schemas';
import { isSettledState } from '../model/states';
import { instanceKeys } from './keys';
import { CATALOGUE, collection, PICKER_FIELDS } from './read';

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

const instances = collection('api/openstack-instances', instanceSchema);
const instanceIsLive = liveInterval<Instance>((i) => Boolean(i.state) && !isSettledState(i.state));

export const instanceQueries = {
  /** Instances Waldur would consider for this volume (same tenant and project, zone mapping). */
  attachable: (volumeUuid: string) =>
    instances.list(instanceKeys.attachable(volumeUuid), {
      attach_volume_uuid: volumeUuid,
      o: 'name',
      page_size: 300,
      field: INSTANCE_FIELDS,
    }),
  detail: (uuid: string) =>
    instances.get(
      instanceKeys.detail(uuid),
      uuid,
      { field: [...INSTANCE_FIELDS, 'volumes'] },
      { staleTime: 10_000, refetchInterval: instanceIsLive },
    ),
  search: (query: string) => instances.search(instanceKeys.search(query), query, 60_000),
  one: (uuid: string) =>
    instances.get(instanceKeys.one(uuid), uuid, { field: PICKER_FIELDS }, CATALOGUE),
};
