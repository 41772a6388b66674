import type { Page } from '@playwright/test';
import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import { countVolumes, named } from '../seed-queries';
import { expect, test, typeWithGaps } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: /^Volumes/ });
const rowNames = (page: Page) => table(page).getByRole('rowheader').allTextContents();
const params = (page: Page) => new URL(page.url()).searchParams;

test.describe('the volume list', () => {
  test('search by name, typed with 40 ms between keys: one request after the pause, and the URL', async ({
    page,
    demo,
  }) => {
    await page.goto('/volumes');
    await expect(table(page).getByRole('row')).toHaveCount(26);
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: /search volumes/i })).toBeFocused();
    const before = (await demo.requests('/api/openstack-volumes/')).length;
    await typeWithGaps(page, 'pg-wal', 40);
    await expect(page).toHaveURL(/q=pg-wal/);
    // The previous rows stay on screen until the answer arrives.
    await expect
      .poll(async () => {
        const names = await rowNames(page);
        return names.length > 0 && names.every((name) => name.includes('pg-wal'));
      })
      .toBe(true);
    const searches = (await demo.requests('/api/openstack-volumes/'))
      .slice(before)
      .filter((search) => new URLSearchParams(search).has('name'));
    // One search: the same query again later is the results' live refresh, not a search.
    expect(new Set(searches).size).toBe(1);
    expect(new URLSearchParams(searches[0]).get('name')).toBe('pg-wal');
  });

  test('search by a pasted UUID (dashed) finds exactly that volume', async ({ page, demo }) => {
    await page.goto('/volumes');
    const volume = demo.volume(named('scratch-05'));
    const dashed = volume.uuid.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    await page.getByRole('searchbox', { name: /search volumes/i }).fill(dashed);
    await page.keyboard.press('Enter');
    await expect(table(page).getByRole('rowheader')).toHaveText([volume.name]);
    await expect(page.getByText('1 volume has this ID as UUID, backend ID or name.')).toBeVisible();
  });

  test('combines a preset, a customer picked by typing, and shows them as removable chips', async ({
    page,
    demo,
  }) => {
    await page.goto('/volumes');
    await page.getByRole('button', { name: 'Erred' }).click();
    const customer = page.getByRole('combobox', { name: 'Customer' });
    await customer.fill('Cobalt');
    await page.getByRole('option', { name: /Cobalt Genomics/ }).click();
    await expect(page).toHaveURL(/state=ERRED/);
    await expect(page).toHaveURL(/customer=[0-9a-f]{32}/);
    const cobalt = demo.seed.customers.find((c) => c.name === 'Cobalt Genomics')!;
    const expected = countVolumes(
      demo.seed,
      (v, db) =>
        v.state === 'ERRED' &&
        db.projects.some((p) => p.uuid === v.project_uuid && p.customer_uuid === cobalt.uuid),
    );
    await expect(table(page).getByRole('row')).toHaveCount(expected + 1);
    await expect(page.getByText(`1–${expected} of ${expected} volumes`)).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Customer: Cobalt Genomics' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Remove filter State: Erred' }).click();
    await expect(page).not.toHaveURL(/state=ERRED/);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(/\/volumes$/);
  });

  test('sorts by a column header, pages, changes the page size and hides a column; reload and back keep the view', async ({
    page,
  }) => {
    await page.goto('/volumes');
    const size = page.getByRole('columnheader', { name: /^Size/ });
    await size.getByRole('button').click();
    await expect(size).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/sort=size/);
    await expect(table(page).getByRole('row').nth(1).locator('td.cell--size')).toHaveText('1 GiB');

    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.getByText('Page 2 of 10', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/page=2/);

    await page.getByLabel('Per page').selectOption('50');
    await expect(table(page).getByRole('row')).toHaveCount(51);
    await expect(page.getByText('Page 1 of 5', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: /^Columns/ }).click();
    await page.getByRole('checkbox', { name: 'Type' }).uncheck();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('columnheader', { name: 'Type' })).toHaveCount(0);
    await expect(page).toHaveURL(/cols=/);
    const view = page.url();
    const firstRows = await rowNames(page);

    await page.reload();
    await expect(table(page).getByRole('row')).toHaveCount(51);
    expect(page.url()).toBe(view);
    expect(await rowNames(page)).toEqual(firstRows);
    await expect(page.getByRole('columnheader', { name: /^Size/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(page.getByRole('columnheader', { name: 'Type' })).toHaveCount(0);

    await page.goBack(); // before hiding the column
    await expect(page.getByRole('columnheader', { name: 'Type' })).toBeVisible();
    expect(params(page).get('size')).toBe('50');
    await page.goBack(); // before the page size
    await expect(page.getByText('Page 2 of 10', { exact: true })).toBeVisible();
  });

  test('a row goes from scheduled through updating to OK without a reload', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume(named('archive-06'));
    expect(volume.state).toBe('OK');
    await page.goto('/volumes?q=archive-06');
    const row = table(page).getByRole('row').filter({ hasText: 'archive-06' });
    await row.getByRole('button', { name: 'Actions for archive-06' }).click();
    await page.getByRole('button', { name: 'Pull' }).click();
    const badge = row.locator('td.cell--state .badge');
    await expect(badge).toHaveText('Pulling · scheduled');
    await expect(page.getByText(/Auto-refreshing: 1 in progress/)).toBeVisible();
    await demo.advance(TIMING.firstTaskMs);
    await expect(badge).toHaveText('Pulling');
    await demo.advance(settleAfterMs('pull'));
    await expect(badge).toHaveText('OK');
    await expect(page.getByTestId('announcer-polite')).toContainText(
      /archive-06 is now OK|Pull of archive-06 finished/,
    );
  });
});
