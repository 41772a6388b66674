import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Spinner } from '@/components/spinner';
import { EmptyState, ErrorState } from '@/components/status';
import { formatInteger } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ActionDialogHost, RowActions } from '../actions/action-controls';
import { volumeKeys, volumeQueries } from '../api/queries';
import type { Volume } from '../api/schemas';
import { BulkBar, BulkDialogHost } from '../components/bulk-bar';
import { ColumnChooser, FilterBar, Presets } from '../components/filter-bar';
import { FilterChips } from '../components/filter-chips';
import { LiveStatus } from '../components/live-status';
import { Pagination } from '../components/pagination';
import { SearchBox } from '../components/search-box';
import { ViewsMenu } from '../components/views-menu';
import { VolumeTable } from '../components/volume-table';
import { currentRow, useListKeyboard } from '../hooks/use-list-keyboard';
import { useListView } from '../hooks/use-list-view';
import { useSelection } from '../hooks/use-selection';
import { useSettleAnnouncements } from '../hooks/use-settle-announcements';
import type { ColumnId } from '../model/columns';
import {
  hasAnyFilter,
  orderedColumns,
  STUCK_AFTER_MINUTES,
  viewToParams,
  withoutFilters,
} from '../model/list-view';
import { isTransitional } from '../model/states';

const ExportDialog = lazy(() =>
  import('../export/export-dialog').then((m) => ({ default: m.ExportDialog })),
);
const CommandPalette = lazy(() =>
  import('../keyboard/command-palette').then((m) => ({ default: m.CommandPalette })),
);
const ShortcutsHelp = lazy(() =>
  import('../keyboard/shortcuts-help').then((m) => ({ default: m.ShortcutsHelp })),
);

/** Stable, so that memoized rows do not re-render for it. */
const renderRowActions = (volume: Volume) => <RowActions volume={volume} />;

export function VolumeListPage() {
  useDocumentTitle('Volumes');
  const [view, update] = useListView();
  const params = useMemo(() => viewToParams(view), [view]);
  const query = useQuery(volumeQueries.list(params));
  const { data, isPending, isError, error, isPlaceholderData, isFetching, refetch, dataUpdatedAt } =
    query;
  // Stable while the visible columns stay the same (the rows are memoized on it).
  const columnsKey = orderedColumns(view).join(',');
  const columns = useMemo(() => columnsKey.split(',') as ColumnId[], [columnsKey]);
  useSettleAnnouncements(isPlaceholderData ? undefined : data?.items);

  // Facet counts follow the list: when it refreshes, the open ones refresh too (closed ones are
  // only marked stale).
  const queryClient = useQueryClient();
  useEffect(() => {
    if (dataUpdatedAt)
      void queryClient.invalidateQueries({ queryKey: volumeKeys.counts(), refetchType: 'active' });
  }, [dataUpdatedAt, queryClient]);

  // A page past the end (an old link, a shrunk list) lands on the last page.
  useEffect(() => {
    if (data && !isPlaceholderData && !data.isLookup && data.page !== view.page) {
      update({ page: data.page }, { replace: true });
    }
  }, [data, isPlaceholderData, view.page, update]);

  const selection = useSelection(params, data?.total ?? 0);
  const [exporting, setExporting] = useState(false);
  const [helping, setHelping] = useState(false);
  // The palette is about the row that had focus when it opened.
  const [palette, setPalette] = useState<{ row: Volume | undefined } | null>(null);
  const openPalette = useCallback(() => {
    const uuid = currentRow()?.dataset.uuid;
    setPalette({ row: data?.items.find((v) => v.uuid === uuid) });
  }, [data]);
  const openHelp = useCallback(() => setHelping(true), []);
  useListKeyboard({ onPalette: openPalette, onHelp: openHelp });
  const inProgress = data?.items.filter(isTransitional).length ?? 0;
  const filtered = hasAnyFilter(view);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Volumes</h1>
          <p className="page-subtitle">OpenStack block storage volumes you can see in Waldur.</p>
        </div>
        <button
          type="button"
          className="btn btn--ghost btn--sm shortcuts-button"
          onClick={openHelp}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
        <LiveStatus
          updatedAt={dataUpdatedAt}
          inProgress={inProgress}
          isFetching={isFetching}
          onRefresh={() => void refetch()}
        />
      </header>

      <div className="toolbar">
        <SearchBox
          value={view.search}
          onCommit={(search, options) => update({ search }, options)}
        />
        <Presets view={view} update={update} />
        <div className="toolbar__end">
          <ViewsMenu />
          <ColumnChooser view={view} update={update} />
          <button
            type="button"
            className="btn btn--secondary"
            disabled={!data || data.total === 0}
            onPointerEnter={() => void import('../export/export-dialog')}
            onClick={() => setExporting(true)}
          >
            Export…
          </button>
        </div>
      </div>
      <FilterBar view={view} update={update} />
      <FilterChips view={view} update={update} />

      {isPending ? (
        <div className="loading-block">
          <Spinner label="Loading volumes" />
          <span>Loading volumes…</span>
        </div>
      ) : isError && !data ? (
        <ErrorState
          title="Could not load volumes"
          error={error}
          onRetry={() => void refetch()}
          isRetrying={isFetching}
        />
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No volumes match these filters">
            <p>Try another search, or remove some filters.</p>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => update(withoutFilters)}
            >
              Clear all filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No volumes yet">
            <p>
              There are no volumes in the projects you can see. Volumes are created from Waldur’s
              marketplace.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          {isError ? (
            // A refresh failed; what was loaded stays on screen.
            <div className="callout callout--warning list-refresh-error" role="alert">
              <p>
                <strong>Could not refresh the list:</strong> {error.message} Showing what was loaded
                before.
              </p>
              <button
                type="button"
                className="btn btn--secondary btn--sm"
                onClick={() => void refetch()}
              >
                Try again
              </button>
            </div>
          ) : null}
          <BulkBar
            selection={selection}
            total={data.total}
            pageSize={view.pageSize}
            allOnPageSelected={data.items.every((v) => selection.isSelected(v.uuid))}
          />
          <VolumeTable
            volumes={data.items}
            columns={columns}
            sort={view.sort}
            onSort={(sort) => update({ sort })}
            isBusy={isPlaceholderData && isFetching}
            caption={`Volumes${filtered ? ' matching the filters' : ''}, page ${data.page} of ${data.pageCount}`}
            renderActions={renderRowActions}
            selection={selection}
          />
          {data.scanned ? (
            <p className="muted list-note">
              {view.stuck
                ? `In progress for more than ${STUCK_AFTER_MINUTES} minutes (by last modification)`
                : ''}
              {view.stuck && view.bootable ? '; ' : ''}
              {view.bootable
                ? view.bootable === 'yes'
                  ? 'boot volumes only'
                  : 'data volumes only'
                : ''}
              : Waldur has no such filter, so the console checked{' '}
              {formatInteger(data.scanned.count)}
              {data.scanned.of > data.scanned.count ? ` of ${formatInteger(data.scanned.of)}` : ''}{' '}
              matching volumes itself.
            </p>
          ) : null}
          {data.isLookup ? (
            <p className="muted">
              {data.total} {data.total === 1 ? 'volume has' : 'volumes have'} this ID as UUID,
              backend ID or name.
            </p>
          ) : (
            <Pagination
              page={data.page}
              pageCount={data.pageCount}
              pageSize={view.pageSize}
              total={data.total}
              shown={data.items.length}
              onPage={(page) => update({ page })}
              onPageSize={(pageSize) => update({ pageSize })}
            />
          )}
        </>
      )}
      <ActionDialogHost />
      <BulkDialogHost />
      {palette ? (
        <Suspense fallback={null}>
          <CommandPalette
            row={palette.row}
            selection={selection}
            onExport={() => setExporting(true)}
            onHelp={openHelp}
            onClose={() => setPalette(null)}
          />
        </Suspense>
      ) : null}
      {helping ? (
        <Suspense fallback={null}>
          <ShortcutsHelp onClose={() => setHelping(false)} />
        </Suspense>
      ) : null}
      {exporting && data ? (
        <Suspense fallback={null}>
          <ExportDialog
            params={params}
            columns={columns}
            total={data.total}
            onClose={() => setExporting(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
