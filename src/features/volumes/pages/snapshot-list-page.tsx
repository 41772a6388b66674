// `/snapshots`: every snapshot the user can see, searched, filtered (state, source volume,
// project), sorted and paged like the volume list, the whole view in the URL, and refreshed live
// while a snapshot on the page is in transition.
import { useQuery } from '@tanstack/react-query';
import { Options, Select } from '@/components/select';
import { LoadingBlock } from '@/components/spinner';
import { EmptyState, QueryErrorState, RefreshError } from '@/components/status';
import { useT } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { snapshotPageQueries } from '../api/snapshot-pages';
import { EntityFilter } from '../components/entity-filter';
import { LiveStatus } from '../components/live-status';
import { Pagination } from '../components/pagination';
import { SearchBox } from '../components/search-box';
import { SnapshotTable, StateSelect, VolumePicker } from '../components/snapshot-table';
import { useSnapshotView } from '../hooks/use-snapshot-view';
import { EMPTY_SNAPSHOT_VIEW, isFiltered, SNAPSHOT_SORTS } from '../model/snapshot-view';
import { isSettledState } from '../model/states';

export function SnapshotListPage() {
  const t = useT();
  useDocumentTitle(t('Snapshots'));
  const { view, update } = useSnapshotView();
  const query = useQuery(snapshotPageQueries.list(view));
  const { data, isPending, isError, error, refetch, isFetching, isPlaceholderData } = query;
  const filtered = isFiltered(view);
  const inProgress = data?.items.filter((s) => s.state && !isSettledState(s.state)).length ?? 0;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / view.pageSize)) : 1;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('Snapshots')}</h1>
          <p className="page-subtitle">
            {t('Point-in-time copies of volumes, and what was restored from them.')}
          </p>
        </div>
        <LiveStatus query={query} inProgress={inProgress} />
      </header>

      <div className="toolbar">
        <SearchBox
          id="snapshot-search"
          label={t('Search snapshots by name')}
          placeholder={t('Search by name')}
          lookupHint={null}
          value={view.search}
          onCommit={(search, options) => update({ search }, options)}
        />
        <div className="toolbar__end">
          <Select
            id="snapshot-sort"
            label={t('Sort')}
            inline
            value={view.sort}
            onChange={(event) => update({ sort: event.target.value })}
          >
            <Options
              choices={SNAPSHOT_SORTS.map(({ value, label }) => ({ value, label: t(label) }))}
            />
          </Select>
        </div>
      </div>
      <fieldset className="filter-bar">
        <legend className="visually-hidden">{t('Filters')}</legend>
        <StateSelect value={view.states} onChange={(states) => update({ states })} />
        <VolumePicker value={view.volume} onChange={(volume) => update({ volume })} />
        <EntityFilter
          kind="projects"
          value={view.project}
          onChange={(project) => update({ project })}
        />
        {filtered ? (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() =>
              update({ ...EMPTY_SNAPSHOT_VIEW, sort: view.sort, pageSize: view.pageSize })
            }
          >
            {t('Clear filters')}
          </button>
        ) : null}
      </fieldset>

      {isPending ? (
        <LoadingBlock label={t('Loading snapshots')} />
      ) : isError && !data ? (
        <QueryErrorState
          title={t('Could not load snapshots')}
          query={{ error, refetch, isFetching }}
        />
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title={t('No snapshots match these filters')}>
            <p>{t('Try another search, or clear the filters.')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t('No snapshots yet')}>
            <p>{t('Create one from a volume’s page: Create snapshot…')}</p>
          </EmptyState>
        )
      ) : (
        <>
          {isError ? <RefreshError error={error} onRetry={() => void refetch()} /> : null}
          <SnapshotTable
            snapshots={data.items}
            caption={
              filtered
                ? t('Snapshots matching the filters, page {page} of {pageCount}', {
                    page: view.page,
                    pageCount,
                  })
                : t('Snapshots, page {page} of {pageCount}', { page: view.page, pageCount })
            }
            isBusy={isPlaceholderData && isFetching}
          />
          <Pagination
            page={view.page}
            pageCount={pageCount}
            pageSize={view.pageSize}
            total={data.total}
            shown={data.items.length}
            noun="snapshots"
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </div>
  );
}
