import { named } from '../seed-queries';
import { expect, test } from './fixtures';

test('opens on the volume list with volumes from the demo backend', async ({ page, demo }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/volumes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Volumes' })).toBeVisible();
  await expect(page.getByText('Demo backend')).toBeVisible();
  const table = page.getByRole('table', { name: /volumes, page 1 of 10/i });
  await expect(table.getByRole('row')).toHaveCount(26); // header + 25
  await expect(page.getByText('1–25 of 250 volumes')).toBeVisible();
  const first = demo.volume(named('archive-01'));
  await expect(table.getByRole('link', { name: first.name })).toBeVisible();
});
