// Which volumes the user picked for a bulk action: rows ticked on any page (kept while paging and
// filtering), or "all N matching" the current filters (dropped when the filters change).
import { useCallback, useMemo, useState } from 'react';
import type { VolumeListParams } from '../model/list-view';
import type { Volume } from '../model/schemas';
import type { BulkTarget } from '../state/dialogs';

export function useSelection(params: VolumeListParams, total: number) {
  const [rows, setRows] = useState<Map<string, Volume>>(() => new Map());
  const filtersKey = JSON.stringify([params.search, params.filters, params.clientFilters]);
  // "All matching" holds for the filters it was chosen under: derived during render, so that a
  // change of filters drops it in the same render (an effect resetting it would render the whole
  // list page a second time after every search).
  const [allMatchingFor, setAllMatchingFor] = useState<string | null>(null);
  // Dropped for good once the filters change (coming back to them does not bring it back).
  if (allMatchingFor !== null && allMatchingFor !== filtersKey) setAllMatchingFor(null);
  const allMatching = allMatchingFor === filtersKey;
  const setAllMatching = useCallback(
    (on: boolean) => setAllMatchingFor(on ? filtersKey : null),
    [filtersKey],
  );

  const isSelected = useCallback(
    (uuid: string) => allMatching || rows.has(uuid),
    [allMatching, rows],
  );

  const toggle = useCallback((volume: Volume) => {
    setAllMatchingFor(null);
    setRows((current) => {
      const next = new Map(current);
      if (next.has(volume.uuid)) next.delete(volume.uuid);
      else next.set(volume.uuid, volume);
      return next;
    });
  }, []);

  const setPage = useCallback((volumes: Volume[], on: boolean) => {
    setAllMatchingFor(null);
    setRows((current) => {
      const next = new Map(current);
      for (const volume of volumes) {
        if (on) next.set(volume.uuid, volume);
        else next.delete(volume.uuid);
      }
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    setAllMatchingFor(null);
    setRows(new Map());
  }, []);

  const target: BulkTarget | null = useMemo(() => {
    if (allMatching) return { kind: 'matching', params, total };
    return rows.size > 0 ? { kind: 'rows', volumes: [...rows.values()] } : null;
  }, [allMatching, params, rows, total]);

  return {
    count: allMatching ? total : rows.size,
    allMatching,
    isSelected,
    toggle,
    setPage,
    clear,
    selectAllMatching: () => setAllMatching(true),
    target,
  };
}

export type SelectionState = ReturnType<typeof useSelection>;
