// The volumes a bulk action is about, read fresh when its dialog opens (the list may be minutes
// old): every volume of a view, or each ticked row. At most BULK_CAP of them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { runPool } from '@/lib/pool';
import { volumeKeys } from '../api/keys';
import { fetchAllMatching, volumeQueries } from '../api/volumes';
import { BULK_CAP, type BulkAction } from '../model/bulk-actions';
import { ROW_FIELDS } from '../model/list-view';
import type { Volume } from '../model/schemas';
import type { BulkTarget } from '../state/dialogs';

/** What the plan's rules read, besides a row's identity and state. */
const FIELDS = [
  ...ROW_FIELDS,
  'bootable',
  'instance',
  'instance_name',
  'backend_id',
  'project_uuid',
  'project_name',
  // A 2024 Waldur sends no `customer_uuid`: the schema reads it from `customer`.
  'customer',
  'customer_uuid',
  'device',
  'size',
  'marketplace_resource_uuid',
  'marketplace_resource_state',
];

export function useBulkTargets(action: BulkAction, target: BulkTarget) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: volumeKeys.bulkTargets(
      action,
      target.kind === 'rows' ? target.volumes.map((v) => v.uuid) : target.params,
    ),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    queryFn: async ({ signal }) => {
      if (target.kind === 'matching') {
        const all = await fetchAllMatching(target.params, {
          fields: FIELDS,
          signal,
          cap: BULK_CAP,
        });
        return { volumes: all.items, total: all.total };
      }
      const volumes: Volume[] = [];
      const selected = target.volumes.slice(0, BULK_CAP);
      await runPool(selected, 6, async (row) => {
        try {
          volumes.push(
            await queryClient.fetchQuery({ ...volumeQueries.detail(row.uuid), staleTime: 0 }),
          );
        } catch {
          volumes.push(row); // gone or unreadable: planned from what the list showed, and reported
        }
      });
      const order = new Map(selected.map((v, i) => [v.uuid, i]));
      volumes.sort((a, b) => (order.get(a.uuid) ?? 0) - (order.get(b.uuid) ?? 0));
      return { volumes, total: target.volumes.length };
    },
  });
}
