import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Spinner } from '@/components/spinner';
import { EmptyState, ErrorState } from '@/components/status';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ActionDialogHost, RowActions } from '../actions/action-controls';
import { volumeQueries } from '../api/queries';
import { ColumnChooser, FilterBar, Presets } from '../components/filter-bar';
import { FilterChips } from '../components/filter-chips';
import { LiveStatus } from '../components/live-status';
import { Pagination } from '../components/pagination';
import { SearchBox } from '../components/search-box';
import { VolumeTable } from '../components/volume-table';
import { useListView } from '../hooks/use-list-view';
import { useSettleAnnouncements } from '../hooks/use-settle-announcements';
import { hasAnyFilter, orderedColumns, viewToParams } from '../model/list-view';
import { isTransitional } from '../model/states';

export function VolumeListPage() {
  useDocumentTitle('Volumes');
  const [view, update] = useListView();
  const params = useMemo(() => viewToParams(view), [view]);
  const query = useQuery(volumeQueries.list(params));
  const { data, isPending, isError, error, isPlaceholderData, isFetching, refetch, dataUpdatedAt } =
    query;
  const columns = orderedColumns(view);
  useSettleAnnouncements(isPlaceholderData ? undefined : data?.items);

  // A page past the end (an old link, a shrunk list) lands on the last page.
  useEffect(() => {
    if (data && !isPlaceholderData && !data.isLookup && data.page !== view.page) {
      update({ page: data.page }, { replace: true });
    }
  }, [data, isPlaceholderData, view.page, update]);

  const inProgress = data?.items.filter(isTransitional).length ?? 0;
  const filtered = hasAnyFilter(view);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">Volumes</h1>
          <p className="page-subtitle">OpenStack block storage volumes you can see in Waldur.</p>
        </div>
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
        <ColumnChooser view={view} update={update} />
      </div>
      <FilterBar view={view} update={update} />
      <FilterChips view={view} update={update} />

      {isPending ? (
        <div className="loading-block">
          <Spinner label="Loading volumes" />
          <span>Loading volumes…</span>
        </div>
      ) : isError ? (
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
              onClick={() =>
                update((v) => ({
                  ...v,
                  search: '',
                  states: [],
                  runtime: '',
                  customer: '',
                  project: '',
                  tenant: '',
                  instance: '',
                  zone: '',
                }))
              }
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
          <VolumeTable
            volumes={data.items}
            columns={columns}
            sort={view.sort}
            onSort={(sort) => update({ sort })}
            isBusy={isPlaceholderData && isFetching}
            caption={`Volumes${filtered ? ' matching the filters' : ''}, page ${data.page} of ${data.pageCount}`}
            renderActions={(volume) => <RowActions volume={volume} />}
          />
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
    </div>
  );
}
