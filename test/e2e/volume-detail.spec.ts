import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import { expect, test } from './fixtures';

test.describe('the volume detail page', () => {
  test('opens from a filtered list with the row’s data at once, and leads back to the same view', async ({
    page,
  }) => {
    await page.goto('/volumes?state=ERRED&sort=-size&size=10');
    const listUrl = page.url();
    const link = page.getByRole('table').getByRole('link').first();
    const name = await link.textContent();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: name! })).toBeVisible();
    await expect(page).toHaveURL(/\/volumes\/[0-9a-f]{32}$/);
    // The browser's back button …
    await page.goBack();
    expect(page.url()).toBe(listUrl);
    await expect(page.getByRole('button', { name: 'Erred', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByRole('columnheader', { name: /^Size/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1, name: name! })).toBeVisible();
    // … and the page's own link lead to the same filtered view.
    await page.getByRole('link', { name: 'Back to the filtered list' }).click();
    expect(page.url()).toBe(listUrl);
    await expect(page.getByRole('table').getByRole('link').first()).toHaveText(name!);
  });

  test('an ERRED volume says why first, with the traceback folded', async ({ page, demo }) => {
    const volume = demo.volume((v) => v.state === 'ERRED' && v.error_traceback !== '');
    await page.goto(`/volumes/${volume.uuid}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This volume is in an error state' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(volume.error_message);
    const traceback = page.getByText('Error traceback', { exact: true });
    await expect(page.getByText('Traceback (most recent call last)')).toBeHidden();
    await traceback.click();
    await expect(page.getByText(/Traceback \(most recent call last\)/)).toBeVisible();
  });

  test('copies an ID to the clipboard and says so', async ({ page, demo, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const volume = demo.volume((v) => v.backend_id !== null && v.state === 'OK');
    await page.goto(`/volumes/${volume.uuid}`);
    const support = page.getByRole('region', { name: 'Support' });
    await support.getByRole('button', { name: 'Copy Backend ID (Cinder)' }).click();
    await expect(support.getByRole('button', { name: 'Copied Backend ID (Cinder)' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(volume.backend_id);
    await expect(page.getByTestId('announcer-polite')).toHaveText('Copied Backend ID (Cinder)');
  });

  test('shows the raw JSON exactly as the API returns it, and a curl command without the token', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume((v) => v.state === 'OK' && v.instance_uuid !== null);
    await page.goto(`/volumes/${volume.uuid}`);
    await page.getByText('Raw JSON').click();
    const json = page.locator('pre').filter({ hasText: '"resource_type": "OpenStack.Volume"' });
    await expect(json).toBeVisible();
    const parsed = JSON.parse((await json.textContent())!);
    expect(parsed.uuid).toBe(volume.uuid);
    expect(parsed.instance_name).toBeTruthy();
    const curl = page.locator('pre').filter({ hasText: 'curl' });
    await expect(curl).toContainText('Authorization: Token $WALDUR_TOKEN');
    await expect(curl).toContainText(`/api/openstack-volumes/${volume.uuid}/`);
  });

  test('lists the volume’s snapshots with state, size, retention and age', async ({
    page,
    demo,
  }) => {
    const snapshotsOf = (uuid: string) =>
      demo.seed.snapshots.filter((s) => s.source_volume_uuid === uuid).length;
    const volume = demo.volume((v) => snapshotsOf(v.uuid) >= 2);
    await page.goto(`/volumes/${volume.uuid}`);
    const snapshots = page.getByRole('table', { name: 'Snapshots of this volume' });
    await expect(snapshots.getByRole('row')).toHaveCount(snapshotsOf(volume.uuid) + 1);
    await expect(snapshots.getByRole('columnheader')).toHaveText([
      'Name',
      'State',
      'Size',
      'Retention',
      'Created',
    ]);
  });

  test('a volume that does not exist, or a malformed UUID, says "Volume not found" with a way back', async ({
    page,
  }) => {
    await page.goto(`/volumes/${'0'.repeat(32)}`);
    await expect(page.getByRole('heading', { name: 'Volume not found' })).toBeVisible();
    await page.goto('/volumes/not-a-volume');
    await expect(page.getByRole('heading', { name: 'Volume not found' })).toBeVisible();
    await page.getByRole('link', { name: 'All volumes' }).click();
    await expect(page).toHaveURL(/\/volumes$/);
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('follows an operation by itself: scheduled, running, then OK, announced', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume((v) => v.state === 'ERRED' && v.backend_id !== null);
    await page.goto(`/volumes/${volume.uuid}`);
    await page
      .getByRole('toolbar', { name: /Actions for/ })
      .getByRole('button', { name: 'Pull' })
      .click();
    await expect(page.getByText('Pulling…')).toBeVisible();
    const step = (name: string) =>
      page.getByRole('list', { name: 'Progress' }).getByRole('listitem').filter({ hasText: name });
    await expect(step('Scheduled')).toHaveAttribute('aria-current', 'step');
    await demo.advance(TIMING.firstTaskMs);
    await expect(step('Running')).toHaveAttribute('aria-current', 'step');
    await demo.advance(settleAfterMs('pull'));
    await expect(
      page.locator('.detail-header__meta').getByText('OK', { exact: true }),
    ).toBeVisible();
    await expect(page.getByText('This volume is in an error state')).toBeHidden();
    await expect(page.getByTestId('announcer-polite')).toContainText(/is now OK|finished/);
  });

  test('a volume unlinked elsewhere while open says so', async ({ page, demo }) => {
    const volume = demo.volume((v) => v.state === 'UPDATING');
    await page.goto(`/volumes/${volume.uuid}`);
    await expect(page.getByRole('heading', { level: 1, name: volume.name })).toBeVisible();
    await demo.run((backend, uuid) => {
      backend.db.volumes = backend.db.volumes.filter((v) => v.uuid !== uuid);
    }, volume.uuid);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByText('This volume no longer exists')).toBeVisible();
  });
});
