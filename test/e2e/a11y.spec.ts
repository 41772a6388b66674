// axe-core over every screen a user meets, in the light and the dark colour scheme: the list (with
// its menus, filters, a selection, an empty result, a failure), the detail page, every action
// dialog, the bulk and export dialogs, the palette and help, sign-in and its errors, not-found.
// One screen per test, so that each finishes well inside its timeout on a slow machine.
import type { Page } from '@playwright/test';
import { DEPLOYED_PORT } from '../../playwright.config';
import { attachedTo, named, okAvailableTyped, type VolumePredicate } from '../seed-queries';
import { expectNoAxeViolations } from './axe';
import { type Demo, expect, runUntil, test } from './fixtures';

type Screen = (page: Page, demo: Demo) => Promise<void>;

async function list(page: Page, url = '/volumes') {
  await page.goto(url);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
}

async function actionDialog(page: Page, demo: Demo, predicate: VolumePredicate, label: string) {
  await page.goto(`/volumes/${demo.volume(predicate).uuid}`);
  await page
    .getByRole('toolbar', { name: /Actions for/ })
    .getByRole('button', { name: label })
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

async function bulkPlan(page: Page) {
  await list(page, '/volumes?q=archive');
  await page.getByRole('checkbox', { name: 'Select all volumes on this page' }).check();
  await page.getByRole('button', { name: 'Pull…' }).click();
  await expect(page.getByRole('dialog')).toContainText('can be pulled');
}

const SCREENS: Record<string, Screen> = {
  'the list': (page) => list(page),
  'the state filter with counts': async (page) => {
    await list(page);
    await page.getByRole('button', { name: /^State:/ }).click();
    await expect(page.getByRole('checkbox', { name: /^OK \(\d+\)$/ })).toBeVisible();
  },
  'the project picker': async (page) => {
    await list(page);
    await page.getByRole('combobox', { name: 'Project' }).click();
    await expect(
      page.getByRole('listbox', { name: 'Project' }).getByRole('option').first(),
    ).toBeVisible();
  },
  'a row’s actions menu': async (page, demo) => {
    await list(page);
    const first = demo.volume(named('archive-05'));
    await page.getByRole('button', { name: `Actions for ${first.name}` }).click();
    await expect(page.getByRole('button', { name: 'Edit…' })).toBeVisible();
  },
  'the views menu': async (page) => {
    await list(page);
    await page.getByRole('button', { name: /^Views/ }).click();
    await expect(page.getByRole('navigation', { name: 'Support views' })).toBeVisible();
  },
  'the list with a selection': async (page) => {
    await list(page);
    await page.getByRole('checkbox', { name: 'Select all volumes on this page' }).check();
    await expect(page.getByRole('region', { name: 'Selection' })).toBeVisible();
  },
  'an empty result': async (page) => {
    await page.goto('/volumes?q=no-such-volume');
    await expect(
      page.getByRole('heading', { name: 'No volumes match these filters' }),
    ).toBeVisible();
  },
  'the detail page of an erred volume, its traceback and raw JSON': async (page, demo) => {
    const volume = demo.volume((v) => v.state === 'ERRED' && v.error_traceback !== '');
    await page.goto(`/volumes/${volume.uuid}`);
    await expect(page.getByText('This volume is in an error state')).toBeVisible();
    await page.getByText('Error traceback', { exact: true }).click();
    await page.getByText('Raw JSON').click();
    await expect(page.locator('pre').filter({ hasText: '"resource_type"' })).toBeVisible();
  },
  'a volume that does not exist': async (page) => {
    await page.goto(`/volumes/${'0'.repeat(32)}`);
    await expect(page.getByRole('heading', { name: 'Volume not found' })).toBeVisible();
  },
  'the edit dialog': (page, demo) => actionDialog(page, demo, okAvailableTyped, 'Edit…'),
  'the attach dialog': async (page, demo) => {
    await actionDialog(page, demo, okAvailableTyped, 'Attach…');
    await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible();
  },
  'the extend dialog with a field error': async (page, demo) => {
    await actionDialog(page, demo, okAvailableTyped, 'Extend…');
    await page.getByRole('spinbutton').fill('1');
    await page.getByRole('dialog').getByRole('button', { name: 'Extend' }).click();
    await expect(page.getByText(/can’t shrink/)).toBeVisible();
  },
  'the retype dialog': async (page, demo) => {
    await actionDialog(page, demo, okAvailableTyped, 'Retype…');
    await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible();
  },
  'the snapshot dialog with metadata': async (page, demo) => {
    await actionDialog(page, demo, okAvailableTyped, 'Create snapshot…');
    await page.getByRole('button', { name: 'Add metadata' }).click();
  },
  'the new-volume form, with the quota and an image chosen': async (page, demo) => {
    const project = demo.seed.projects[0]!;
    await list(page, `/volumes?project=${project.uuid}`);
    await page.getByRole('button', { name: 'New volume' }).click();
    const dialog = page.getByRole('dialog', { name: 'New volume' });
    await expect(dialog.getByRole('region', { name: /^Quotas of / })).toBeVisible();
    await dialog.getByLabel('Image').selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Create volume' }).click();
    await expect(dialog.getByText('Enter a name for the volume')).toBeVisible();
  },
  'the delete dialog of a volume with snapshots': async (page, demo) => {
    const volume = demo.volume(
      (v, db) =>
        v.state === 'OK' &&
        v.runtime_state === 'available' &&
        db.snapshots.some((s) => s.source_volume_uuid === v.uuid),
    );
    await page.goto(`/volumes?q=${volume.name}`);
    await page.getByRole('button', { name: `Actions for ${volume.name}` }).click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await expect(page.getByRole('dialog')).toContainText(/It has (a snapshot|\d+ snapshots)/);
  },
  'the volume page’s history, filtered by kind': async (page, demo) => {
    const volume = demo.volume(okAvailableTyped);
    await page.goto(`/volumes/${volume.uuid}`);
    const history = page.getByRole('list', { name: 'History, newest first' });
    await expect(history.getByRole('listitem').first()).toBeVisible();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('Operations');
  },
  'the snapshots page': async (page) => {
    await list(page, '/snapshots?state=OK');
  },
  'a snapshot’s page and its restore dialog': async (page, demo) => {
    const snapshot = demo.seed.snapshots.find((s) => s.state === 'OK')!;
    await page.goto(`/snapshots/${snapshot.uuid}`);
    await page.getByRole('button', { name: 'Restore to a new volume…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  },
  'the unlink dialog': (page, demo) => actionDialog(page, demo, okAvailableTyped, 'Unlink…'),
  'the detach dialog': (page, demo) => actionDialog(page, demo, attachedTo(), 'Detach'),
  'the bulk plan': (page) => bulkPlan(page),
  'the bulk results and the operations tray': async (page) => {
    await bulkPlan(page);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Pull \d+ volumes$/ })
      .click();
    await expect(page.getByRole('dialog')).toContainText('Finished');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await page.getByRole('button', { name: /^Operations/ }).click();
    await expect(page.getByRole('complementary', { name: 'Operations' })).toBeVisible();
  },
  'the export dialog': async (page) => {
    await list(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export volumes' })).toBeVisible();
  },
  'the command palette': async (page) => {
    await list(page);
    await page.keyboard.press('p');
    await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  },
  'the keyboard shortcuts': async (page) => {
    await list(page);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  },
  'the account menu with the demo’s settings, across origins': async (page) => {
    await list(page);
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByText('Demo settings: speed, Waldur version, deployment').click();
    await page.getByRole('checkbox', { name: /Across origins/ }).check();
    await page.keyboard.press('Escape');
    const account = page.getByRole('button', { name: /^Account:/ });
    await runUntil(
      page,
      async () => (await account.textContent())?.includes('deployment') ?? false,
    );
    await account.click();
    await expect(page.getByText('This Waldur’s web server hides its refusals')).toBeVisible();
  },
  'a deletion Waldur refused in the background': async (page, demo) => {
    const volume = demo.volume(
      (v, db) =>
        okAvailableTyped(v, db) &&
        !!v.marketplace &&
        !db.snapshots.some((s) => s.source_volume_uuid === v.uuid),
    );
    await page.goto(`/volumes/${volume.uuid}`);
    await demo.run((backend) => {
      backend.deployment = { ...backend.deployment, version: 'newer' };
    });
    await page
      .getByRole('toolbar', { name: /Actions for/ })
      .getByRole('button', { name: 'Delete…' })
      .click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.getByText('Checking for snapshots of this volume…')).toBeHidden();
    await demo.run((backend, uuid) => {
      const template = backend.db.snapshots[0]!;
      backend.db.snapshots.push({ ...template, uuid: 'a'.repeat(32), source_volume_uuid: uuid });
    }, volume.uuid);
    await confirm.getByLabel(/to confirm/).fill(volume.name);
    await confirm.getByRole('button', { name: 'Delete volume' }).click();
    await expect(confirm).toBeHidden();
    await demo.advance(2_000);
    await expect(page.getByText('Waldur did not delete this volume')).toBeVisible();
  },
  'a failed load (the error state)': async (page, demo) => {
    await list(page);
    // Django's HTML 500 page for the next requests; a new filter is a new query that fails.
    await demo.run((backend) => backend.failNextRequests(20));
    await page.getByRole('button', { name: 'Erred', exact: true }).click();
    const alert = page.getByRole('alert', { name: 'Could not load volumes' });
    await runUntil(page, () => alert.isVisible()); // through the automatic retries
    await expect(alert).toBeVisible();
  },
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, open] of Object.entries(SCREENS)) {
      test(name, async ({ page, demo }) => {
        await open(page, demo);
        await expectNoAxeViolations(page, name);
      });
    }
  });
}

test.describe('sign-in (real-Waldur deployment)', () => {
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
