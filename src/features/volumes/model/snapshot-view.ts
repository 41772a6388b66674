// The snapshots page's whole view lives in the URL, as the volume list's does: search, filters
// (state, source volume, project), sort, page and page size. `parseSnapshotView` reads a URL
// (tolerating anything a person could type), `snapshotViewToSearch` writes one without defaults,
// `snapshotViewToQuery` makes the API request.
import type { QueryParams } from '@/lib/http';
import { msg } from '@/lib/i18n';
import { normalizeUuid } from '@/lib/uuid';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from './list-view';
import { CORE_STATES } from './states';

export interface SnapshotView {
  search: string;
  states: string[];
  /** Source volume UUID. */
  volume: string;
  project: string;
  /** `o`, e.g. `-created`; '' is the page's default (newest first). */
  sort: string;
  page: number;
  pageSize: number;
}

/** Orderings Waldur's snapshot filter takes, as the page offers them (labels: `t(label)`). */
export const SNAPSHOT_SORTS = [
  { value: '', label: msg('Newest first') },
  { value: 'created', label: msg('Oldest first') },
  { value: 'name', label: msg('Name (A–Z)') },
  { value: '-name', label: msg('Name (Z–A)') },
  { value: '-size', label: msg('Largest first') },
  { value: 'size', label: msg('Smallest first') },
  { value: 'state', label: msg('State') },
  { value: 'source_volume_name', label: msg('Source volume') },
] as const;

export const EMPTY_SNAPSHOT_VIEW: SnapshotView = {
  search: '',
  states: [],
  volume: '',
  project: '',
  sort: '',
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

const SORTS = new Set<string>(SNAPSHOT_SORTS.map((s) => s.value));

export function parseSnapshotView(params: URLSearchParams): SnapshotView {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const sort = params.get('sort') ?? '';
  return {
    search: params.get('q')?.trim() ?? '',
    states: [...new Set(params.getAll('state'))].filter((s) =>
      (CORE_STATES as readonly string[]).includes(s),
    ),
    volume: normalizeUuid(params.get('volume')) ?? '',
    project: normalizeUuid(params.get('project')) ?? '',
    sort: SORTS.has(sort) ? sort : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

export function snapshotViewToSearch(view: SnapshotView): string {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  for (const state of [...view.states].sort()) params.append('state', state);
  if (view.volume) params.set('volume', view.volume);
  if (view.project) params.set('project', view.project);
  if (view.sort) params.set('sort', view.sort);
  if (view.page > 1) params.set('page', String(view.page));
  if (view.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(view.pageSize));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What a row needs, and what the live refresh watches. */
export const SNAPSHOT_FIELDS = [
  'uuid',
  'url',
  'name',
  'state',
  'runtime_state',
  'size',
  'created',
  'kept_until',
  'source_volume',
  'source_volume_name',
  'project_name',
  'project_uuid',
  'error_message',
];

export function snapshotViewToQuery(view: SnapshotView): QueryParams {
  return {
    name: view.search || undefined,
    state: view.states.length > 0 ? view.states : undefined,
    source_volume_uuid: view.volume || undefined,
    project_uuid: view.project || undefined,
    o: view.sort || '-created',
    page: view.page > 1 ? view.page : undefined,
    page_size: view.pageSize,
    field: SNAPSHOT_FIELDS,
  };
}

/** Whether a view narrows the list (for "no snapshots match" versus "no snapshots yet"). */
export function isFiltered(view: SnapshotView) {
  return Boolean(view.search || view.states.length || view.volume || view.project);
}
