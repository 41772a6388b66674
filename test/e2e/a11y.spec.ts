// axe-core over every screen a user meets, in the light and the dark colour scheme: the list (with a
// menu, the filters, an empty result, a failure), the detail page, every action dialog, the bulk and
// export dialogs, the palette and help, sign-in and its errors, not-found.
import { DEPLOYED_PORT } from '../../playwright.config';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    test('the list, its menus and filters, an empty result', async ({ page, demo }) => {
      await page.goto('/volumes');
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await expectNoAxeViolations(page, 'the list');
      await page.getByRole('button', { name: /^State:/ }).click();
      await expect(page.getByRole('checkbox', { name: /^OK \(\d+\)$/ })).toBeVisible();
      await expectNoAxeViolations(page, 'the state filter with counts');
      await page.keyboard.press('Escape');
      await page.getByRole('combobox', { name: 'Project' }).click();
      await expect(
        page.getByRole('listbox', { name: 'Project' }).getByRole('option').first(),
      ).toBeVisible();
      await expectNoAxeViolations(page, 'the project picker');
      await page.keyboard.press('Escape');
      const first = await demo.volume("v.name === 'archive-05'");
      await page.getByRole('button', { name: `Actions for ${first.name}` }).click();
      await expect(page.getByRole('button', { name: 'Edit…' })).toBeVisible();
      await expectNoAxeViolations(page, 'a row’s actions menu');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Views/ }).click();
      await expect(page.getByRole('navigation', { name: 'Support views' })).toBeVisible();
      await expectNoAxeViolations(page, 'the views menu');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('navigation', { name: 'Support views' })).toBeHidden();
      await page.getByRole('checkbox', { name: 'Select all volumes on this page' }).check();
      await expect(page.getByRole('region', { name: 'Selection' })).toBeVisible();
      await expectNoAxeViolations(page, 'the list with a selection');
      await page.goto('/volumes?q=no-such-volume');
      await expect(
        page.getByRole('heading', { name: 'No volumes match these filters' }),
      ).toBeVisible();
      await expectNoAxeViolations(page, 'an empty result');
    });

    test('the detail page of an erred volume, its support panel and raw JSON', async ({
      page,
      demo,
    }) => {
      await page.goto('/volumes');
      const volume = await demo.volume("v.state === 'ERRED' && v.error_traceback !== ''");
      await page.goto(`/volumes/${volume.uuid}`);
      await expect(page.getByText('This volume is in an error state')).toBeVisible();
      await page.getByText('Error traceback', { exact: true }).click();
      await page.getByText('Raw JSON').click();
      await expect(page.locator('pre').filter({ hasText: '"resource_type"' })).toBeVisible();
      await expectNoAxeViolations(page, 'the detail page');
      await page.goto(`/volumes/${'0'.repeat(32)}`);
      await expect(page.getByRole('heading', { name: 'Volume not found' })).toBeVisible();
      await expectNoAxeViolations(page, 'not found');
    });

    test('every action dialog', async ({ page, demo }) => {
      await page.goto('/volumes');
      const available = await demo.volume(
        "v.state === 'OK' && v.runtime_state === 'available' && !v.bootable && v.type_uuid !== null && v.backend_id !== null",
      );
      const attached = await demo.volume(
        "v.state === 'OK' && v.runtime_state === 'in-use' && !v.bootable",
      );
      const open = async (uuid: string, label: string) => {
        await page.goto(`/volumes/${uuid}`);
        await page
          .getByRole('toolbar', { name: /Actions for/ })
          .getByRole('button', { name: label })
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
      };
      for (const label of [
        'Edit…',
        'Attach…',
        'Extend…',
        'Retype…',
        'Create snapshot…',
        'Unlink…',
      ]) {
        await open(available.uuid, label);
        if (label === 'Attach…')
          await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible();
        if (label === 'Retype…')
          await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible();
        if (label === 'Create snapshot…')
          await page.getByRole('button', { name: 'Add metadata' }).click();
        await expectNoAxeViolations(page, `the ${label} dialog`);
        await page.keyboard.press('Escape');
      }
      await open(attached.uuid, 'Detach');
      await expectNoAxeViolations(page, 'the detach dialog');
      // A dialog showing server errors.
      await page.keyboard.press('Escape');
      await open(available.uuid, 'Extend…');
      await page.getByRole('spinbutton').fill('1');
      await page.getByRole('dialog').getByRole('button', { name: 'Extend' }).click();
      await expect(page.getByText(/can’t shrink/)).toBeVisible();
      await expectNoAxeViolations(page, 'a dialog with a field error');
    });

    test('bulk, export, palette and help dialogs; the operations tray', async ({ page }) => {
      await page.goto('/volumes?q=archive');
      await page.getByRole('checkbox', { name: 'Select all volumes on this page' }).check();
      await page.getByRole('button', { name: 'Pull…' }).click();
      await expect(page.getByRole('dialog')).toContainText('can be pulled');
      await expectNoAxeViolations(page, 'the bulk plan');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^Pull \d+ volumes$/ })
        .click();
      await expect(page.getByRole('dialog')).toContainText('Finished');
      await expectNoAxeViolations(page, 'the bulk results');
      await page.getByRole('button', { name: 'Done' }).click();
      await expect(page.getByRole('dialog')).toBeHidden();
      await page.getByRole('button', { name: /^Operations/ }).click();
      await expect(page.getByRole('complementary', { name: 'Operations' })).toBeVisible();
      await expectNoAxeViolations(page, 'the operations tray');
      // Each dialog is loaded on first use: wait for it before checking it, and for it to close
      // before the next shortcut (shortcuts are ignored while a dialog is open).
      const cycle = async (name: string, openIt: () => Promise<void>) => {
        await openIt();
        await expect(page.getByRole('dialog', { name })).toBeVisible();
        await expectNoAxeViolations(page, `the ${name} dialog`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();
      };
      await cycle('Export volumes', () => page.getByRole('button', { name: 'Export…' }).click());
      await cycle('Commands', () => page.keyboard.press('p'));
      await cycle('Keyboard shortcuts', () => page.keyboard.press('?'));
    });
  });
}

test.describe('sign-in and failures (real-Waldur deployment)', () => {
  test.use({ baseURL: `http://127.0.0.1:${DEPLOYED_PORT}` });
  for (const scheme of ['light', 'dark'] as const) {
    test(`sign-in and its errors, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/volumes');
      await expect(page.getByRole('heading', { name: 'Sign in to Waldur' })).toBeVisible();
      await expectNoAxeViolations(page, 'sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText(/Enter your API token/)).toBeVisible();
      await expectNoAxeViolations(page, 'sign-in with a field error');
    });
  }
});

test('a failed load (the error state), light and dark', async ({ page, demo }) => {
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  // Django's HTML 500 page for the next requests; a new filter is a new query that fails.
  await demo.run((b) => b.failNextRequests(20));
  await page.getByRole('button', { name: 'Erred', exact: true }).click();
  await expect(page.getByRole('alert', { name: 'Could not load volumes' })).toBeVisible({
    timeout: 20_000,
  });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `the error state (${scheme})`);
  }
});
