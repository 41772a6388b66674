import './volume-list.css';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { DisclosureButton } from '@/components/button';
import { LoadingBlock } from '@/components/spinner';
import { EmptyState, QueryErrorState, RefreshError } from '@/components/status';
import { formatInteger } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { PHONE, useMediaQuery } from '@/lib/use-media-query';
import { volumeQueries } from '../api/volumes';
import { ColumnChooser, FilterBar, Presets } from '../components/filter-bar';
import { FilterChips } from '../components/filter-chips';
import { LazyBulkBar as BulkBar } from '../components/lazy-bulk-bar';
import { LiveStatus } from '../components/live-status';
import { Pagination } from '../components/pagination';
import { RowActions } from '../components/row-actions';
import { SearchBox } from '../components/search-box';
import { ViewsMenu } from '../components/views-menu';
import { VolumeTable } from '../components/volume-table';
import { DialogHost } from '../dialogs/dialog-host';
import { currentRow, useListKeyboard } from '../hooks/use-list-keyboard';
import { useListView } from '../hooks/use-list-view';
import { useSelection } from '../hooks/use-selection';
import { useSettleAnnouncements } from '../hooks/use-settle-announcements';
import type { ColumnId } from '../model/columns';
import {
  activeFilterCount,
  hasAnyFilter,
  type ListView,
  orderedColumns,
  STUCK_AFTER_MINUTES,
  viewToParams,
  withoutFilters,
} from '../model/list-view';
import type { Volume } from '../model/schemas';
import { needsRefresh } from '../model/states';
import { openDialog, preloadDialog } from '../state/dialogs';

/**
 * What the browser filtered by itself (Waldur has no such filter), and how many volumes it checked:
 * "Boot volumes only: Waldur has no such filter, so the console checked 3 matching volumes itself."
 */
function scannedNote(
  t: ReturnType<typeof useT>,
  view: ListView,
  count: number,
  of: number,
): string {
  const minutes = STUCK_AFTER_MINUTES;
  const filters = view.stuck
    ? view.bootable === 'yes'
      ? t('In progress for more than {minutes} minutes (by last modification); boot volumes only', {
          minutes,
        })
      : view.bootable === 'no'
        ? t(
            'In progress for more than {minutes} minutes (by last modification); data volumes only',
            { minutes },
          )
        : t('In progress for more than {minutes} minutes (by last modification)', { minutes })
    : view.bootable === 'yes'
      ? t('Boot volumes only')
      : t('Data volumes only');
  return of > count
    ? t(
        '{filters}: Waldur has no such filter, so the console checked {count} of {total, plural, one {# matching volume} other {# matching volumes}} itself.',
        { filters, count: formatInteger(count), total: of },
      )
    : t(
        '{filters}: Waldur has no such filter, so the console checked {count, plural, one {# matching volume} other {# matching volumes}} itself.',
        { filters, count },
      );
}

/** Stable, so that memoized rows do not re-render for it. */
const renderRowActions = (volume: Volume) => <RowActions volume={volume} />;

export function VolumeListPage() {
  const t = useT();
  useDocumentTitle(t('Volumes'));
  const [view, update] = useListView();
  const params = useMemo(() => viewToParams(view), [view]);
  const query = useQuery(volumeQueries.list(params));
  const { data, isPending, isError, error, isPlaceholderData, isFetching, refetch } = query;
  // Stable while the visible columns stay the same (the rows are memoized on it).
  const columnsKey = orderedColumns(view).join(',');
  const columns = useMemo(() => columnsKey.split(',') as ColumnId[], [columnsKey]);
  useSettleAnnouncements(isPlaceholderData ? undefined : data?.items);

  // A page past the end (an old link, a shrunk list) lands on the last page.
  useEffect(() => {
    if (data && !isPlaceholderData && !data.isLookup && data.page !== view.page) {
      update({ page: data.page }, { replace: true });
    }
  }, [data, isPlaceholderData, view.page, update]);

  // On a phone the filters fold behind "Filters (n)", so that volumes fill the first screen.
  const phone = useMediaQuery(PHONE);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();

  const selection = useSelection(params, data?.total ?? 0);
  const total = data?.total ?? 0;
  const openExport = useCallback(
    () => openDialog({ kind: 'export', params, columns, total }),
    [params, columns, total],
  );
  // The palette is about the row that had focus when it opened.
  const openPalette = useCallback(() => {
    const uuid = currentRow()?.dataset.uuid;
    const row = data?.items.find((v) => v.uuid === uuid);
    openDialog({ kind: 'palette', row, selection, onExport: openExport });
  }, [data, selection, openExport]);
  const openHelp = useCallback(() => openDialog({ kind: 'help' }), []);
  useListKeyboard({ onPalette: openPalette, onHelp: openHelp });
  const inProgress = data?.items.filter(needsRefresh).length ?? 0;
  const filtered = hasAnyFilter(view);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('Volumes')}</h1>
          <p className="page-subtitle">
            {t('OpenStack block storage volumes you can see in Waldur.')}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--primary new-volume-button"
          onPointerEnter={() => preloadDialog('create')}
          onFocus={() => preloadDialog('create')}
          onClick={() => openDialog({ kind: 'create', projectUuid: view.project || undefined })}
        >
          {t('New volume')}
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm shortcuts-button"
          onClick={openHelp}
        >
          {t('Keyboard shortcuts')} <kbd>?</kbd>
        </button>
        <LiveStatus query={query} inProgress={inProgress} />
      </header>

      <div className="toolbar">
        <SearchBox
          value={view.search}
          onCommit={(search, options) => update({ search }, { ...options, whenLoaded: true })}
        />
        <Presets view={view} update={update} />
        <div className="toolbar__end">
          <ViewsMenu />
          <ColumnChooser view={view} update={update} />
          <button
            type="button"
            className="btn btn--secondary"
            disabled={!data || data.total === 0}
            onPointerEnter={() => preloadDialog('export')}
            onFocus={() => preloadDialog('export')}
            onClick={openExport}
          >
            {t('Export…')}
          </button>
        </div>
      </div>
      {phone ? (
        <DisclosureButton
          className="filters-toggle"
          open={filtersOpen}
          onToggle={setFiltersOpen}
          controls={filtersId}
        >
          {t('Filters ({count})', { count: activeFilterCount(view) })}
        </DisclosureButton>
      ) : null}
      <div id={filtersId} hidden={phone && !filtersOpen}>
        <FilterBar view={view} update={update} />
      </div>
      <FilterChips view={view} update={update} />

      {isPending ? (
        <LoadingBlock label={t('Loading volumes')} />
      ) : isError && !data ? (
        <QueryErrorState
          title={t('Could not load volumes')}
          query={{ error, refetch, isFetching }}
        />
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title={t('No volumes match these filters')}>
            <p>{t('Try another search, or remove some filters.')}</p>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => update(withoutFilters)}
            >
              {t('Clear all filters')}
            </button>
          </EmptyState>
        ) : (
          <EmptyState title={t('No volumes yet')}>
            <p>{t('There are no volumes in the projects you can see.')}</p>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => openDialog({ kind: 'create' })}
            >
              {t('Create a volume')}
            </button>
          </EmptyState>
        )
      ) : (
        <>
          {isError ? <RefreshError error={error} onRetry={() => void refetch()} /> : null}
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
            caption={
              filtered
                ? t('Volumes matching the filters, page {page} of {pageCount}', {
                    page: data.page,
                    pageCount: data.pageCount,
                  })
                : t('Volumes, page {page} of {pageCount}', {
                    page: data.page,
                    pageCount: data.pageCount,
                  })
            }
            renderActions={renderRowActions}
            selection={selection}
          />
          {data.scanned ? (
            <p className="muted list-note">
              {scannedNote(t, view, data.scanned.count, data.scanned.of)}
            </p>
          ) : null}
          {data.isLookup ? (
            <p className="muted">
              {t(
                '{count, plural, one {# volume has} other {# volumes have}} this ID as UUID, backend ID or name.',
                { count: data.total },
              )}
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
      <DialogHost />
    </div>
  );
}
