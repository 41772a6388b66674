// The whole life of a volume on the Waldurs people really run (issue 20), chosen as a user would
// in the account menu's demo settings: a 2024 (7.x) server, and a newer one that checks a deletion
// in the background and refuses it afterwards. The demo's clock is moved by the test.
import type { Page } from '@playwright/test';
import { ORDER_PICKUP_MS } from '../../src/mocks/lifecycle';
import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import { type Demo, expect, test } from './fixtures';
import { headerState, openTray, tray, walkCreation } from './journey';

/** The account menu → Demo settings → "Waldur behaves like". */
async function play(page: Page, version: RegExp) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByText('Demo settings: speed, Waldur version, deployment').click();
  await page.getByRole('radio', { name: version }).check();
  await expect(
    page.getByRole('region', { name: 'Notifications' }).getByText(/^The demo now plays/),
  ).toBeVisible();
  await page.keyboard.press('Escape');
}

/** The list of the first tenant's project, with the demo playing `version`. */
async function startOn(page: Page, demo: Demo, version: RegExp) {
  const tenant = demo.seed.tenants[0]!;
  await page.goto(`/volumes?project=${tenant.project_uuid}`);
  await play(page, version);
  return tenant;
}

/** "New volume" from the list, followed to OK; ends on the volume's page. */
async function createFromList(page: Page, demo: Demo, name: string) {
  await page.getByRole('button', { name: 'New volume' }).click();
  const dialog = page.getByRole('dialog', { name: 'New volume' });
  await expect(dialog.getByLabel('Where')).toHaveValue(/[0-9a-f]{32}/);
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Size (GiB)').fill('2');
  await dialog.getByRole('button', { name: 'Create volume' }).click();
  await expect(dialog).toBeHidden();
  await openTray(page);
  const item = tray(page)
    .getByRole('listitem')
    .filter({ hasText: `Creation of ${name}` });
  await walkCreation(demo);
  await expect(item.getByText('Done')).toBeVisible();
  await item.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(headerState(page)).toHaveText('OK');
}

async function confirmDelete(page: Page, name: string) {
  await page
    .getByRole('toolbar', { name: /Actions for/ })
    .getByRole('button', { name: 'Delete…' })
    .click();
  const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
  await confirm.getByLabel(/to confirm/).fill(name);
  await confirm.getByRole('button', { name: 'Delete volume' }).click();
  await expect(confirm).toBeHidden();
}

async function walkDeletion(page: Page, demo: Demo) {
  await demo.advance(ORDER_PICKUP_MS);
  await demo.advance(TIMING.firstTaskMs);
  await expect(headerState(page)).toHaveText(/Deleting/i);
  await demo.advance(settleAfterMs('delete'));
  await expect(page.getByText('This volume no longer exists')).toBeVisible();
  await expect(headerState(page)).toHaveText('Gone');
  await expect(page.locator('.detail-header')).not.toContainText('in progress');
}

test('on a 2024 (7.x) Waldur: create a volume, see it OK, delete it, see it gone', async ({
  page,
  demo,
}) => {
  await startOn(page, demo, /Waldur 7\.x/);
  await createFromList(page, demo, 'e2e-seven');
  // The server spells its states the old way ("Update Scheduled", "Erred"…): the console reads both.
  expect(await demo.run((backend) => backend.deployment.version)).toBe('7.x');
  await confirmDelete(page, 'e2e-seven');
  await walkDeletion(page, demo);
});

test('on a newer Waldur: a deletion refused in the background is said with its remedy; once the snapshot is gone, it goes', async ({
  page,
  demo,
}) => {
  const tenant = await startOn(page, demo, /Newer Waldur/);
  await createFromList(page, demo, 'e2e-newer');
  const uuid = page.url().split('/').at(-1)!;

  // The delete dialog sees no snapshot; someone takes one before Waldur checks.
  await page
    .getByRole('toolbar', { name: /Actions for/ })
    .getByRole('button', { name: 'Delete…' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Delete e2e-newer?' });
  await expect(confirm.getByText('Checking for snapshots of this volume…')).toBeHidden();
  await demo.run(
    (backend, arg) => {
      const template = backend.db.snapshots[0]!;
      backend.db.snapshots.push({
        ...template,
        uuid: 'feedfacefeedfacefeedfacefeedface',
        name: 'late-snapshot',
        state: 'OK',
        source_volume_uuid: arg.uuid,
        tenant_uuid: arg.tenant,
      });
    },
    { uuid, tenant: tenant.uuid },
  );
  await confirm.getByLabel(/to confirm/).fill('e2e-newer');
  await confirm.getByRole('button', { name: 'Delete volume' }).click();
  await expect(confirm).toBeHidden();
  await demo.advance(ORDER_PICKUP_MS);

  await openTray(page);
  const item = tray(page).getByRole('listitem').filter({ hasText: 'Delete of e2e-newer' });
  await expect(item.getByText('Failed')).toBeVisible();
  await expect(item).toContainText('Volume has dependent snapshots.');
  const notice = page.getByRole('status').filter({ hasText: 'Waldur did not delete this volume' });
  await expect(notice).toContainText('Volume has dependent snapshots.');
  await expect(headerState(page)).toHaveText('OK'); // its marketplace resource erred, not the volume

  // The remedy: the snapshot, one click away; delete it, then the volume.
  await notice.getByRole('link', { name: 'late-snapshot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'late-snapshot' })).toBeVisible();
  await page
    .getByRole('toolbar', { name: 'Actions for late-snapshot' })
    .getByRole('button', { name: 'Delete…' })
    .click();
  const snapshotConfirm = page.getByRole('dialog', { name: 'Delete snapshot late-snapshot?' });
  await snapshotConfirm.getByLabel(/to confirm/).fill('late-snapshot');
  await snapshotConfirm.getByRole('button', { name: 'Delete snapshot' }).click();
  await expect(snapshotConfirm).toBeHidden();
  await demo.advance(TIMING.firstTaskMs + settleAfterMs('delete') + TIMING.pollEveryMs);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'e2e-newer' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Snapshots' }).getByText('This volume has no snapshots.'),
  ).toBeVisible();
  await confirmDelete(page, 'e2e-newer');
  await walkDeletion(page, demo);
});
