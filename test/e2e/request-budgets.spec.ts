// Request budgets of the list, counted (times belong to `npm run bench`): one request per typed
// search, none when coming back to fresh data, `field=` for the visible columns only, counts and
// pickers only when opened, and each facet count fetched once.
import type { Page } from '@playwright/test';
import { CORE_STATES } from '../../src/features/volumes/model/states';
import { countVolumes } from '../seed-queries';
import { expect, test, typeWithGaps } from './fixtures';

const LIST = '/api/openstack-volumes/';
const isSearch = (search: string) => new URLSearchParams(search).has('name');

/**
 * The API requests the page sends while `act` runs, as the browser reports them (in order, before
 * any answer). A round trip to the page afterwards makes sure every request it started is counted.
 */
async function requestsDuring(page: Page, act: () => Promise<void>) {
  const sent: URL[] = [];
  const record = (request: { url(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) sent.push(url);
  };
  page.on('request', record);
  try {
    await act();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  } finally {
    page.off('request', record);
  }
  return sent;
}
const isPage = (search: string) =>
  !new URLSearchParams(search).has('page_size') ||
  new URLSearchParams(search).get('page_size') !== '1';

test('typing a 10-character search with 60 ms of page time between keys sends one list request', async ({
  page,
  demo,
}) => {
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const before = (await demo.requests(LIST)).length;
  await page.getByRole('searchbox', { name: /search volumes/i }).focus();
  await typeWithGaps(page, 'scratch-01', 60);
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(['scratch-01']);
  // One search; the same query again later would be the results' live refresh, not a search.
  const searches = (await demo.requests(LIST)).slice(before).filter(isSearch);
  expect(new Set(searches).size).toBe(1);
  expect(new URLSearchParams(searches[0]).get('name')).toBe('scratch-01');
});

test('a pasted search sends one list request', async ({ page, demo }) => {
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const before = (await demo.requests(LIST)).length;
  await page.getByRole('searchbox', { name: /search volumes/i }).fill('scratch-01');
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(['scratch-01']);
  const searches = (await demo.requests(LIST)).slice(before).filter(isSearch);
  expect(new Set(searches).size).toBe(1);
});

test('going back to the list after opening a volume sends no list request while the data is fresh', async ({
  page,
}) => {
  // A view with nothing in progress, so no live refresh runs.
  await page.goto('/volumes?state=OK&runtime=available');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const sent = await requestsDuring(page, async () => {
    await page.goBack();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  });
  expect(sent.filter((url) => url.pathname === LIST)).toEqual([]);
});

test('the list request carries field= for the visible columns only', async ({ page, demo }) => {
  await page.goto('/volumes?cols=name,size');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const last = new URLSearchParams((await demo.requests(LIST)).filter(isPage).at(-1)!);
  // Identity and what live refresh watches, plus the two columns' fields: nothing else.
  expect(last.getAll('field').sort()).toEqual([
    'action',
    'name',
    'runtime_state',
    'size',
    'state',
    'url',
    'uuid',
  ]);

  await page.getByRole('button', { name: /^Columns/ }).click();
  await page.getByRole('checkbox', { name: 'Project' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: /^Project/ })).toBeVisible();
  const next = new URLSearchParams((await demo.requests(LIST)).filter(isPage).at(-1)!);
  expect(next.getAll('field').sort()).toEqual(
    [
      'action',
      'name',
      'project_name',
      'project_uuid',
      'runtime_state',
      'size',
      'state',
      'url',
      'uuid',
    ].sort(),
  );
});

test('the first load asks for one page of volumes, and counts and pickers only when opened', async ({
  page,
  demo,
}) => {
  // A view with nothing in progress, so no live refresh adds list requests.
  const sent = await requestsDuring(page, async () => {
    await page.goto('/volumes?state=OK&runtime=available');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  });
  expect(sent.filter((url) => url.pathname === LIST)).toHaveLength(1);
  const list = await demo.requests(LIST);
  expect(list.filter(isPage)).toHaveLength(1);
  expect(list.filter((search) => !isPage(search))).toEqual([]); // no facet counts yet
  for (const path of [
    '/api/customers/',
    '/api/projects/',
    '/api/openstack-tenants/',
    '/api/openstack-instances/',
  ]) {
    expect(await demo.requests(path), path).toEqual([]);
  }

  // Going to the runtime-state filter asks for its counts, one per value, and nothing else.
  await page.getByLabel('Runtime state').focus();
  await expect(page.getByRole('option', { name: /^Available \(\d+\)$/ })).toBeAttached();
  const counts = (await demo.requests(LIST)).filter((search) => !isPage(search));
  expect(counts.length).toBeGreaterThan(0);
  for (const search of counts) expect(new URLSearchParams(search).has('runtime_state')).toBe(true);
  expect((await demo.requests(LIST)).filter(isPage)).toHaveLength(1);

  // Opening the project picker asks for projects.
  await page.getByRole('combobox', { name: 'Project' }).click();
  await expect(
    page.getByRole('listbox', { name: 'Project' }).getByRole('option').first(),
  ).toBeVisible();
  expect((await demo.requests('/api/projects/')).length).toBeGreaterThan(0);
});

test('the state filter counts each state once under the other filters, and not again on each live refresh', async ({
  page,
  demo,
}) => {
  // A view with a volume in progress, so that the list refreshes by itself.
  await page.goto('/volumes?runtime=available&state=UPDATING');
  await page.getByRole('button', { name: /^State:/ }).click();
  const expected = countVolumes(
    demo.seed,
    (v) => v.state === 'ERRED' && v.runtime_state === 'available',
  );
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByRole('checkbox', { name: `Erred (${expected})` })).toBeVisible();
  const counts = async () => (await demo.requests(LIST)).filter((s) => !isPage(s));
  expect(await counts()).toHaveLength(CORE_STATES.length);
  expect((await counts()).every((s) => s.includes('runtime_state=available'))).toBe(true);
  // The list refreshes by itself; the counts stay as they were.
  const pages = (await demo.requests(LIST)).filter(isPage).length;
  await demo.advance(10_000);
  await expect
    .poll(async () => (await demo.requests(LIST)).filter(isPage).length)
    .toBeGreaterThan(pages);
  expect(await counts()).toHaveLength(CORE_STATES.length);
});
