// Money and room where a volume is sized (issue 21), in Chromium on the production build: a new
// volume past its tenant's storage quota is refused before it is sent (on the size, in the bars,
// on the disabled submit, by mouse and by Enter), an extend past a per-type quota tighter than
// storage likewise, and the price shows in the deployment's currency at the tenant's plan, or not
// at all where the deployment conceals prices.
import {
  DYNAMIC_STORAGE_TENANT,
  TIGHT_QUOTA_TENANT,
  TIGHT_TYPE,
  TIGHT_TYPE_LEFT,
} from '../../src/mocks/seed/catalogue';
import { okAvailable } from '../seed-queries';
import { expect, test } from './fixtures';

test('a new volume past the storage quota is refused before it is sent, then fits', async ({
  page,
  demo,
}) => {
  const tenant = demo.seed.tenants[TIGHT_QUOTA_TENANT]!;
  const used = demo.seed.volumes
    .filter((v) => v.tenant_uuid === tenant.uuid)
    .reduce((sum, v) => sum + v.size, 0);
  const leftGib = Math.floor((tenant.quota_limits.storage! - used) / 1024);
  await page.goto(`/volumes?project=${tenant.project_uuid}`);
  await page.getByRole('button', { name: 'New volume' }).click();
  const dialog = page.getByRole('dialog', { name: 'New volume' });
  await expect(dialog.getByLabel('Where')).toHaveValue(/[0-9a-f]{32}/);
  await dialog.getByLabel('Name').fill('too-big');
  const size = dialog.getByLabel('Size (GiB)');
  await size.fill(String(leftGib + 7));

  const quotas = dialog.getByRole('region', { name: `Quotas of ${tenant.name}` });
  await expect(quotas.getByRole('listitem').filter({ hasText: /^Storage/ })).toContainText(
    /over the limit$/,
  );
  await expect(size).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/GiB over the Storage quota$/)).toBeVisible();
  const submit = page.getByRole('button', { name: 'Create volume' });
  await expect(submit).toHaveAttribute('aria-disabled', 'true');
  await expect(submit).toHaveAccessibleDescription(
    /over the Storage quota: Waldur would refuse this\./,
  );

  const orders = async () => (await demo.requests('/api/marketplace-orders/', 'POST')).length;
  // Playwright waits for an enabled button; a user's click on the disabled one is what is tested.
  await submit.click({ force: true });
  await size.press('Enter'); // a keyboard user's submit is refused too
  await expect(dialog).toBeVisible();
  expect(await orders()).toBe(0);

  await size.fill(String(Math.min(leftGib, 5)));
  await expect(submit).not.toHaveAttribute('aria-disabled');
  await expect(size).toHaveAttribute('aria-invalid', 'false');
  await submit.click();
  await expect(dialog).toBeHidden();
  expect(await orders()).toBe(1);
});

test('extending past a per-type quota tighter than storage; the price moves with the size', async ({
  page,
  demo,
}) => {
  const tenant = demo.seed.tenants[DYNAMIC_STORAGE_TENANT]!;
  const ssd = demo.seed.volume_types.find(
    (t) => t.name === TIGHT_TYPE && t.tenant_uuids.includes(tenant.uuid),
  )!;
  const volume = demo.volume(
    (v, db) => okAvailable(v, db) && v.tenant_uuid === tenant.uuid && v.type_uuid === ssd.uuid,
  );
  await page.goto(`/volumes/${volume.uuid}`);
  await page.getByRole('button', { name: 'Extend…' }).click();
  const dialog = page.getByRole('dialog');
  const size = dialog.getByLabel('New size (GiB)');
  const current = volume.size / 1024;

  await size.fill(String(current + 10));
  const price = dialog.getByRole('region', { name: 'Estimated price' });
  // The dynamic plan prices ssd at 0.0025 per GiB per day: +10 GiB is +€0.025 a day, +€0.75 in 30.
  await expect(price).toContainText('(+€0.025)');
  await expect(price).toContainText('(+€0.75)');
  await expect(price).toContainText(`which ${tenant.name} is billed by`);

  await size.fill(String(current + TIGHT_TYPE_LEFT + 1));
  const bar = dialog.getByRole('listitem').filter({ hasText: `Storage (${TIGHT_TYPE})` });
  await expect(bar).toContainText('1 GiB over the limit');
  await expect(dialog.getByRole('listitem').filter({ hasText: /^Storage\d/ })).toContainText(
    'left after',
  );
  await expect(
    page.getByRole('button', { name: 'Extend', exact: true }),
  ).toHaveAccessibleDescription(
    `1 GiB over the Storage (${TIGHT_TYPE}) quota: Waldur would refuse this.`,
  );
});

test('a deployment that conceals prices shows none; the quotas still show', async ({
  page,
  demo,
}) => {
  const volume = demo.volume(okAvailable);
  await page.goto(`/volumes/${volume.uuid}`);
  // Before the first form reads the deployment's settings.
  await demo.run((backend) => {
    backend.configuration = { ...backend.configuration, concealPrices: true };
  });
  await page.getByRole('button', { name: 'Extend…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New size (GiB)').fill(String(volume.size / 1024 + 3));
  await expect(dialog.getByRole('region', { name: /^Quotas of / })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Estimated price' })).toHaveCount(0);
  await expect(dialog).not.toContainText('€');
});
