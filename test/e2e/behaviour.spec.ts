import { expect, test } from './fixtures';

/** Performance behaviour that can be counted (times belong to `npm run bench`). */
const LIST = '/api/openstack-volumes/';
const isPage = (search: string) =>
  !new URLSearchParams(search).has('page_size') ||
  new URLSearchParams(search).get('page_size') !== '1';

test('typing a 10-character search sends at most 2 list requests', async ({ page, demo }) => {
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const before = (await demo.requests(LIST)).length;
  await page
    .getByRole('searchbox', { name: /search volumes/i })
    .pressSequentially('scratch-01', { delay: 60 });
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(['scratch-01']);
  const searches = (await demo.requests(LIST)).slice(before).filter(isPage);
  expect(searches.length).toBeGreaterThanOrEqual(1);
  expect(searches.length).toBeLessThanOrEqual(2);
  expect(new URLSearchParams(searches.at(-1)!).get('name')).toBe('scratch-01');
});

test('going back to the list after opening a volume sends no list request while the data is fresh', async ({
  page,
  demo,
}) => {
  // A view with nothing in progress, so no live refresh runs.
  await page.goto('/volumes?state=OK&runtime=available');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const before = (await demo.requests(LIST)).length;
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await page.waitForTimeout(500);
  expect((await demo.requests(LIST)).slice(before)).toEqual([]);
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
  await page.goto('/volumes?state=OK&runtime=available');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await page.waitForTimeout(500);
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

test('nothing on the way to the first row creates an Intl formatter (ICU’s locale data costs ~10 ms)', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const record = (what: string) => calls.push(what);
    const intl = Intl as unknown as Record<string, unknown>;
    for (const name of [
      'NumberFormat',
      'DateTimeFormat',
      'RelativeTimeFormat',
      'PluralRules',
      'Collator',
      'ListFormat',
      'DisplayNames',
      'Segmenter',
    ]) {
      const original = intl[name] as (new (...args: unknown[]) => object) | undefined;
      if (!original) continue;
      intl[name] = new Proxy(original, {
        construct: (target, args) => {
          record(`Intl.${name}`);
          return Reflect.construct(target, args);
        },
        apply: (target, self, args) => {
          record(`Intl.${name}`);
          return Reflect.apply(target, self, args);
        },
      });
    }
    const wrap = (proto: object, method: string, label: string) => {
      const target = proto as Record<string, (...args: unknown[]) => unknown>;
      const original = target[method]!;
      target[method] = function (this: unknown, ...args: unknown[]) {
        record(`${label}.${method}`);
        return original.apply(this, args);
      };
    };
    wrap(Number.prototype, 'toLocaleString', 'Number');
    for (const method of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'])
      wrap(Date.prototype, method, 'Date');
    // What had been called when the first volume row appeared.
    const observer = new MutationObserver(() => {
      if (document.querySelector('table[data-list="volumes"] tbody tr')) {
        observer.disconnect();
        (window as unknown as { intlBeforeFirstRow: string[] }).intlBeforeFirstRow = [...calls];
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const calls = await page.evaluate(
    () => (window as unknown as { intlBeforeFirstRow?: string[] }).intlBeforeFirstRow,
  );
  expect(calls).toEqual([]);
});
