// The operations tray and dialogs' focus handling.
import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import { okAvailable } from '../seed-queries';
import { expect, test } from './fixtures';

test('the tray follows an operation that fails while the user is elsewhere, and offers Pull', async ({
  page,
  demo,
}) => {
  await page.goto('/volumes');
  const volume = demo.volume(okAvailable);
  // The demo's own switch: the next operation is accepted, then ends ERRED.
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('button', { name: 'Make the next operation fail' }).click();

  await page.getByRole('searchbox', { name: /search volumes/i }).fill(volume.name);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `Actions for ${volume.name}` }).click();
  await page.getByRole('button', { name: 'Extend…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Extend' }).click();
  // Waldur accepted it (the dialog closes on the answer); a reload before that would cut the request.
  await expect(page.getByRole('dialog')).toBeHidden();

  // Move on to another page while it runs.
  await page.getByRole('link', { name: 'Volume console' }).click();
  await page.goto('/volumes?state=OK');
  const tray = page.getByRole('complementary', { name: 'Operations' });
  await tray.getByRole('button', { name: /Operations/ }).click();
  const entry = tray.getByRole('listitem').filter({ hasText: `Extend of ${volume.name}` });
  await expect(entry).toContainText('Scheduled'); // the demo's clock stands still until moved
  await demo.advance(TIMING.firstTaskMs); // the backend call fails at the first task
  await expect(entry).toContainText('Failed');
  await expect(entry).toContainText(/Submitted \d\d:\d\d:\d\d · finished \d\d:\d\d:\d\d/);
  await expect(entry).toContainText('Extend volume failed');
  await expect(page.getByTestId('announcer-assertive')).toContainText(
    `Extend of ${volume.name} failed`,
  );

  await entry.getByRole('button', { name: `Pull ${volume.name}` }).click();
  const pull = tray.getByRole('listitem').filter({ hasText: `Pull of ${volume.name}` });
  await expect(pull).toContainText('Scheduled');
  await demo.advance(TIMING.firstTaskMs + settleAfterMs('pull'));
  await expect(pull).toContainText('Done');
});

test('dialogs keep focus inside, close on Escape, return focus, and keep a draft', async ({
  page,
  demo,
}) => {
  const volume = demo.volume(okAvailable);
  await page.goto(`/volumes/${volume.uuid}`);
  const edit = page
    .getByRole('toolbar', { name: /Actions for/ })
    .getByRole('button', { name: 'Edit…' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Edit ${volume.name}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: /^Name/ })).toBeFocused();
  await page.keyboard.type('-renamed');

  // Tab cycles within the dialog; the page behind is inert.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue(
    `${volume.name}-renamed`,
  );
});
