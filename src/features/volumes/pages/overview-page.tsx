// `/overview`: the storage overview. Every tenant the reader can see with its quotas as bars,
// fullest first, and what its volumes cost; volumes by state and by runtime state as charts whose
// bars lead to the filtered list; and what needs attention (erred volumes and snapshots, stuck
// volumes, orders waiting for approval). Each section loads, fails and retries on its own. The view
// (tenant search, customer, one tenant, page of tenants) lives in the URL. What it asks Waldur, and
// why that grows with tenants and never with volumes: README, "Storage overview".
import './overview.css';
import { useIsFetching, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { QueryGate } from '@/components/query-gate';
import { EmptyState } from '@/components/status';
import { errorMessage } from '@/lib/api-error';
import { configurationQuery, currencyOf, featureOn } from '@/lib/configuration';
import { currentUserQuery } from '@/lib/current-user';
import { formatAge, formatInteger } from '@/lib/format';
import { T, useT } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useNow } from '@/lib/use-now';
import { overviewKeys, volumeKeys } from '../api/keys';
import { overviewQueries } from '../api/overview';
import { BAR_TAGS, BarChart, type ChartBar } from '../components/bar-chart';
import { EntityFilter } from '../components/entity-filter';
import { waitText } from '../components/operation-watcher';
import { SearchBox } from '../components/search-box';
import { TenantCard } from '../components/tenant-card';
import { useOverviewView } from '../hooks/use-overview-view';
import { STUCK_AFTER_MINUTES } from '../model/list-view';
import {
  ATTENTION_ROWS,
  byFullness,
  erredSnapshotsLink,
  isStuck,
  OVERVIEW_REFRESH_MS,
  type OverviewScope,
  type OverviewView,
  STUCK_SCAN_CAP,
  TENANTS_PER_PAGE,
  volumeListLink,
} from '../model/overview';
import { tenantVolumesPer30Days } from '../model/pricing';
import {
  activityLabel,
  CORE_STATES,
  RUNTIME_STATES,
  runtimeStateLabel,
  runtimeTone,
  stateLabel,
  stateTone,
} from '../model/states';

/** A section of the page: a region named by its heading. */
function Section({
  title,
  level = 2,
  className = 'overview-section',
  children,
}: {
  title: string;
  level?: 2 | 3;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={className} aria-labelledby={id}>
      <Heading id={id} className={level === 2 ? 'overview-section__title' : 'attention__title'}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

// Tenants.

function TenantPager({
  page,
  pageCount,
  first,
  last,
  total,
  onPage,
}: {
  page: number;
  pageCount: number;
  first: number;
  last: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  return (
    <nav className="overview-pager" aria-label={t('Pages of tenants')}>
      <p className="overview-pager__summary" aria-live="polite">
        {t('{first}–{last} of {count, plural, one {# tenant} other {# tenants}}', {
          first: formatInteger(first),
          last: formatInteger(last),
          count: total,
        })}
      </p>
      {pageCount > 1 ? (
        <div className="overview-pager__pages">
          <Button size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            <span aria-hidden="true" className="flip-rtl">
              ‹
            </span>{' '}
            {t('Previous', {}, 'page')}
          </Button>
          <span>
            {t('Page {page} of {count}', {
              page: formatInteger(page),
              count: formatInteger(pageCount),
            })}
          </span>
          <Button size="sm" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
            {t('Next', {}, 'page')}{' '}
            <span aria-hidden="true" className="flip-rtl">
              ›
            </span>
          </Button>
        </div>
      ) : null}
    </nav>
  );
}

/**
 * What each tenant's volumes cost, where the deployment shows prices: once its configuration is
 * read and says prices are not concealed, from the volume offerings' plans. `null` for a tenant
 * nothing prices.
 */
function usePrices() {
  const configuration = useQuery(configurationQuery());
  const shown =
    configuration.isSuccess && !featureOn(configuration.data, 'marketplace', 'conceal_prices');
  const offerings = useQuery({ ...overviewQueries.volumeOfferings(), enabled: shown });
  const byTenant = new Map(
    (offerings.data?.items ?? []).flatMap((o) => (o.scope_uuid ? [[o.scope_uuid, o]] : [])),
  );
  return {
    offerings,
    currency: currencyOf(configuration.data),
    costOf: (tenant: {
      uuid: string;
      marketplace_plan_uuid?: string | null;
      quotas?: readonly { name?: string | null; usage?: number | null }[] | null;
    }) => {
      const offering = shown ? byTenant.get(tenant.uuid) : undefined;
      if (!offering) return null;
      const cost = tenantVolumesPer30Days(offering, tenant.marketplace_plan_uuid, tenant.quotas);
      // A free plan prices everything at 0: nothing worth a line.
      return cost !== null && cost > 0 ? cost : null;
    },
  };
}

function TenantsSection({
  view,
  update,
}: {
  view: OverviewView;
  update: ReturnType<typeof useOverviewView>['update'];
}) {
  const t = useT();
  const query = useQuery(
    overviewQueries.tenants({ customer: view.customer, tenant: view.tenant, search: view.search }),
  );
  const prices = usePrices();
  const narrowed = Boolean(view.search || view.customer);
  return (
    <Section title={t('Tenants')}>
      {view.tenant ? null : (
        <div className="overview-section__tools">
          <SearchBox
            id="tenant-search"
            label={t('Search tenants by name')}
            placeholder={t('Search tenants by name')}
            lookupHint={null}
            value={view.search}
            onCommit={(search, options) => update({ search }, options)}
          />
        </div>
      )}
      <QueryGate query={query} loading={t('Loading tenants')} failure={t('Could not load tenants')}>
        {(data) => {
          if (data.items.length === 0) {
            return view.tenant ? (
              <EmptyState title={t('Tenant not found')}>
                <p>{t('Waldur shows no such tenant to you.')}</p>
              </EmptyState>
            ) : narrowed ? (
              <EmptyState title={t('No tenants match')}>
                <p>{t('Try another name, or another customer.')}</p>
              </EmptyState>
            ) : (
              <EmptyState title={t('No tenants')}>
                <p>
                  {t('You can see no OpenStack tenants in Waldur, so there is no storage to show.')}
                </p>
              </EmptyState>
            );
          }
          const sorted = byFullness(data.items);
          const pageCount = Math.max(1, Math.ceil(sorted.length / TENANTS_PER_PAGE));
          const page = Math.min(view.page, pageCount);
          const shown = sorted.slice((page - 1) * TENANTS_PER_PAGE, page * TENANTS_PER_PAGE);
          return (
            <>
              <p className="muted overview-section__note">
                {t(
                  'Fullest first: each tenant by its fullest quota (a quota without a limit counts as empty).',
                )}
              </p>
              {data.total > data.items.length ? (
                <p className="callout callout--warning">
                  {t(
                    'Sorted among the first {count} of {total} tenants by name: narrow them by name or customer to see the others.',
                    { count: formatInteger(data.items.length), total: formatInteger(data.total) },
                  )}
                </p>
              ) : null}
              {prices.offerings.isError ? (
                <div className="callout callout--warning overview-prices-error" role="alert">
                  <p>
                    {t('Could not read the prices: {message}', {
                      message: errorMessage(prices.offerings.error),
                    })}
                  </p>
                  <Button
                    size="sm"
                    isBusy={prices.offerings.isFetching}
                    onClick={() => void prices.offerings.refetch()}
                  >
                    {t('Try again')}
                  </Button>
                </div>
              ) : null}
              <ul className="tenant-grid">
                {shown.map((tenant) => (
                  <li key={tenant.uuid}>
                    <TenantCard
                      tenant={tenant}
                      cost={prices.costOf(tenant)}
                      currency={prices.currency}
                    />
                  </li>
                ))}
              </ul>
              <TenantPager
                page={page}
                pageCount={pageCount}
                first={(page - 1) * TENANTS_PER_PAGE + 1}
                last={(page - 1) * TENANTS_PER_PAGE + shown.length}
                total={sorted.length}
                onPage={(next) => update({ page: next })}
              />
            </>
          );
        }}
      </QueryGate>
    </Section>
  );
}

// Charts.

type CountResult = { data?: number; isPending: boolean; isError: boolean; error: unknown };

/** Many counts as one: pending while any is, failed while any failed. */
function combine(results: readonly CountResult[], refetch: () => void, isFetching: boolean) {
  const failed = results.find((r) => r.isError);
  return {
    isPending: results.some((r) => r.isPending && !r.isError),
    isError: Boolean(failed),
    error: failed?.error,
    isFetching,
    refetch,
    data: results.every((r) => r.data !== undefined) ? results.map((r) => r.data ?? 0) : undefined,
  };
}

function useCounts(
  scope: OverviewScope,
  filters: readonly { state?: string[]; runtime_state?: string }[],
) {
  const results = useQueries({
    queries: filters.map((filter) => overviewQueries.count(scope, filter)),
  });
  const refetch = () => {
    for (const result of results) if (result.isError) void result.refetch();
  };
  return combine(
    results,
    refetch,
    results.some((r) => r.isFetching),
  );
}

const STATE_FILTERS = CORE_STATES.map((state) => ({ state: [state] }));
const RUNTIME_FILTERS = RUNTIME_STATES.map((runtime_state) => ({ runtime_state }));

/** A bar's words: "Erred" and "12" shown, "Erred: 12 volumes" said. */
const volumesText = (bar: ChartBar) => (
  <T
    m="<label>{label}<hidden>:</hidden></label> <value>{count, plural, one {#<hidden> volume</hidden>} other {#<hidden> volumes</hidden>}}</value>"
    v={{ label: bar.label, count: bar.value }}
    tags={BAR_TAGS}
  />
);

function StateChart({ scope }: { scope: OverviewScope }) {
  const t = useT();
  const counts = useCounts(scope, STATE_FILTERS);
  const title = t('Volumes by state');
  return (
    <Section title={title}>
      <QueryGate
        query={counts}
        loading={t('Counting volumes')}
        failure={t('Could not count volumes')}
      >
        {(values) => {
          const total = values.reduce((sum, value) => sum + value, 0);
          const bars: ChartBar[] = CORE_STATES.map((state, index) => ({
            key: state,
            label: stateLabel(state),
            value: values[index] ?? 0,
            href: volumeListLink(scope, { states: [state] }),
            tone: stateTone({ state }),
          }));
          return (
            <>
              <p className="muted overview-section__note">
                {t('{count, plural, one {# volume} other {# volumes}} in all.', { count: total })}
              </p>
              <BarChart
                label={title}
                bars={bars}
                text={volumesText}
                labelHeader={t('State')}
                valueHeader={t('Volumes')}
              />
            </>
          );
        }}
      </QueryGate>
    </Section>
  );
}

function RuntimeChart({ scope }: { scope: OverviewScope }) {
  const t = useT();
  const counts = useCounts(scope, RUNTIME_FILTERS);
  // The same counts as the state chart (shared, not asked twice): every volume has one state.
  const states = useCounts(scope, STATE_FILTERS);
  const title = t('Volumes by runtime state');
  return (
    <Section title={title}>
      <QueryGate
        query={counts}
        loading={t('Counting volumes')}
        failure={t('Could not count volumes')}
      >
        {(values) => {
          const all: ChartBar[] = RUNTIME_STATES.map((runtime, index) => ({
            key: runtime,
            label: runtimeStateLabel(runtime),
            value: values[index] ?? 0,
            href: volumeListLink(scope, { runtime }),
            tone: runtimeTone(runtime),
          }));
          const total = states.data?.reduce((sum, value) => sum + value, 0);
          const counted = values.reduce((sum, value) => sum + value, 0);
          const other: ChartBar[] =
            total !== undefined && total > counted
              ? [
                  {
                    key: 'other',
                    label: t('Other (not created yet, or not listed here)'),
                    value: total - counted,
                  },
                ]
              : [];
          const bars = [...all.filter((bar) => bar.value > 0), ...other];
          const empty = all.length - all.filter((bar) => bar.value > 0).length;
          return (
            <BarChart
              label={title}
              bars={bars}
              table={[...all, ...other]}
              text={volumesText}
              labelHeader={t('Runtime state')}
              valueHeader={t('Volumes')}
              note={
                empty > 0
                  ? t(
                      '{count, plural, one {# runtime state with no volumes is} other {# runtime states with no volumes are}} left out of the chart; the table lists every one.',
                      { count: empty },
                    )
                  : null
              }
            />
          );
        }}
      </QueryGate>
    </Section>
  );
}

// Needs attention.

function AttentionFooter({
  shown,
  total,
  link,
  linkText,
}: {
  shown: number;
  total: number;
  link?: string;
  linkText?: string;
}) {
  const t = useT();
  return (
    <p className="attention__footer muted">
      {shown < total
        ? t('{shown} of {total} shown.', {
            shown: formatInteger(shown),
            total: formatInteger(total),
          })
        : null}{' '}
      {link && linkText ? <Link to={link}>{linkText}</Link> : null}
    </p>
  );
}

/** Erred volumes or snapshots, each linking to its page, with Waldur's reason where it gave one. */
function ErredList({
  items,
  path,
}: {
  items: { uuid: string; name?: string | null; error_message?: string | null }[];
  path: '/volumes' | '/snapshots';
}) {
  return (
    <ul className="attention__list">
      {items.map((item) => (
        <li key={item.uuid}>
          <Link to={`${path}/${item.uuid}`}>
            <bdi>{item.name || item.uuid}</bdi>
          </Link>
          {item.error_message ? (
            <span className="attention__detail" data-source="waldur">
              {item.error_message}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ErredVolumes({ scope }: { scope: OverviewScope }) {
  const t = useT();
  const query = useQuery(overviewQueries.erredVolumes(scope));
  return (
    <Section title={t('Erred volumes')} level={3} className="attention">
      <QueryGate
        query={query}
        loading={t('Loading erred volumes')}
        failure={t('Could not load erred volumes')}
      >
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('No erred volumes.')}</p>
          ) : (
            <>
              <ErredList items={page.items} path="/volumes" />
              <AttentionFooter
                shown={page.items.length}
                total={page.total}
                link={volumeListLink(scope, { states: ['ERRED'] })}
                linkText={t('All {count, plural, one {# erred volume} other {# erred volumes}}', {
                  count: page.total,
                })}
              />
            </>
          )
        }
      </QueryGate>
    </Section>
  );
}

function ErredSnapshots({ scope }: { scope: OverviewScope }) {
  const t = useT();
  const query = useQuery(overviewQueries.erredSnapshots(scope));
  const narrowed = Boolean(scope.customer || scope.tenant);
  return (
    <Section title={t('Erred snapshots')} level={3} className="attention">
      <QueryGate
        query={query}
        loading={t('Loading erred snapshots')}
        failure={t('Could not load erred snapshots')}
      >
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('No erred snapshots.')}</p>
          ) : (
            <>
              <ErredList items={page.items} path="/snapshots" />
              <AttentionFooter
                shown={page.items.length}
                total={page.total}
                link={erredSnapshotsLink()}
                linkText={
                  narrowed
                    ? t(
                        'Erred snapshots of everyone (the snapshots list has no customer or tenant filter)',
                      )
                    : t('All {count, plural, one {# erred snapshot} other {# erred snapshots}}', {
                        count: page.total,
                      })
                }
              />
            </>
          )
        }
      </QueryGate>
    </Section>
  );
}

function StuckVolumes({ scope }: { scope: OverviewScope }) {
  const t = useT();
  const query = useQuery(overviewQueries.inProgress(scope));
  const now = useNow(60_000);
  return (
    <Section title={t('Stuck volumes')} level={3} className="attention">
      <p className="muted attention__rule">
        {t('In progress for more than {minutes} minutes, by their last modification.', {
          minutes: STUCK_AFTER_MINUTES,
        })}
      </p>
      <QueryGate
        query={query}
        loading={t('Loading volumes in progress')}
        failure={t('Could not load volumes in progress')}
      >
        {(page) => {
          const stuck = page.items
            .filter((volume) => isStuck(volume, now))
            .sort((a, b) => Date.parse(a.modified ?? '') - Date.parse(b.modified ?? ''));
          const capped = page.total > page.items.length;
          return (
            <>
              {capped ? (
                <p className="callout callout--warning">
                  {t(
                    'Waldur cannot filter by last modification: the console checked the {checked} oldest of {total} volumes in progress, so there may be more stuck ones.',
                    { checked: formatInteger(STUCK_SCAN_CAP), total: formatInteger(page.total) },
                  )}
                </p>
              ) : null}
              {stuck.length === 0 ? (
                <p className="muted">{t('No stuck volumes.')}</p>
              ) : (
                <ul className="attention__list">
                  {stuck.slice(0, ATTENTION_ROWS).map((volume) => (
                    <li key={volume.uuid}>
                      <Link to={`/volumes/${volume.uuid}`}>
                        <bdi>{volume.name || volume.uuid}</bdi>
                      </Link>
                      <span className="attention__detail">
                        {t('{activity} for {age}', {
                          activity: activityLabel(volume),
                          age: formatAge(now - Date.parse(volume.modified ?? '')),
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <AttentionFooter
                shown={Math.min(stuck.length, ATTENTION_ROWS)}
                total={stuck.length}
                link={stuck.length > 0 ? volumeListLink(scope, { stuck: true }) : undefined}
                linkText={t('All stuck volumes')}
              />
            </>
          );
        }}
      </QueryGate>
    </Section>
  );
}

function PendingOrders({ scope }: { scope: OverviewScope }) {
  const t = useT();
  const query = useQuery(overviewQueries.pendingOrders(scope));
  return (
    <Section title={t('Orders waiting for approval')} level={3} className="attention">
      {scope.tenant ? (
        <p className="muted attention__rule">
          {t('Of every tenant: Waldur cannot narrow orders to one tenant.')}
        </p>
      ) : null}
      <QueryGate query={query} loading={t('Loading orders')} failure={t('Could not load orders')}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('No volume orders are waiting for approval.')}</p>
          ) : (
            <>
              <ul className="attention__list">
                {page.items.map((order) => {
                  const name = order.resource_name;
                  // The volume once there is one; before, its project's volumes, where it will be.
                  const link = order.resource_uuid
                    ? `/volumes/${order.resource_uuid}`
                    : volumeListLink(
                        { customer: '', tenant: '' },
                        { project: order.project_uuid ?? '' },
                      );
                  return (
                    <li key={order.uuid}>
                      <Link to={link}>
                        {name
                          ? t(
                              '{type, select, Create {Create {name}} Terminate {Delete {name}} Update {Change {name}} other {{type}: {name}}}',
                              { type: order.type ?? '', name },
                            )
                          : t(
                              '{type, select, Create {Create a volume} Terminate {Delete a volume} Update {Change a volume} other {{type}}}',
                              { type: order.type ?? '' },
                            )}
                      </Link>
                      <span className="attention__detail">
                        {waitText({
                          state: order.state ?? '',
                          customer: order.customer_name ?? undefined,
                          project: order.project_name ?? undefined,
                        })}
                      </span>
                      {order.project_name ? (
                        <span className="attention__detail">
                          {t('Project {project}', { project: order.project_name })}
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              <AttentionFooter shown={page.items.length} total={page.total} />
            </>
          )
        }
      </QueryGate>
    </Section>
  );
}

function Attention({ scope }: { scope: OverviewScope }) {
  const t = useT();
  return (
    <Section title={t('Needs attention')}>
      <div className="attention-grid">
        <ErredVolumes scope={scope} />
        <StuckVolumes scope={scope} />
        <ErredSnapshots scope={scope} />
        <PendingOrders scope={scope} />
      </div>
    </Section>
  );
}

// The page.

function RefreshButton() {
  const t = useT();
  const queryClient = useQueryClient();
  const fetching =
    useIsFetching({ queryKey: overviewKeys.all }) +
    useIsFetching({ queryKey: volumeKeys.counts() });
  return (
    <Button
      size="sm"
      isBusy={fetching > 0}
      onClick={() => {
        void queryClient.refetchQueries({ queryKey: overviewKeys.all, type: 'active' });
        void queryClient.refetchQueries({ queryKey: volumeKeys.counts(), type: 'active' });
      }}
    >
      {t('Refresh')}
    </Button>
  );
}

/**
 * Says which tenant the page is about, with the way back to all of them. Its name comes from the
 * tenants section's read (the same query: nothing more is asked).
 */
function OneTenant({ view, onAll }: { view: OverviewView; onAll: () => void }) {
  const t = useT();
  const tenants = useQuery(
    overviewQueries.tenants({ customer: view.customer, tenant: view.tenant, search: view.search }),
  );
  const name = tenants.data?.items[0]?.name ?? view.tenant;
  return (
    <div className="callout callout--info overview-one-tenant">
      <p>
        <T
          m="Showing tenant <b>{tenant}</b> only: its quotas, its volumes and its snapshots."
          v={{ tenant: <bdi>{name}</bdi> }}
          tags={{ b: (c) => <strong>{c}</strong> }}
        />
      </p>
      <button type="button" className="btn btn--secondary btn--sm" onClick={onAll}>
        {t('Show all tenants')}
      </button>
    </div>
  );
}

export function OverviewPage() {
  const t = useT();
  useDocumentTitle(t('Storage overview'));
  const { view, update } = useOverviewView();
  const scope: OverviewScope = { customer: view.customer, tenant: view.tenant };
  const user = useQuery(currentUserQuery());
  // Staff and support see every customer: they may narrow the page to one.
  const seesAll = Boolean(user.data?.is_staff || user.data?.is_support);
  return (
    <div className="page overview">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('Storage overview')}</h1>
          <p className="page-subtitle">
            {t(
              'Quotas, costs and volumes that need attention, in the tenants you can see. Refreshed every {seconds} s while this tab is open.',
              { seconds: formatInteger(OVERVIEW_REFRESH_MS / 1000) },
            )}
          </p>
        </div>
        <RefreshButton />
      </header>
      {seesAll || view.customer ? (
        <fieldset className="filter-bar overview-filters">
          <legend className="visually-hidden">{t('Filters')}</legend>
          <EntityFilter
            kind="customers"
            value={view.customer}
            onChange={(customer) => update({ customer })}
          />
        </fieldset>
      ) : null}
      {view.tenant ? <OneTenant view={view} onAll={() => update({ tenant: '' })} /> : null}
      <TenantsSection view={view} update={update} />
      <div className="overview-charts">
        <StateChart scope={scope} />
        <RuntimeChart scope={scope} />
      </div>
      <Attention scope={scope} />
    </div>
  );
}
