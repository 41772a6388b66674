// The storage overview's rules: its view in the URL (tenant search, customer, one tenant, the page
// of tenants), which of a tenant's quotas it shows and how full the tenant is (the fullest of
// them), the links its charts and lists lead to (the volume list's own URL encoding), and which
// volumes count as stuck. Waldur cannot order tenants by how full they are, nor filter volumes by
// `modified`: both happen here, over what a bounded number of requests brought.
import { normalizeUuid } from '@/lib/uuid';
import { EMPTY_VIEW, type ListView, STUCK_AFTER_MINUTES, viewToSearch } from './list-view';
import { fullness, type Quota } from './quota-use';
import { EMPTY_SNAPSHOT_VIEW, snapshotViewToSearch } from './snapshot-view';
import { TRANSITIONAL_STATES } from './states';

export interface OverviewView {
  /** Tenants by name (`name=`, Waldur's icontains). */
  search: string;
  /** Customer UUID: narrows every request (`customer_uuid`). */
  customer: string;
  /** One tenant only (the volume page's "Quotas of this tenant"). */
  tenant: string;
  /** The page of tenants, in order of fullness. */
  page: number;
}

export const EMPTY_OVERVIEW: OverviewView = { search: '', customer: '', tenant: '', page: 1 };

/** Tenants on one page of the overview (a screenful of cards). */
export const TENANTS_PER_PAGE = 10;
/** Tenants per request: Waldur's largest page. */
export const TENANT_REQUEST_SIZE = 300;
/** At most this many tenants are read (10 requests) to sort them; more are said to be left out. */
export const TENANT_CAP = 3000;
/** Offerings per request, and how many are read at most. */
export const OFFERING_REQUEST_SIZE = 300;
export const OFFERING_CAP = 3000;
/** Volumes in progress read (one request) to find the stuck ones among them. */
export const STUCK_SCAN_CAP = 300;
/** Rows of each "needs attention" list. */
export const ATTENTION_ROWS = 10;
/** The page re-reads what it shows this often while it is open and the tab is visible. */
export const OVERVIEW_REFRESH_MS = 45_000;

export function parseOverviewView(params: URLSearchParams): OverviewView {
  const page = Number(params.get('page'));
  return {
    search: params.get('q')?.trim() ?? '',
    customer: normalizeUuid(params.get('customer')) ?? '',
    tenant: normalizeUuid(params.get('tenant')) ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function overviewViewToSearch(view: OverviewView): string {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  if (view.customer) params.set('customer', view.customer);
  if (view.tenant) params.set('tenant', view.tenant);
  if (view.page > 1) params.set('page', String(view.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What narrows every section: the customer and the one tenant. */
export interface OverviewScope {
  customer: string;
  tenant: string;
}

/** The quotas a tenant's card shows, in this order: storage, volumes, snapshots, then each type. */
const SHOWN = ['storage', 'volumes', 'snapshots'];

export function shownQuotas<Q extends Quota>(quotas: readonly Q[] | null | undefined) {
  const named = (quotas ?? []).filter((q): q is Q & { name: string } => Boolean(q.name));
  const fixed = SHOWN.flatMap((name) => named.filter((q) => q.name === name));
  const perType = named
    .filter((q) => q.name.startsWith('gigabytes_'))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...fixed, ...perType];
}

/** How full a tenant is: its fullest shown quota (0 when none has a limit; -1 counts as none). */
export function tenantFullness(quotas: readonly Quota[] | null | undefined): number {
  return shownQuotas(quotas).reduce((most, quota) => Math.max(most, fullness(quota)), 0);
}

/** Fullest first; equally full ones by name. */
export function byFullness<T extends { name?: string | null; quotas?: readonly Quota[] | null }>(
  tenants: readonly T[],
): T[] {
  return tenants
    .map((tenant) => ({ tenant, full: tenantFullness(tenant.quotas) }))
    .sort((a, b) => b.full - a.full || (a.tenant.name ?? '').localeCompare(b.tenant.name ?? ''))
    .map(({ tenant }) => tenant);
}

/** The volume list, filtered as a chart's bar or a list's "all of them" says, in the list's URL. */
export function volumeListLink(
  scope: OverviewScope,
  filter: Partial<Pick<ListView, 'states' | 'runtime' | 'stuck' | 'project'>>,
): string {
  const search = viewToSearch({
    ...EMPTY_VIEW,
    ...filter,
    customer: scope.customer,
    tenant: scope.tenant,
  }).toString();
  return `/volumes${search ? `?${search}` : ''}`;
}

/** The snapshots list of erred snapshots (it has no customer or tenant filter). */
export const erredSnapshotsLink = () =>
  `/snapshots${snapshotViewToSearch({ ...EMPTY_SNAPSHOT_VIEW, states: ['ERRED'] })}`;

const TRANSITIONAL: ReadonlySet<string> = new Set(TRANSITIONAL_STATES);

/**
 * Stuck: in a transitional state and not modified for more than `STUCK_AFTER_MINUTES` (the list's
 * "Stuck" view, by the same rule). A volume without `modified` is not judged.
 */
export function isStuck(
  volume: { state?: string | null; modified?: string | null },
  now: number,
): boolean {
  if (!volume.state || !TRANSITIONAL.has(volume.state) || !volume.modified) return false;
  const modified = Date.parse(volume.modified);
  return Number.isFinite(modified) && modified < now - STUCK_AFTER_MINUTES * 60_000;
}
