// The whole life of a volume in Chromium on the production build (issue 12): create one and see it
// reach OK and its creation in its history; delete it and see it gone; restore a snapshot to a new
// volume; browse the snapshots page with a filter that survives a reload. The demo's clock is
// moved by the test; nothing waits on real time.
import { ORDER_PICKUP_MS } from '../../src/mocks/lifecycle';
import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import { expect, test } from './fixtures';
import { headerState, openTray, tray, walkCreation } from './journey';

test('create a volume, see it reach OK and its creation in its history; then delete it and see it gone', async ({
  page,
  demo,
}) => {
  const tenant = demo.seed.tenants[0]!;
  const project = demo.seed.projects.find((p) => p.uuid === tenant.project_uuid)!;
  await page.goto(`/volumes?project=${project.uuid}`);
  await page.getByRole('button', { name: 'New volume' }).click();
  const dialog = page.getByRole('dialog', { name: 'New volume' });
  await expect(dialog.getByLabel('Where')).toHaveValue(/[0-9a-f]{32}/); // its one offering
  await expect(dialog.getByRole('region', { name: 'Quotas of climate-models' })).toBeVisible();
  await dialog.getByLabel('Name').fill('e2e-scratch');
  await dialog.getByLabel('Size (GiB)').fill('3');
  await expect(dialog.getByText('Waldur will get 3,072 MiB.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create volume' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('region', { name: 'Notifications' })
      .getByText('Order for e2e-scratch submitted', { exact: true }),
  ).toBeVisible();

  await openTray(page);
  const item = tray(page).getByRole('listitem').filter({ hasText: 'Creation of e2e-scratch' });
  await expect(item).toBeVisible();
  await walkCreation(demo);
  await expect(item.getByText('Done')).toBeVisible();
  await item.getByRole('link', { name: 'e2e-scratch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'e2e-scratch' })).toBeVisible();
  await expect(headerState(page)).toHaveText('OK');
  await expect(page.locator('.detail-header__meta')).toContainText('3 GiB');

  const history = page.getByRole('list', { name: 'History, newest first' });
  await expect(history).toContainText('Resource e2e-scratch has been created.');
  await expect(history).toContainText('Resource e2e-scratch creation has been scheduled.');
  await expect(history).toContainText('Create order: Done');

  // Delete it: typed name, then Deletion scheduled → Deleting → gone.
  await page
    .getByRole('toolbar', { name: /Actions for/ })
    .getByRole('button', { name: 'Delete…' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Delete e2e-scratch?' });
  await confirm.getByLabel(/to confirm/).fill('e2e-scratch');
  await confirm.getByRole('button', { name: 'Delete volume' }).click();
  await expect(confirm).toBeHidden();
  await demo.advance(ORDER_PICKUP_MS);
  await expect(headerState(page)).toHaveText(/Deletion scheduled/i);
  await demo.advance(TIMING.firstTaskMs);
  await expect(headerState(page)).toHaveText(/Deleting/i);
  await demo.advance(settleAfterMs('delete'));
  await expect(page.getByText('This volume no longer exists')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Volumes' })
    .click();
  await page.getByRole('searchbox', { name: /Search volumes/ }).fill('e2e-scratch');
  await expect(page.getByText('No volumes match these filters')).toBeVisible();
});

test('restore a snapshot to a new volume, followed to OK and listed among its restorations', async ({
  page,
  demo,
}) => {
  const snapshot = demo.seed.snapshots.find((s) => s.state === 'OK')!;
  await page.goto(`/snapshots/${snapshot.uuid}`);
  await expect(page.getByRole('heading', { level: 1, name: snapshot.name })).toBeVisible();
  await page
    .getByRole('toolbar', { name: `Actions for ${snapshot.name}` })
    .getByRole('button', { name: 'Restore to a new volume…' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Name of the new volume/).fill('e2e-restored');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toBeHidden();
  await openTray(page);
  const item = tray(page).getByRole('listitem').filter({ hasText: 'Restore of e2e-restored' });
  await expect(item).toBeVisible();
  await demo.advance(TIMING.firstTaskMs);
  await demo.advance(settleAfterMs('create'));
  await expect(item.getByText('Done')).toBeVisible();
  const restorations = page.getByRole('table', { name: 'Volumes restored from this snapshot' });
  await expect(restorations.getByRole('link', { name: 'e2e-restored' })).toBeVisible();
  await restorations.getByRole('link', { name: 'e2e-restored' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'e2e-restored' })).toBeVisible();
  await expect(headerState(page)).toHaveText('OK');
  await expect(
    page.getByRole('region', { name: 'Overview' }).getByRole('link', { name: snapshot.uuid }),
  ).toBeVisible();
});

test('the snapshots page: a filter from the header navigation survives a reload', async ({
  page,
  demo,
}) => {
  const erred = demo.seed.snapshots.filter((s) => s.state === 'ERRED');
  await page.goto('/volumes');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Snapshots' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Snapshots' })).toBeVisible();
  await page.getByLabel('State').selectOption('ERRED');
  await expect(page).toHaveURL(/\/snapshots\?state=ERRED$/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(Math.min(erred.length, 25) + 1);
  await page.reload();
  await expect(page.getByLabel('State')).toHaveValue('ERRED');
  await expect(rows).toHaveCount(Math.min(erred.length, 25) + 1);
  const first = erred.sort((a, b) => b.created.localeCompare(a.created))[0]!;
  await expect(rows.nth(1)).toContainText(first.name);
  await page.getByRole('link', { name: first.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/snapshots\?state=ERRED$/);
});
