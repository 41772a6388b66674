// The console in the reader's language (issue 19), in Chromium on the production build: it opens in
// the browser's language, switches from the account menu without a reload (the URL, the scroll and
// a dialog's input stay), follows a switch made in another tab, asks Waldur to answer in the same
// language, and mirrors itself for Arabic while identifiers stay left to right.
import { readFileSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { okAvailableTyped } from '../seed-queries';
import { expectNoAxeViolations } from './axe';
import { expect, readIn, test } from './fixtures';
import { demoData, findUntranslated } from './untranslated';

const DATA = demoData();

/** The German and Arabic words the tests look for, read from the catalogues they test. */
const DE: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../src/locales/de.json', import.meta.url), 'utf8'),
);
const deWord = (english: string) => {
  const word = DE[english];
  if (!word) throw new Error(`no German for “${english}”`);
  return word;
};

async function chooseLanguage(page: Page, account: RegExp, language: string) {
  await page.getByRole('button', { name: account }).click();
  await page.getByRole('combobox', { name: /^(Language|Sprache|اللغة)$/ }).selectOption(language);
}

test.describe('a browser set to German', () => {
  test.use({ locale: 'de-DE' });

  test('opens in German, with German numbers, and asks Waldur for German', async ({ page }) => {
    const languages: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/openstack-volumes/'))
        languages.push(request.headers()['accept-language'] ?? '(none)');
    });
    await page.goto('/volumes');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('button', { name: deWord('New volume') })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('button', { name: 'New volume', exact: true })).toHaveCount(0);
    // Every request to Waldur names the language, so its own messages come back in it.
    expect(languages.length).toBeGreaterThan(0);
    expect(new Set(languages)).toEqual(new Set(['de']));
  });

  test('a choice made in the account menu outlives the browser’s language', async ({ page }) => {
    await page.goto('/volumes');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await chooseLanguage(page, /^Konto:/, 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('button', { name: 'New volume', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('German, its catalogue in two parts', () => {
  test.use({ locale: 'de-DE' });

  test('the first screen speaks German from the first part alone; a dialog waits for the rest', async ({
    page,
    context,
  }) => {
    // Every translation is served bracketed, so that a word shown from neither part (English)
    // stands out; the rest is held back until released.
    const bracketed = async (route: Route) => {
      const response = await route.fetch();
      const messages = (await response.json()) as Record<string, string>;
      const json = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, `⟦${v}⟧`]));
      await route.fulfill({ response, json });
    };
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let restAsked = false;
    // The context's routes: once the demo's service worker runs, it is what fetches the files.
    await context.route('**/assets/locales/de.first.json*', bracketed);
    await context.route('**/assets/locales/de.rest.json*', async (route) => {
      restAsked = true;
      await released;
      await bracketed(route);
    });

    await page.goto('/volumes');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const onList = await findUntranslated(page, DATA);
    expect(onList.untranslated, 'words of the first screen not in the first part').toEqual([]);

    await page.getByRole('button', { name: `⟦${deWord('New volume')}⟧` }).click();
    // The dialog's code asks for the rest of the words, and does not open without them.
    await expect.poll(() => restAsked).toBe(true);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    release();
    await expect(page.getByRole('dialog')).toBeVisible();
    const inDialog = await findUntranslated(page, DATA);
    expect(inDialog.untranslated, 'words of the dialog').toEqual([]);
  });
});

test.describe('exports from a German console', () => {
  test.use({ locale: 'de-DE' });

  test('keep the API’s keys and raw values, unless labels in German are asked for', async ({
    page,
  }) => {
    await page.goto('/volumes?state=ERRED&sort=-size&cols=name,state,size');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await page.getByRole('button', { name: deWord('Export…') }).click();
    const dialog = page.getByRole('dialog');
    const exported = async (button: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: button }).click(),
      ]);
      return readFileSync((await file.path())!, 'utf8').split('\r\n');
    };
    const keys = await exported(deWord('Export as {format}').replace('{format}', 'CSV'));
    expect(keys[0]).toBe('uuid,name,state,action,size_mib');
    // Sizes stay whole MiB, without German digit grouping.
    expect(keys[1]).toMatch(/,\d+$/);

    await dialog.getByRole('radio', { name: deWord('Labels in my language') }).check();
    const labelled = await exported(deWord('Export again'));
    expect(labelled[0]).toBe(
      ['UUID', 'Name', 'State', 'Current action', 'Size (MiB)'].map(deWord).join(','),
    );
    expect(labelled.slice(1)).toEqual(keys.slice(1));
  });
});

test('switching language keeps the page: its filters, its scroll, nothing reloaded', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto('/volumes?state=ERRED&page_size=50');
  await expect(page.getByRole('table').getByRole('row').nth(2)).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
    window.scrollTo(0, 300);
  });
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await chooseLanguage(page, /^Account:/, 'de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: deWord('New volume') })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(new URL(page.url()).search).toBe('?state=ERRED&page_size=50');
  // Not sent back to the top: the browser keeps the same rows in view (scroll anchoring moves the
  // offset by however much the longer German words above them grew or shrank).
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled / 2);
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true);
});

test('another tab’s switch reaches an open dialog, and its input stays', async ({
  page,
  context,
  demo,
}) => {
  const volume = demo.volume(okAvailableTyped);
  await page.goto(`/volumes/${volume.uuid}`);
  await page.getByRole('button', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Description').fill('half-typed, not yet saved');

  const other = await context.newPage();
  await other.goto('/volumes');
  await chooseLanguage(other, /^Account:/, 'de');
  await expect(other.locator('html')).toHaveAttribute('lang', 'de');

  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(dialog.getByLabel(deWord('Description'))).toHaveValue('half-typed, not yet saved');
  await expect(dialog.getByRole('button', { name: deWord('Save') })).toBeVisible();
});

test.describe('Arabic', () => {
  test.beforeEach(async ({ page }) => {
    await readIn(page, 'ar');
  });

  test('the page is mirrored; UUIDs and sizes read left to right', async ({ page, demo }) => {
    const volume = demo.volume(okAvailableTyped);
    await page.goto(`/volumes/${volume.uuid}`);
    const heading = page.getByRole('heading', { level: 1, name: volume.name });
    await expect(heading).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    // The heading starts at the right-hand edge of its column (it would sit at the left in English).
    const width = page.viewportSize()!.width;
    const box = (await heading.boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(width / 2);
    const uuid = page.getByText(volume.uuid, { exact: true }).first();
    await expect(uuid).toBeVisible();
    expect(await uuid.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  });

  test('the list reads right to left, and a filter in the URL still applies', async ({ page }) => {
    await page.goto('/volumes?state=ERRED');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    const table = page.getByRole('table');
    expect(await table.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // The first column (selection) is the right-most one.
    const cells = table.getByRole('row').nth(1).getByRole('cell');
    const first = (await cells.first().boundingBox())!;
    const last = (await cells.last().boundingBox())!;
    expect(first.x).toBeGreaterThan(last.x);
  });
});

/**
 * axe in German (long words) and Arabic (right to left), light and dark, on a desktop and a phone:
 * the list, a volume's page and its first action dialog, each reached without English names.
 */
for (const locale of ['de', 'ar'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [
      ['desktop', { width: 1366, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      test.describe(`axe in ${locale}, ${scheme}, ${size}`, () => {
        test.use({ colorScheme: scheme, viewport, isMobile: size === 'phone' });
        test('the list, a volume and a dialog', async ({ page, demo }) => {
          await readIn(page, locale);
          await page.goto('/volumes');
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
          await expectNoAxeViolations(page, `the list (${locale}, ${scheme}, ${size})`);
          const volume = demo.volume(okAvailableTyped);
          await page.goto(`/volumes/${volume.uuid}`);
          await expect(page.getByRole('heading', { level: 1, name: volume.name })).toBeVisible();
          await expectNoAxeViolations(page, `a volume (${locale}, ${scheme}, ${size})`);
          await page.getByRole('toolbar').first().getByRole('button').first().click();
          await expect(page.getByRole('dialog')).toBeVisible();
          await expectNoAxeViolations(page, `a dialog (${locale}, ${scheme}, ${size})`);
        });
      });
    }
  }
}
