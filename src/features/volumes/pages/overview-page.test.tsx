// The storage overview (`/overview`) against the demo backend: tenants fullest first with their
// quotas and what their volumes cost, volumes by state and runtime state as charts whose bars lead
// to the filtered list, what needs attention, the customer filter on every request, sections that
// fail alone, and how many requests the page makes (README, "Storage overview").

import { focusManager } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMoney } from '@/lib/money';
import { isoMicro } from '@/mocks/clock';
import { DEFAULT_CONFIGURATION } from '@/mocks/configuration';
import { newOrderRecord, newUuid, type TenantRecord } from '@/mocks/db';
import { tenantQuotas, tenantUsage } from '@/mocks/quotas';
import { FREE_TENANT } from '@/mocks/seed/catalogue';
import { createSeedDb } from '@/mocks/seed/seed';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';
import { CORE_STATES, RUNTIME_STATES, runtimeStateLabel, stateLabel } from '../model/states';

const db = () => getBackend().db;
const VOLUMES = '/api/openstack-volumes/';
const TENANTS = '/api/openstack-tenants/';

/** How full a tenant is, computed here from Waldur's quota rule (-1: no limit, counts as empty). */
function expectedFullness(tenant: TenantRecord) {
  const shown = tenantQuotas(db(), tenant).filter(
    (q) => ['storage', 'volumes', 'snapshots'].includes(q.name) || q.name.startsWith('gigabytes_'),
  );
  return Math.max(0, ...shown.map((q) => (q.limit < 0 ? 0 : q.usage / q.limit)));
}

function expectedTenantOrder(tenants = db().tenants) {
  return [...tenants]
    .map((tenant) => ({ name: tenant.name, full: expectedFullness(tenant) }))
    .sort((a, b) => b.full - a.full || a.name.localeCompare(b.name))
    .map((t) => t.name);
}

/** MiB as the page words them in English: GiB with up to two decimals. */
const gib = (mib: number) =>
  new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(mib / 1024);

/**
 * A bar's name: "Erred: 12 volumes" (Chromium's; the DOM emulation here puts a space before the
 * colon, where it starts an element).
 */
function barName(label: string, count?: number) {
  const escaped = label.replace(/[()]/g, '\\$&');
  const amount = count === undefined ? '' : `${count} ${count === 1 ? 'volume' : 'volumes'}$`;
  return new RegExp(`^${escaped} ?: ${amount}`);
}

const region = (name: string) => screen.getByRole('region', { name });

/** The tenants' names, in the order the page shows them. */
function shownTenants() {
  return within(region('Tenants'))
    .getAllByRole('article')
    .map((card) => within(card).getByRole('heading', { level: 3 }).textContent);
}

function card(name: string) {
  return within(region('Tenants')).getByRole('article', { name });
}

/** Every section has loaded: tenants, both charts and the four lists. */
async function loaded() {
  await waitFor(() =>
    expect(within(region('Tenants')).getAllByRole('article').length).toBeGreaterThan(0),
  );
  await within(region('Volumes by state')).findByRole('link', { name: barName('Erred') });
  await within(region('Volumes by runtime state')).findByRole('link', {
    name: barName('Available'),
  });
  for (const name of [
    'Erred volumes',
    'Stuck volumes',
    'Erred snapshots',
    'Orders waiting for approval',
  ])
    await waitFor(() => expect(within(region(name)).queryByText(/…$/)).not.toBeInTheDocument());
}

function projectOf(uuid: string) {
  return db().projects.find((p) => p.uuid === uuid)!;
}

afterEach(() => {
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

describe('the storage overview', () => {
  it('opens from the navigation, one h1, and lists every tenant fullest first', async () => {
    const { user, location } = renderApp('/volumes');
    await user.click(await screen.findByRole('link', { name: 'Overview' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Storage overview' }),
    ).toBeVisible();
    expect(location()).toBe('/overview');
    await waitFor(() => expect(shownTenants()).toHaveLength(db().tenants.length));
    const expected = expectedTenantOrder();
    // The demo's fullest tenant is not the first by name: the order is the page's own.
    expect(expected).not.toEqual([...expected].sort());
    expect(shownTenants()).toEqual(expected);
    // Each tenant's storage, volumes, snapshots and per-type quotas, as bars with their words.
    const tight = db().tenants.find((t) => t.name === expected[0])!;
    const storage = tenantQuotas(db(), tight).find((q) => q.name === 'storage')!;
    expect(within(card(tight.name)).getByText('Storage')).toBeInTheDocument();
    expect(
      within(card(tight.name)).getByText(
        `${gib(storage.usage)} GiB of ${gib(storage.limit)} GiB (${Math.round((storage.usage / storage.limit) * 100)} %)`,
      ),
    ).toBeInTheDocument();
    const quotas = within(card(tight.name)).getByRole('list', { name: `Quotas of ${tight.name}` });
    for (const name of ['Volumes', 'Snapshots', 'Storage (ssd)'])
      expect(within(quotas).getByText(name)).toBeInTheDocument();
  });

  it('shows what a priced tenant’s volumes cost per 30 days, and nothing for a free one', async () => {
    renderApp('/overview');
    await loaded();
    // A Standard-plan tenant: storage 0.0016 per GiB per day, in fixed storage mode.
    const standard = db().tenants[0]!;
    const plan = db()
      .offerings.find((o) => o.type === 'OpenStack.Tenant' && o.tenant_uuid === standard.uuid)!
      .plans!.find((p) => !p.archived)!;
    expect(plan).toMatchObject({ name: 'Standard', unit: 'day', prices: { storage: 0.0016 } });
    const gib = tenantUsage(db(), standard.uuid).volumes_size! / 1024;
    const expected = formatMoney(0.0016 * gib * 30, 'EUR');
    await waitFor(() =>
      expect(card(standard.name)).toHaveTextContent(`Volumes: ${expected} per 30 days`),
    );
    const free = db().tenants[FREE_TENANT]!;
    expect(tenantUsage(db(), free.uuid).volumes_size).toBeGreaterThan(0);
    expect(card(free.name)).not.toHaveTextContent(/per 30 days/);
  });

  it('shows no price when the deployment conceals prices, or its settings cannot be read', async () => {
    getBackend().configuration = { ...DEFAULT_CONFIGURATION, concealPrices: true };
    const first = renderApp('/overview');
    await loaded();
    expect(region('Tenants')).not.toHaveTextContent(/per 30 days/);
    // Concealed: the plans are not even asked for.
    expect(requestsTo('/api/marketplace-public-offerings/')).toEqual([]);
    first.unmount();

    getBackend().configuration = { ...DEFAULT_CONFIGURATION };
    getBackend().failNextRequests(3, '/api/configuration/');
    renderApp('/overview');
    await loaded();
    expect(region('Tenants')).not.toHaveTextContent(/per 30 days/);
  });

  it('counts volumes per state and runtime state as the demo holds them; each bar leads to its list', async () => {
    const { user } = renderApp('/overview');
    await loaded();
    const volumes = (n: number) => `${n} ${n === 1 ? 'volume' : 'volumes'}`;
    const states = region('Volumes by state');
    await user.click(within(states).getByText('Show as table'));
    const stateTable = within(states).getByRole('table', { name: 'Volumes by state' });
    for (const state of CORE_STATES) {
      const count = db().volumes.filter((v) => v.state === state).length;
      const label = stateLabel(state);
      expect(within(states).getByRole('link', { name: barName(label, count) })).toHaveAttribute(
        'href',
        `/volumes?state=${state}`,
      );
      expect(
        within(stateTable).getByRole('row', { name: `${label} ${count}` }),
      ).toBeInTheDocument();
    }
    expect(states).toHaveTextContent(`${db().volumes.length} volumes in all.`);

    const runtime = region('Volumes by runtime state');
    await user.click(within(runtime).getByText('Show as table'));
    const runtimeTable = within(runtime).getByRole('table', { name: 'Volumes by runtime state' });
    for (const value of RUNTIME_STATES) {
      const count = db().volumes.filter((v) => v.runtime_state === value).length;
      const label = runtimeStateLabel(value);
      // Every value is in the table; the chart leaves out those without volumes.
      expect(
        within(runtimeTable).getByRole('row', { name: `${label} ${count}` }),
      ).toBeInTheDocument();
      const bar = within(runtime).queryByRole('link', { name: barName(label, count) });
      if (count === 0) expect(bar).not.toBeInTheDocument();
      else expect(bar).toHaveAttribute('href', `/volumes?runtime=${value}`);
    }
    const other = db().volumes.filter(
      (v) => !(RUNTIME_STATES as readonly string[]).includes(v.runtime_state),
    ).length;
    expect(other).toBeGreaterThan(0); // volumes not created yet: runtime state ""
    const chart = within(runtime).getByRole('list', { name: 'Volumes by runtime state' });
    expect(
      within(chart)
        .getAllByRole('listitem')
        .find((item) => item.textContent?.startsWith('Other')),
    ).toHaveTextContent(new RegExp(`: ${volumes(other)}$`));
  });

  it('lists erred volumes and snapshots, stuck volumes and orders waiting for approval', async () => {
    // "More than 30 minutes" is the browser's clock: seed the data relative to it.
    getBackend().reset(createSeedDb(Date.now()));
    const ok = db().volumes.filter((v) => v.state === 'OK');
    const stuck = ok[0]!;
    stuck.state = 'UPDATING';
    stuck.modified = isoMicro(Date.now() - 5 * 24 * 3600_000);
    const fresh = ok[1]!;
    fresh.state = 'UPDATING';
    fresh.modified = isoMicro(Date.now() - 60_000);
    const offering = db().offerings.find((o) => o.type === 'OpenStack.Volume')!;
    const mia = getBackend().user('mia');
    db().orders.push(
      newOrderRecord(
        {
          type: 'Create',
          offering_uuid: offering.uuid,
          project_uuid: offering.project_uuid,
          resource_uuid: newUuid(),
          resource_name: 'waiting-data',
          attributes: {},
        },
        mia.uuid,
        false,
        getBackend().now(),
      ),
    );
    renderApp('/overview');
    await loaded();

    const erred = region('Erred volumes');
    const erredVolumes = db().volumes.filter((v) => v.state === 'ERRED');
    expect(within(erred).getAllByRole('listitem')).toHaveLength(Math.min(10, erredVolumes.length));
    const newest = [...erredVolumes].sort((a, b) => b.created.localeCompare(a.created))[0]!;
    expect(within(erred).getByRole('link', { name: newest.name })).toHaveAttribute(
      'href',
      `/volumes/${newest.uuid}`,
    );
    expect(
      within(erred).getByRole('link', { name: `All ${erredVolumes.length} erred volumes` }),
    ).toHaveAttribute('href', '/volumes?state=ERRED');

    const stuckList = region('Stuck volumes');
    expect(within(stuckList).getAllByRole('link')[0]).toHaveAccessibleName(stuck.name);
    expect(within(stuckList).getAllByRole('link')[0]).toHaveAttribute(
      'href',
      `/volumes/${stuck.uuid}`,
    );
    expect(within(stuckList).queryByRole('link', { name: fresh.name })).not.toBeInTheDocument();
    expect(within(stuckList).getByRole('link', { name: 'All stuck volumes' })).toHaveAttribute(
      'href',
      '/volumes?stuck=1',
    );
    const scan = requestsTo(VOLUMES).find((p) => p.get('page_size') === '300')!;
    expect(scan.getAll('field')).toContain('modified');
    expect(new Set(scan.getAll('state'))).toEqual(
      new Set([
        'CREATION_SCHEDULED',
        'CREATING',
        'DELETION_SCHEDULED',
        'DELETING',
        'UPDATE_SCHEDULED',
        'UPDATING',
      ]),
    );

    const snapshots = region('Erred snapshots');
    const erredSnapshot = db().snapshots.find((s) => s.state === 'ERRED')!;
    expect(within(snapshots).getByRole('link', { name: erredSnapshot.name })).toHaveAttribute(
      'href',
      `/snapshots/${erredSnapshot.uuid}`,
    );

    const orders = region('Orders waiting for approval');
    expect(within(orders).getByRole('link', { name: 'Create waiting-data' })).toHaveAttribute(
      'href',
      `/volumes?project=${offering.project_uuid}`,
    );
    expect(orders).toHaveTextContent(/Waits for approval by an owner of/);
    const sent = requestsTo('/api/marketplace-orders/').at(-1)!;
    expect(sent.getAll('state')).toEqual(['pending-consumer', 'pending-provider']);
    expect(sent.get('offering_type')).toBe('OpenStack.Volume');
  });

  it('narrows every request to the customer picked by staff', async () => {
    const { user, location } = renderApp('/overview');
    await loaded();
    const cobalt = db().customers.find((c) => c.name === 'Cobalt Genomics')!;
    await user.type(screen.getByRole('combobox', { name: 'Customer' }), 'Cobalt');
    await user.click(await screen.findByRole('option', { name: /Cobalt Genomics/ }));
    await waitFor(() => expect(location()).toBe(`/overview?customer=${cobalt.uuid}`));
    const theirs = db().tenants.filter(
      (t) => projectOf(t.project_uuid).customer_uuid === cobalt.uuid,
    );
    await waitFor(() => expect(shownTenants()).toEqual(expectedTenantOrder(theirs)));
    const volumes = db().volumes.filter(
      (v) => projectOf(v.project_uuid).customer_uuid === cobalt.uuid,
    );
    const erred = volumes.filter((v) => v.state === 'ERRED').length;
    await within(region('Volumes by state')).findByRole('link', {
      name: barName('Erred', erred),
    });
    expect(
      within(region('Volumes by state')).getByRole('link', { name: barName('Erred') }),
    ).toHaveAttribute('href', `/volumes?state=ERRED&customer=${cobalt.uuid}`);
    await loaded();
    const since = getBackend().requests.findIndex((r) => r.search.includes(cobalt.uuid));
    const after = getBackend().requests.slice(since);
    for (const path of [
      VOLUMES,
      TENANTS,
      '/api/openstack-snapshots/',
      '/api/marketplace-orders/',
    ]) {
      const sent = after.filter((r) => r.path === path);
      expect(sent.length, path).toBeGreaterThan(0);
      for (const request of sent)
        expect(
          new URLSearchParams(request.search).get('customer_uuid'),
          `${path}${request.search}`,
        ).toBe(cobalt.uuid);
    }
  });

  it('shows a project member the tenants of their projects, with the projects’ names, and no customer picker', async () => {
    renderApp('/overview', { persona: 'member' });
    await loaded();
    const mia = getBackend().user('mia');
    const projects = new Set(mia.roles.map((r) => r.scope_uuid));
    const theirs = db().tenants.filter((t) => projects.has(t.project_uuid));
    expect(shownTenants()).toEqual(expectedTenantOrder(theirs));
    for (const tenant of theirs)
      expect(card(tenant.name)).toHaveTextContent(`Project ${projectOf(tenant.project_uuid).name}`);
    expect(screen.queryByRole('combobox', { name: 'Customer' })).not.toBeInTheDocument();
  });

  it('shows one tenant from ?tenant=, and narrows the charts and lists to it', async () => {
    const tenant = db().tenants[2]!;
    const { user, location } = renderApp(`/overview?tenant=${tenant.uuid}`);
    await loaded();
    expect(shownTenants()).toEqual([tenant.name]);
    expect(screen.getByText(/Showing tenant/)).toHaveTextContent(tenant.name);
    const erred = db().volumes.filter(
      (v) => v.tenant_uuid === tenant.uuid && v.state === 'ERRED',
    ).length;
    expect(
      within(region('Volumes by state')).getByRole('link', { name: barName('Erred') }),
    ).toHaveAccessibleName(barName('Erred', erred));
    // One read of the tenant, by `uuid`: the heading takes its name from it.
    expect(requestsTo(TENANTS).map((p) => p.get('uuid'))).toEqual([tenant.uuid]);
    for (const params of requestsTo(VOLUMES)) expect(params.get('tenant_uuid')).toBe(tenant.uuid);
    await user.click(screen.getByRole('button', { name: 'Show all tenants' }));
    await waitFor(() => expect(location()).toBe('/overview'));
    await waitFor(() => expect(shownTenants()).toHaveLength(db().tenants.length));
  });

  it('pages through and searches tenants beyond a screenful, the URL holding both', async () => {
    const template = db().tenants[0]!;
    for (let i = 0; i < 14; i++)
      db().tenants.push({
        ...template,
        uuid: newUuid(),
        name: `extra-${String(i).padStart(2, '0')}`,
      });
    const { user, location } = renderApp('/overview');
    await waitFor(() => expect(shownTenants()).toHaveLength(10));
    const all = expectedTenantOrder();
    expect(shownTenants()).toEqual(all.slice(0, 10));
    expect(region('Tenants')).toHaveTextContent(`1–10 of ${all.length} tenants`);
    await user.click(within(region('Tenants')).getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(location()).toBe('/overview?page=2'));
    expect(shownTenants()).toEqual(all.slice(10, 20));
    await user.type(screen.getByRole('searchbox', { name: 'Search tenants by name' }), 'extra-1');
    await waitFor(() => expect(location()).toBe('/overview?q=extra-1'));
    await waitFor(() => expect(shownTenants()).toHaveLength(4));
    expect(requestsTo(TENANTS).at(-1)!.get('name')).toBe('extra-1');
  });

  it('says so when there are no tenants at all', async () => {
    db().tenants.length = 0;
    renderApp('/overview');
    expect(
      await within(region('Tenants')).findByRole('heading', { name: 'No tenants' }),
    ).toBeVisible();
    expect(region('Tenants')).toHaveTextContent(/no storage to show/);
  });

  it('loads and fails each section on its own: a failed one offers to try again', async () => {
    getBackend().failNextRequests(3, '/api/marketplace-orders/');
    const { user } = renderApp('/overview');
    const orders = region('Orders waiting for approval');
    expect(
      await within(orders).findByRole('heading', { name: 'Could not load orders' }),
    ).toBeVisible();
    // The others are there all the same.
    await within(region('Volumes by state')).findByRole('link', { name: barName('Erred') });
    expect(within(region('Tenants')).getAllByRole('article').length).toBeGreaterThan(0);
    expect(within(region('Erred volumes')).getAllByRole('listitem').length).toBeGreaterThan(0);
    await user.click(within(orders).getByRole('button', { name: 'Try again' }));
    expect(
      await within(orders).findByText('No volume orders are waiting for approval.'),
    ).toBeVisible();
  });
});

describe('keeping current', () => {
  it('re-reads every 45 s while the tab is visible, and never while it is hidden', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp('/overview', { advanceTimers: true });
    await loaded();
    const reads = () => requestsTo(TENANTS).length + requestsTo(VOLUMES).length;
    const before = reads();
    // A hidden tab (react-query's focus manager follows `visibilitychange`): nothing is asked.
    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(3 * 45_000);
    expect(reads()).toBe(before);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(45_000);
    await waitFor(() => expect(requestsTo(TENANTS).length).toBeGreaterThan(1));
    const visible = reads();
    await vi.advanceTimersByTimeAsync(45_000);
    await waitFor(() => expect(reads()).toBeGreaterThan(visible));
  });
});

describe('what the overview asks Waldur', () => {
  /** The page's requests after it has loaded, by path (README, "Storage overview"). */
  async function requestsOfOnePage() {
    const { unmount } = renderApp('/overview');
    await loaded();
    await waitFor(() => expect(region('Tenants')).toHaveTextContent(/per 30 days/));
    const byPath: Record<string, number> = {};
    for (const request of getBackend().requests)
      byPath[request.path] = (byPath[request.path] ?? 0) + 1;
    unmount();
    getBackend().requests.length = 0;
    return byPath;
  }

  /** The README's formula, for N tenants and O volume offerings visible. */
  const formula = (tenants: number, offerings: number) => ({
    '/api/users/me/': 1,
    '/api/configuration/': 1,
    '/api/openstack-tenants/': Math.max(1, Math.ceil(tenants / 300)),
    '/api/marketplace-public-offerings/': Math.max(1, Math.ceil(offerings / 300)),
    '/api/openstack-volumes/': CORE_STATES.length + RUNTIME_STATES.length + 2,
    '/api/openstack-snapshots/': 1,
    '/api/marketplace-orders/': 1,
  });

  it('asks 36 requests for the demo’s 6 tenants, as many with more volumes, more with more tenants', async () => {
    const demo = await requestsOfOnePage();
    expect(demo).toEqual(formula(6, 6));
    expect(Object.values(demo).reduce((a, b) => a + b, 0)).toBe(36);

    // A thousand more volumes: not one more request.
    const template = db().volumes[0]!;
    for (let i = 0; i < 1000; i++)
      db().volumes.push({ ...template, uuid: newUuid(), name: `more-${i}` });
    expect(await requestsOfOnePage()).toEqual(formula(6, 6));

    // 300 more tenants, each with its volume offering: one more page of each.
    const tenant = db().tenants[0]!;
    const offering = db().offerings.find(
      (o) => o.type === 'OpenStack.Volume' && o.tenant_uuid === tenant.uuid,
    )!;
    for (let i = 0; i < 300; i++) {
      const uuid = newUuid();
      db().tenants.push({ ...tenant, uuid, name: `tenant-${i}` });
      db().offerings.push({ ...offering, uuid: newUuid(), tenant_uuid: uuid });
    }
    expect(await requestsOfOnePage()).toEqual(formula(306, 306));
  });
});
