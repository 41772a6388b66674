// Reading instances: those a volume can be attached to, one with its state (extend checks it), and
// the instance filter's picker.
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/session';
import { liveInterval } from '../model/live';
import { type Instance, instanceSchema } from '../model/schemas';
import { isSettledState } from '../model/states';
import { instanceKeys } from './keys';

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
    queryOptions({
      queryKey: instanceKeys.attachable(volumeUuid),
      queryFn: async ({ signal }) => {
        const page = await api().list('api/openstack-instances', instanceSchema, {
          params: {
            attach_volume_uuid: volumeUuid,
            o: 'name',
            page_size: 300,
            field: INSTANCE_FIELDS,
          },
          signal,
        });
        return page;
      },
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: instanceKeys.detail(uuid),
      queryFn: ({ signal }) =>
        api().get(`api/openstack-instances/${uuid}`, instanceSchema, {
          params: { field: [...INSTANCE_FIELDS, 'volumes'] },
          signal,
        }),
      staleTime: 10_000,
      refetchInterval: liveInterval<Instance>((i) => Boolean(i.state) && !isSettledState(i.state)),
    }),
  search: (query: string) =>
    queryOptions({
      queryKey: instanceKeys.search(query),
      queryFn: ({ signal }) =>
        api().list('api/openstack-instances', instanceSchema, {
          params: {
            name: query || undefined,
            o: 'name',
            page_size: 20,
            field: ['uuid', 'name', 'project_name'],
          },
          signal,
        }),
      staleTime: 60_000,
    }),
  one: (uuid: string) =>
    queryOptions({
      queryKey: instanceKeys.one(uuid),
      queryFn: ({ signal }) =>
        api().get(`api/openstack-instances/${uuid}`, instanceSchema, {
          params: { field: ['uuid', 'name', 'project_name'] },
          signal,
        }),
      staleTime: 5 * 60_000,
    }),
};
