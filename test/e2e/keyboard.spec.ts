import type { Locator, Page } from '@playwright/test';
import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import { okAvailable } from '../seed-queries';
import { expect, test } from './fixtures';

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test('keyboard only: search, filter, open a volume, extend it, close', async ({ page, demo }) => {
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const volume = demo.volume((v, db) => okAvailable(v, db) && v.name.startsWith('data-'));

  // Skip link first, then search with "/".
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('/');
  await page.keyboard.type('data-');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=data-/);

  // Filter: the "Detached" quick filter, reached with Tab, toggled with Space.
  await tabTo(page, page.getByRole('button', { name: 'Detached' }));
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/runtime=available/);
  await expect(page.getByRole('button', { name: 'Detached' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Rows: j moves to the first one; Enter on its link opens it.
  const rows = page.getByRole('table').getByRole('rowheader');
  await expect(rows.first()).toBeVisible();
  // The previous rows stay on screen (aria-busy) until the filtered ones arrive.
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'false');
  const names = await rows.allTextContents();
  const index = names.indexOf(volume.name);
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: volume.name, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: volume.name })).toBeVisible();

  // Run an action: Extend, from the action bar.
  const extend = page
    .getByRole('toolbar', { name: /Actions for/ })
    .getByRole('button', { name: 'Extend…' });
  await tabTo(page, extend);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Extend ${volume.name}` });
  const size = dialog.getByRole('spinbutton', { name: /New size/ });
  await expect(size).toBeFocused();
  const minimum = Math.ceil((volume.size + 1024) / 1024);
  await expect(size).toHaveValue(String(minimum));
  await page.keyboard.press('ArrowUp'); // one more GiB than the minimum
  await expect(size).toHaveValue(String(minimum + 1));
  await page.keyboard.press('Enter'); // submits the form
  await expect(dialog).toBeHidden();
  await expect(extend).toBeFocused(); // focus came back to where it was
  await expect(page.locator('.detail-header__meta .badge')).toHaveText(/Extending/);

  // Close: a menu opened by mistake closes with Escape, focus back on its button.
  const account = page.getByRole('button', { name: /^Account:/ });
  await tabTo(page, account, { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: /Project admin/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('radio', { name: /Project admin/ })).toBeHidden();
  await expect(account).toBeFocused();
  await demo.advance(TIMING.firstTaskMs + settleAfterMs('extend'));
  await expect(page.locator('.detail-header__meta .badge')).toHaveText('OK');
  await expect(page.locator('.detail-header__meta')).toContainText(`${minimum + 1} GiB`);
});
