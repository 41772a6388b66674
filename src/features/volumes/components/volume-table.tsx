import { useQueryClient } from '@tanstack/react-query';
import { type MouseEvent, memo, type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { RelativeTime } from '@/components/time';
import { T, useT } from '@/lib/i18n';
import { formatSize } from '@/lib/units';
import { volumeQueries } from '../api/volumes';
import { type Column, type ColumnId, columnById, sortKeyOf } from '../model/columns';
import type { Volume } from '../model/schemas';
import { RuntimeBadge, StateBadge } from './state-badge';

/**
 * The name links to the detail page. A plain link: the table follows it (`useFollowNameLinks`),
 * telling the detail page which list view to go back to, so that 25 rows hold no router hooks and
 * do not render again when the URL changes (a router `<Link>` reads the location).
 */
function NameLink({ volume }: { volume: Volume }) {
  const t = useT();
  return (
    <a href={`/volumes/${volume.uuid}`} className="volume-link">
      {volume.name || <span className="muted">{t('(unnamed)')}</span>}
    </a>
  );
}

/**
 * A plain click on a name link (no modifier key, the main button: a new tab or window stays the
 * browser's) opens the volume in the app, with the list view it came from in the history state.
 */
function useFollowNameLinks() {
  const navigate = useNavigate();
  // The table renders again with its page when the view changes: reading the location here costs
  // the rows nothing.
  const { pathname, search } = useLocation();
  return (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.volume-link');
    if (
      !link ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(link.getAttribute('href')!, {
      state: { from: `${pathname}${search}` },
    });
  };
}

function Cell({ column, volume }: { column: ColumnId; volume: Volume }): ReactNode {
  const t = useT();
  switch (column) {
    case 'name':
      return <NameLink volume={volume} />;
    case 'state':
      return <StateBadge volume={volume} />;
    case 'runtime_state':
      return <RuntimeBadge runtime={volume.runtime_state} />;
    case 'size':
      return <span className="num">{formatSize(volume.size)}</span>;
    case 'type':
      return volume.type_name || <span className="muted">—</span>;
    case 'instance':
      return volume.instance_name ? (
        <span>
          {volume.instance_name}
          {volume.device ? (
            <>
              {' '}
              <bdi className="mono muted">{volume.device}</bdi>
            </>
          ) : null}
        </span>
      ) : volume.instance ? (
        <span className="mono muted" dir="ltr">
          {volume.instance.split('/').filter(Boolean).pop()}
        </span>
      ) : (
        <span className="muted">{t('Not attached')}</span>
      );
    case 'bootable':
      return volume.bootable ? t('Yes') : volume.bootable === false ? t('No') : '—';
    case 'project':
      return volume.project_name || <span className="muted">—</span>;
    case 'customer':
      return volume.customer_name ? (
        <span>
          {volume.customer_abbreviation ? (
            <T
              m="{name}<muted> ({abbreviation})</muted>"
              v={{ name: volume.customer_name, abbreviation: volume.customer_abbreviation }}
              tags={{ muted: (c) => <span className="muted">{c}</span> }}
            />
          ) : (
            volume.customer_name
          )}
        </span>
      ) : (
        <span className="muted">—</span>
      );
    case 'zone':
      return volume.availability_zone_name || <span className="muted">—</span>;
    case 'created':
      return <RelativeTime value={volume.created} />;
    case 'modified':
      return <RelativeTime value={volume.modified} />;
    case 'backend_id':
      return volume.backend_id ? (
        <span className="mono" dir="ltr">
          {volume.backend_id}
        </span>
      ) : (
        <span className="muted">{t('None')}</span>
      );
  }
}

/** Words only screen readers read. */
const hidden = (children: ReactNode) => <span className="visually-hidden">{children}</span>;

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: Column;
  sort: string;
  onSort: (sort: string) => void;
}) {
  const t = useT();
  const key = sortKeyOf(column);
  if (!key) return <th scope="col">{t(column.label)}</th>;
  const direction = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none';
  const next = direction === 'none' ? key : direction === 'ascending' ? `-${key}` : '';
  const label = { column: t(column.label) };
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {direction === 'none' ? (
          <T m="{column}<hidden>, sort ascending</hidden>" v={label} tags={{ hidden }} />
        ) : direction === 'ascending' ? (
          <T m="{column}<hidden>, sort descending</hidden>" v={label} tags={{ hidden }} />
        ) : (
          <T m="{column}<hidden>, remove sorting</hidden>" v={label} tags={{ hidden }} />
        )}
        <span className={`sort-button__icon sort-button__icon--${direction}`} aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '⇅'}
        </span>
      </button>
    </th>
  );
}

export interface TableSelection {
  isSelected: (uuid: string) => boolean;
  toggle: (volume: Volume) => void;
  setPage: (volumes: Volume[], on: boolean) => void;
}

function PageCheckbox({ volumes, selection }: { volumes: Volume[]; selection: TableSelection }) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  const selected = volumes.filter((v) => selection.isSelected(v.uuid)).length;
  const all = volumes.length > 0 && selected === volumes.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selected > 0 && !all;
  }, [selected, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={t('Select all volumes on this page')}
      checked={all}
      onChange={(event) => selection.setPage(volumes, event.target.checked)}
    />
  );
}

interface RowProps {
  volume: Volume;
  columns: ColumnId[];
  /** Undefined when the table has no selection column. */
  selected: boolean | undefined;
  onToggle: ((volume: Volume) => void) | undefined;
  onPrefetch: (uuid: string | null) => void;
  renderActions: ((volume: Volume) => ReactNode) | undefined;
}

/**
 * One row. Memoized: react-query keeps unchanged volumes as the same objects, so a refresh, a
 * selection change or a new search (whose old rows stay on screen until the new ones arrive)
 * re-renders only the rows that changed. Callers pass stable callbacks.
 */
const VolumeRow = memo(function VolumeRow({
  volume,
  columns,
  selected,
  onToggle,
  onPrefetch,
  renderActions,
}: RowProps) {
  // Read here too, so that a memoized row renders again when the language changes.
  const t = useT();
  return (
    <tr
      data-uuid={volume.uuid}
      onMouseEnter={() => onPrefetch(volume.uuid)}
      onMouseLeave={() => onPrefetch(null)}
      onFocus={() => onPrefetch(volume.uuid)}
      aria-selected={selected}
    >
      {onToggle ? (
        <td className="cell cell--select">
          <input
            type="checkbox"
            aria-label={t('Select {name}', { name: volume.name ?? volume.uuid })}
            checked={Boolean(selected)}
            onChange={() => onToggle(volume)}
          />
        </td>
      ) : null}
      {columns.map((id) =>
        id === 'name' ? (
          <th key={id} scope="row" className="cell cell--name">
            <Cell column={id} volume={volume} />
          </th>
        ) : (
          <td key={id} className={`cell cell--${id}`}>
            <Cell column={id} volume={volume} />
          </td>
        ),
      )}
      {renderActions ? <td className="cell cell--actions">{renderActions(volume)}</td> : null}
    </tr>
  );
});

/** How long the pointer or focus rests on a row before its volume is fetched. */
const INTENT_MS = 100;

/**
 * Fetches the volume a row is about once the pointer or focus rests on it: a pointer sweeping across
 * the table on its way elsewhere fetches nothing. A failed prefetch is not retried (the page will
 * ask again if the row is opened).
 */
function usePrefetchOnIntent() {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(
    (uuid: string | null) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!uuid) return;
      timer.current = setTimeout(() => {
        void queryClient.prefetchQuery({ ...volumeQueries.detail(uuid), retry: false });
      }, INTENT_MS);
    },
    [queryClient],
  );
}

/**
 * The volume list as a real table. Resting on a row prefetches its detail, so opening it is
 * instant; `renderActions` (a stable function) adds each row's actions menu.
 */
export function VolumeTable({
  volumes,
  columns,
  sort,
  onSort,
  isBusy,
  caption,
  renderActions,
  selection,
}: {
  volumes: Volume[];
  columns: ColumnId[];
  sort: string;
  onSort: (sort: string) => void;
  isBusy: boolean;
  caption: string;
  renderActions?: (volume: Volume) => ReactNode;
  selection?: TableSelection;
}) {
  const t = useT();
  const prefetch = usePrefetchOnIntent();
  const followNameLink = useFollowNameLinks();
  return (
    <div className={`table-wrap ${isBusy ? 'table-wrap--busy' : ''}`}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: follows its links' clicks (Enter on a link is a click) */}
      <table className="table" aria-busy={isBusy} data-list="volumes" onClick={followNameLink}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <td className="cell cell--select">
                <PageCheckbox volumes={volumes} selection={selection} />
              </td>
            ) : null}
            {columns.map((id) => (
              <SortHeader key={id} column={columnById(id)} sort={sort} onSort={onSort} />
            ))}
            {renderActions ? (
              <th scope="col">
                <span className="visually-hidden">{t('Actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {volumes.map((volume) => (
            <VolumeRow
              key={volume.uuid}
              volume={volume}
              columns={columns}
              selected={selection ? selection.isSelected(volume.uuid) : undefined}
              onToggle={selection?.toggle}
              onPrefetch={prefetch}
              renderActions={renderActions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
