// The pseudo-locale walk (issue 19): the console in en-XA, where every message is accented, 35 %
// longer and bracketed. On each screen a reviewer would open (the list, a volume, every dialog,
// the snapshots pages, the create form, sign-in, the tray, the palette, the phone layout) it fails
// on visible words that are neither data nor bracketed (a string that skipped the translation
// layer), on text cut off by its box, and on a page wider than the screen.
import type { Page } from '@playwright/test';
import { DEPLOYED_PORT } from '../../playwright.config';
import { accent } from '../../src/lib/pseudo-locale';
import { okAvailableTyped } from '../seed-queries';
import { type Demo, expect, readIn, test } from './fixtures';
import { demoData, expectAllTranslated } from './untranslated';

const DATA = demoData();

/** A label as the pseudo-locale shows it, to find it by: "State" → /⟦Šţáţé/ (a prefix). */
const ps = (english: string) =>
  new RegExp(`⟦\\s*${accent(english).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

test.use({ viewport: { width: 1366, height: 900 } });

test.beforeEach(async ({ page }) => {
  await readIn(page, 'en-XA');
});

async function check(page: Page, where: string) {
  await expectAllTranslated(page, DATA, where);
}

async function list(page: Page) {
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

async function volumePage(page: Page, demo: Demo) {
  const volume = demo.volume(okAvailableTyped);
  await page.goto(`/volumes/${volume.uuid}`);
  await expect(page.getByRole('heading', { level: 1, name: volume.name })).toBeVisible();
  await expect(page.getByRole('list', { name: /⟦/ }).first()).toBeVisible(); // the history
  return volume;
}

/** Opens each action of the toolbar in turn, checks its dialog, and closes it. */
async function everyAction(page: Page, where: string, atLeast: number) {
  let opened = 0;
  const toolbar = page.getByRole('toolbar').first();
  const buttons = toolbar.getByRole('button');
  const count = await buttons.count();
  for (let index = 0; index < count; index++) {
    const button = buttons.nth(index);
    if ((await button.getAttribute('aria-disabled')) === 'true') continue;
    const name = (await button.textContent()) ?? '';
    if (!name.includes('…')) continue; // an action without a form runs at once
    await button.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await check(page, `${where}: ${name}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    opened++;
  }
  // A toolbar whose buttons could not be read would otherwise pass having checked nothing.
  expect(opened, `dialogs opened on ${where}`).toBeGreaterThanOrEqual(atLeast);
}

test('the list, its menus, filters and a selection', async ({ page }) => {
  await list(page);
  await check(page, 'the list');
  await page
    .getByRole('button', { name: ps('State') })
    .first()
    .click();
  await check(page, 'the state filter');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: ps('Views') }).click();
  await check(page, 'the views menu');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: ps('Columns') }).click();
  await check(page, 'the columns menu');
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox').nth(1).check();
  await expect(page.getByRole('region', { name: /⟦/ }).first()).toBeVisible();
  await check(page, 'the list with a selection');
  await page
    .getByRole('button', { name: ps('Actions for') })
    .first()
    .click();
  await check(page, 'a row’s actions menu');
});

test('a volume’s page and every action dialog', async ({ page, demo }) => {
  await volumePage(page, demo);
  await check(page, 'a volume’s page');
  await everyAction(page, 'a volume', 5);
});

test('an attached volume, an erred one, and their dialogs', async ({ page, demo }) => {
  const attached = demo.volume(
    (v) => v.state === 'OK' && v.runtime_state === 'in-use' && !v.bootable,
  );
  await page.goto(`/volumes/${attached.uuid}`);
  await expect(page.getByRole('heading', { level: 1, name: attached.name })).toBeVisible();
  await check(page, 'an attached volume');
  await everyAction(page, 'an attached volume', 3);
  const erred = demo.volume((v) => v.state === 'ERRED' && Boolean(v.error_message));
  await page.goto(`/volumes/${erred.uuid}`);
  await expect(page.getByRole('heading', { level: 1, name: erred.name })).toBeVisible();
  await check(page, 'an erred volume');
});

test('new volume, the operations tray, the palette and the shortcuts', async ({ page, demo }) => {
  const tenant = demo.seed.tenants[0]!;
  await page.goto(`/volumes?project=${tenant.project_uuid}`);
  await page.getByRole('button', { name: ps('New volume') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox').nth(1)).toHaveValue(/[0-9a-f]{32}/);
  await check(page, 'the new-volume form');
  await dialog.getByRole('textbox').first().fill('pseudo-one');
  await dialog.getByRole('button', { name: ps('Create volume') }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('complementary').getByRole('button').first().click();
  await check(page, 'the operations tray');
  await page.keyboard.press('Escape');
  await page.goto('/volumes');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'the command palette');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'the keyboard shortcuts');
});

test('the snapshots pages and a snapshot’s dialogs', async ({ page, demo }) => {
  await page.goto('/snapshots');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await check(page, 'the snapshots page');
  const snapshot = demo.seed.snapshots.find((s) => s.state === 'OK')!;
  await page.goto(`/snapshots/${snapshot.uuid}`);
  await expect(page.getByRole('heading', { level: 1, name: snapshot.name })).toBeVisible();
  await check(page, 'a snapshot’s page');
  await everyAction(page, 'a snapshot', 1);
});

test('the account menu and its demo settings', async ({ page }) => {
  await list(page);
  await page.getByRole('button', { name: ps('Account') }).click();
  await page.getByText(ps('Demo settings')).click();
  await check(page, 'the account menu');
});

test.describe('at phone size', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the list, its filters, and a volume', async ({ page, demo }) => {
    await list(page);
    await check(page, 'the list on a phone');
    await page.getByRole('button', { name: ps('Filters') }).click();
    await check(page, 'the filters on a phone');
    await volumePage(page, demo);
    await check(page, 'a volume on a phone');
  });
});

test.describe('signing in to a real Waldur', () => {
  test.use({ baseURL: `http://127.0.0.1:${DEPLOYED_PORT}` });
  test('the sign-in page and its errors', async ({ page }) => {
    await page.goto('/volumes');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check(page, 'sign-in');
    await page.getByRole('button', { name: ps('Sign in') }).click();
    await expect(page.getByRole('textbox', { name: ps('API token') })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await check(page, 'sign-in with an error');
  });
});
