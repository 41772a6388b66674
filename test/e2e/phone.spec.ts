// Phone-sized screens (390 × 844, touch), issue 15: the list's first screen shows the search and
// volumes, its filters fold behind "Filters (n)", rows go compact, nothing scrolls sideways, and
// every control is at least 44 px high; the volume page shows its name, state and main actions
// first, with the rest under "More actions". axe runs over each, in light and dark.
import type { Page } from '@playwright/test';
import { okAvailableTyped } from '../seed-queries';
import { expectNoAxeViolations } from './axe';
import { expect, readIn, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const HEIGHT = 844;

async function noSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, 'the page is wider than the screen').toBeLessThanOrEqual(client);
}

/** Every visible control on the first screen is at least 44 px high (a finger's reach). */
async function touchSized(page: Page) {
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, a[href], input, select, textarea, [role="combobox"]',
      ),
    ]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return (
          box.width > 0 &&
          box.height > 0 &&
          box.top < window.innerHeight &&
          style.visibility !== 'hidden'
        );
      })
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}” ${Math.round(el.getBoundingClientRect().height)} px`,
      ),
  );
  expect(small, 'controls under 44 px high').toEqual([]);
}

test('the list: search and at least three volumes on the first screen, filters behind “Filters (n)”', async ({
  page,
}) => {
  await page.goto('/volumes?state=ERRED');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(3)).toBeVisible();
  const search = await page.getByRole('searchbox', { name: /Search volumes/ }).boundingBox();
  expect(search!.y + search!.height).toBeLessThan(HEIGHT);
  const third = await rows.nth(3).boundingBox();
  expect(third!.y + third!.height, 'the third volume ends on the first screen').toBeLessThanOrEqual(
    HEIGHT,
  );
  // A compact row: the name, the state, the size and where it is attached; no column headers.
  await expect(rows.nth(1)).toContainText(/Erred/);
  await expect(page.getByRole('columnheader', { name: /Runtime/ })).toBeHidden();

  const toggle = page.getByRole('button', { name: 'Filters (1)' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('group', { name: 'Filters', exact: true })).toBeHidden();
  await noSidewaysScroll(page);
  await touchSized(page);
  await toggle.tap();
  await expect(page.getByRole('group', { name: 'Filters', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Project' })).toBeVisible();
  await noSidewaysScroll(page);
});

test('the volume page: name, state and the main actions first; the rest under “More actions”', async ({
  page,
  demo,
}) => {
  const volume = demo.volume(okAvailableTyped);
  await page.goto(`/volumes/${volume.uuid}`);
  const heading = page.getByRole('heading', { level: 1, name: volume.name });
  await expect(heading).toBeInViewport();
  await expect(
    page.locator('.detail-header__meta').getByText('OK', { exact: true }),
  ).toBeInViewport();
  const toolbar = page.getByRole('toolbar', { name: /Actions for/ });
  for (const name of ['Edit…', 'Attach…', 'Extend…', 'More actions']) {
    await expect(toolbar.getByRole('button', { name })).toBeInViewport();
  }
  const bottom = await toolbar.boundingBox();
  expect(bottom!.y + bottom!.height).toBeLessThan(HEIGHT / 2);
  await noSidewaysScroll(page);
  await touchSized(page);
  await toolbar.getByRole('button', { name: 'More actions' }).tap();
  await expect(page.getByRole('button', { name: 'Retype…' })).toBeVisible();
  await page.getByRole('button', { name: 'Create snapshot…' }).tap();
  await expect(page.getByRole('dialog', { name: `Snapshot ${volume.name}` })).toBeVisible();
  await noSidewaysScroll(page);
});

test('a volume opened from a scrolled list starts at its top, and Back returns to the same place', async ({
  page,
}) => {
  await page.goto('/volumes');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(12)).toBeVisible();
  // Well inside the page, not at its end: a position the browser would not have to clamp.
  await rows.nth(12).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 100));
  const before = await page.evaluate(() => Math.round(window.scrollY));
  expect(before).toBeGreaterThan(500);
  expect(before).toBeLessThan(
    await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
  );
  const link = rows.nth(12).getByRole('link').first();
  const name = (await link.textContent())!;
  await link.tap();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(rows.nth(12)).toBeVisible();
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(before);
});

test('a dialog takes the screen’s width, and one taller than the screen keeps its buttons in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 640 });
  await page.goto('/volumes');
  await page.getByRole('button', { name: 'New volume' }).tap();
  const dialog = page.getByRole('dialog', { name: 'New volume' });
  await expect(dialog.getByLabel('Name')).toBeVisible();
  // The phone's rule for dialogs holds once the dialogs' own stylesheet has come (it did not: the
  // later stylesheet won, and dialogs kept the desktop's narrower width and shorter height).
  const box = (await dialog.boundingBox())!;
  expect(Math.round(box.width)).toBe(390 - 16);
  expect(Math.round(box.height)).toBeLessThanOrEqual(640 - 16);
  expect(await dialog.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  const create = dialog.getByRole('button', { name: 'Create volume' });
  await expect(create).toBeInViewport({ ratio: 1 });
  await dialog.getByLabel('Description').fill('scrolled into view, the foot stays');
  await expect(create).toBeInViewport({ ratio: 1 });
  await dialog.evaluate((el) => el.scrollTo(0, 0));
  await expect(create).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toBeInViewport();
});

test('with the operations tray on screen, the end of the list can still be reached', async ({
  page,
}) => {
  await page.goto('/volumes?state=ERRED');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await page
    .getByRole('button', { name: /^Actions for/ })
    .first()
    .tap();
  await page.getByRole('button', { name: 'Pull', exact: true }).tap();
  const tray = page.getByRole('complementary', { name: 'Operations' });
  await expect(tray).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  // The page's last control, at the end of the page, is not under the tray.
  const last = page.getByRole('button', { name: /^Last/ });
  await expect(last).toBeInViewport({ ratio: 1 });
  const [trayBox, lastBox] = [(await tray.boundingBox())!, (await last.boundingBox())!];
  expect(lastBox.y + lastBox.height, 'the last control ends above the tray').toBeLessThanOrEqual(
    trayBox.y,
  );
});

for (const locale of ['en', 'ar'] as const) {
  test(`every menu of the list opens within the screen (${locale})`, async ({ page }) => {
    await readIn(page, locale);
    await page.goto('/volumes');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('table').getByRole('row').nth(3)).toBeVisible();
    // The filters, folded on a phone, hold a menu too.
    await page.locator('.filters-toggle').tap();
    const buttons = page.locator(
      'main button[aria-expanded]:visible, header button[aria-expanded]',
    );
    const count = await buttons.count();
    expect(count, 'account, Views, Columns, the filters, State, the rows’ menus').toBeGreaterThan(
      5,
    );
    const outside: string[] = [];
    let rowMenus = 0;
    for (let index = 0; index < count; index++) {
      const button = buttons.nth(index);
      const kind = (await button.getAttribute('class')) ?? '';
      if (kind.includes('filters-toggle')) continue;
      // The rows' menus are one design: the first three rows stand for them all.
      if (kind.includes('row-actions') && rowMenus++ >= 3) continue;
      await button.tap();
      const panel = page.locator('.popover__panel');
      await expect(panel).toBeVisible();
      // Its content may load after it opens: measured once the panel has it.
      await expect(panel.getByText(/Checking what is possible|Loading/)).toHaveCount(0);
      const box = (await panel.boundingBox())!;
      if (box.x < 0 || box.x + box.width > 390) {
        outside.push(
          `${await button.textContent()}: ${Math.round(box.x)}–${Math.round(box.x + box.width)}`,
        );
      }
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
    }
    expect(outside, 'menus that open partly off the screen').toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe at phone size, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    test('the list, its filters open', async ({ page }) => {
      await page.goto('/volumes');
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await page.getByRole('button', { name: /^Filters \(/ }).tap();
      await expect(page.getByRole('group', { name: 'Filters', exact: true })).toBeVisible();
      await expectNoAxeViolations(page, `phone list (${scheme})`);
    });
    test('the volume page and its More actions', async ({ page, demo }) => {
      await page.goto(`/volumes/${demo.volume(okAvailableTyped).uuid}`);
      await page.getByRole('button', { name: 'More actions' }).tap();
      await expect(page.getByRole('button', { name: 'Retype…' })).toBeVisible();
      await expectNoAxeViolations(page, `phone volume page (${scheme})`);
    });
  });
}
