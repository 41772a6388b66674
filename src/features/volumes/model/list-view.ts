// The list page's whole view lives in the URL: search, filters, sort, page, page size and visible
// columns. `parseView` reads a URL (tolerating anything a person could type into it), `viewToSearch`
// writes one (omitting defaults, so links stay short), `viewToParams` turns it into the API request.
import { msg } from '@/lib/i18n';
import { normalizeUuid } from '@/lib/uuid';
import { COLUMN_IDS, COLUMNS, type ColumnId, DEFAULT_COLUMNS } from './columns';
import { CORE_STATES, TRANSITIONAL_STATES } from './states';

/** Waldur's volume list filters, with the contract's parameter names. */
export interface VolumeFilters {
  state?: string[];
  runtime_state?: string;
  customer_uuid?: string;
  project_uuid?: string;
  tenant_uuid?: string;
  instance_uuid?: string;
  availability_zone_name?: string;
}

/**
 * Filters Waldur's API does not have (no `modified` or `bootable` filter): applied in the browser to
 * every volume matching the API filters, up to `CLIENT_FILTER_CAP`.
 */
export interface ClientFilters {
  /** In a transitional state, last modified longer ago than this. */
  stuckForMinutes?: number;
  bootable?: boolean;
}

export const CLIENT_FILTER_CAP = 3000;

/** One list request: what the API is asked for, derived from the view. */
export interface VolumeListParams {
  /** Name, or a volume UUID / Cinder ID pasted whole. */
  search?: string;
  filters: VolumeFilters;
  /** `o`: e.g. `-size` or `name`. */
  ordering?: string;
  page: number;
  pageSize: number;
  /** Sparse fieldset; always includes what rows and live refresh need. */
  fields: string[];
  clientFilters?: ClientFilters;
}

/** Fields every list row needs whatever the columns: identity, and what live refresh watches. */
export const ROW_FIELDS = ['uuid', 'url', 'name', 'state', 'runtime_state', 'action'] as const;

export interface ListView {
  search: string;
  states: string[];
  runtime: string;
  customer: string;
  project: string;
  tenant: string;
  instance: string;
  zone: string;
  /** Transitional for more than 30 minutes (by `modified`): filtered in the browser. */
  stuck: boolean;
  /** '' any, or only boot / only data volumes: filtered in the browser. */
  bootable: '' | 'yes' | 'no';
  /** `o` value, e.g. `-size`; '' is Waldur's default order (name). */
  sort: string;
  page: number;
  pageSize: number;
  columns: ColumnId[];
}

export const PAGE_SIZES = [10, 25, 50, 100, 300] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const FILTER_KEYS = [
  'states',
  'runtime',
  'customer',
  'project',
  'tenant',
  'instance',
  'zone',
  'stuck',
  'bootable',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Minutes after which a volume still in a transitional state counts as stuck. */
export const STUCK_AFTER_MINUTES = 30;

const SORTABLE = new Set(COLUMNS.flatMap((c) => ('sort' in c ? [c.sort, `-${c.sort}`] : [])));

export const EMPTY_VIEW: ListView = {
  search: '',
  states: [],
  runtime: '',
  customer: '',
  project: '',
  tenant: '',
  instance: '',
  zone: '',
  stuck: false,
  bootable: '',
  sort: '',
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  columns: DEFAULT_COLUMNS,
};

function uuidParam(params: URLSearchParams, key: string) {
  return normalizeUuid(params.get(key)) ?? '';
}

export function parseView(params: URLSearchParams): ListView {
  const states = [...new Set(params.getAll('state'))].filter((s) =>
    (CORE_STATES as readonly string[]).includes(s),
  );
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('size'));
  const sort = params.get('sort') ?? '';
  const columns = (params.get('cols') ?? '')
    .split(',')
    .filter((c): c is ColumnId => (COLUMN_IDS as string[]).includes(c));
  return {
    search: params.get('q') ?? '',
    states,
    runtime: params.get('runtime') ?? '',
    customer: uuidParam(params, 'customer'),
    project: uuidParam(params, 'project'),
    tenant: uuidParam(params, 'tenant'),
    instance: uuidParam(params, 'instance'),
    zone: params.get('zone') ?? '',
    stuck: params.get('stuck') === '1',
    bootable:
      params.get('bootable') === 'yes' ? 'yes' : params.get('bootable') === 'no' ? 'no' : '',
    sort: SORTABLE.has(sort) ? sort : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    columns: columns.length > 0 ? withRequired(columns) : DEFAULT_COLUMNS,
  };
}

function withRequired(columns: ColumnId[]): ColumnId[] {
  const unique = [...new Set(columns)];
  return unique.includes('name') ? unique : ['name', ...unique];
}

function sameColumns(a: ColumnId[], b: ColumnId[]) {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

export function viewToSearch(view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  for (const state of view.states) params.append('state', state);
  if (view.runtime) params.set('runtime', view.runtime);
  if (view.customer) params.set('customer', view.customer);
  if (view.project) params.set('project', view.project);
  if (view.tenant) params.set('tenant', view.tenant);
  if (view.instance) params.set('instance', view.instance);
  if (view.zone) params.set('zone', view.zone);
  if (view.stuck) params.set('stuck', '1');
  if (view.bootable) params.set('bootable', view.bootable);
  if (view.sort) params.set('sort', view.sort);
  if (view.page > 1) params.set('page', String(view.page));
  if (view.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(view.pageSize));
  if (!sameColumns(view.columns, DEFAULT_COLUMNS)) params.set('cols', view.columns.join(','));
  return params;
}

/** Column order in the table follows the registry, whatever order the URL lists them in. */
export function orderedColumns(view: ListView): ColumnId[] {
  return COLUMN_IDS.filter((id) => view.columns.includes(id));
}

/** The fields the list asks for: what rows always need plus what the visible columns show. */
export function fieldsFor(columns: ColumnId[]): string[] {
  const fields = new Set<string>(ROW_FIELDS);
  for (const column of COLUMNS) {
    if (columns.includes(column.id)) for (const field of column.fields) fields.add(field);
  }
  return [...fields].sort();
}

export function viewToParams(view: ListView): VolumeListParams {
  return {
    search: view.search.trim() || undefined,
    filters: {
      state: view.states.length > 0 ? [...view.states].sort() : undefined,
      runtime_state: view.runtime || undefined,
      customer_uuid: view.customer || undefined,
      project_uuid: view.project || undefined,
      tenant_uuid: view.tenant || undefined,
      instance_uuid: view.instance || undefined,
      availability_zone_name: view.zone || undefined,
    },
    ordering: view.sort || undefined,
    page: view.page,
    pageSize: view.pageSize,
    fields: fieldsFor(view.columns),
    clientFilters:
      view.stuck || view.bootable
        ? {
            ...(view.stuck ? { stuckForMinutes: STUCK_AFTER_MINUTES } : {}),
            ...(view.bootable ? { bootable: view.bootable === 'yes' } : {}),
          }
        : undefined,
  };
}

function isActive(view: ListView, key: FilterKey) {
  if (key === 'states') return view.states.length > 0;
  if (key === 'stuck') return view.stuck;
  return view[key] !== '';
}

export function activeFilterCount(view: ListView) {
  return FILTER_KEYS.filter((key) => isActive(view, key)).length;
}

/** The view without any search or filter (sort, page size and columns kept). */
export function withoutFilters(view: ListView): ListView {
  const { sort, page, pageSize, columns } = view;
  return { ...EMPTY_VIEW, sort, page, pageSize, columns };
}

export function hasAnyFilter(view: ListView) {
  return activeFilterCount(view) > 0 || view.search.trim() !== '';
}

/** Quick presets: one click to what people filter by most (labels translated where shown: `t(label)`). */
export const PRESETS = [
  {
    id: 'erred',
    label: msg('Erred'),
    apply: (view: ListView): ListView => ({ ...view, states: ['ERRED'] }),
    isActive: (view: ListView) => view.states.length === 1 && view.states[0] === 'ERRED',
  },
  {
    id: 'in-progress',
    label: msg('In progress'),
    apply: (view: ListView): ListView => ({ ...view, states: [...TRANSITIONAL_STATES] }),
    isActive: (view: ListView) =>
      view.states.length === TRANSITIONAL_STATES.length &&
      TRANSITIONAL_STATES.every((s) => view.states.includes(s)),
  },
  {
    id: 'detached',
    label: msg('Detached'),
    apply: (view: ListView): ListView => ({ ...view, runtime: 'available' }),
    isActive: (view: ListView) => view.runtime === 'available',
  },
  {
    id: 'in-use',
    label: msg('In use'),
    apply: (view: ListView): ListView => ({ ...view, runtime: 'in-use' }),
    isActive: (view: ListView) => view.runtime === 'in-use',
  },
  {
    id: 'stuck',
    label: msg('Stuck'),
    apply: (view: ListView): ListView => ({ ...view, stuck: true }),
    isActive: (view: ListView) => view.stuck,
  },
  {
    id: 'bootable',
    label: msg('Bootable'),
    apply: (view: ListView): ListView => ({ ...view, bootable: 'yes' }),
    isActive: (view: ListView) => view.bootable === 'yes',
  },
] as const;

/** What a preset clears when it is switched off. */
export function presetOff(id: (typeof PRESETS)[number]['id'], view: ListView): ListView {
  switch (id) {
    case 'erred':
    case 'in-progress':
      return { ...view, states: [] };
    case 'detached':
    case 'in-use':
      return { ...view, runtime: '' };
    case 'stuck':
      return { ...view, stuck: false };
    case 'bootable':
      return { ...view, bootable: '' };
  }
}
