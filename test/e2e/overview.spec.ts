// The storage overview in Chromium, on the production build: opened from the navigation, a chart's
// bar (by mouse and by keyboard) leads to the filtered list, a chart's numbers as a table, the page
// keeps itself current on the page's own (fake) clock, nothing scrolls sideways at 390 × 844, and
// axe finds nothing in light and dark, on a desktop and on a phone.
import type { Page } from '@playwright/test';
import { countVolumes } from '../seed-queries';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

const volumes = (n: number) => `${n} ${n === 1 ? 'volume' : 'volumes'}`;

async function open(page: Page) {
  await page.goto('/overview');
  await expect(page.getByRole('heading', { level: 1, name: 'Storage overview' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Volumes by state' }).getByRole('link', { name: /^Erred: / }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Tenants' }).getByRole('article').first(),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Stuck volumes' }).getByRole('link').first(),
  ).toBeVisible();
}

async function noSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, 'the page is wider than the screen').toBeLessThanOrEqual(client);
}

test('opens from the navigation; a bar leads to the volumes it counts', async ({ page, demo }) => {
  await page.goto('/volumes');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Overview' })
    .click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Storage overview' })).toBeVisible();
  await expect(page).toHaveTitle(/^Storage overview/);
  const erred = countVolumes(demo.seed, (v) => v.state === 'ERRED');
  const bar = page
    .getByRole('region', { name: 'Volumes by state' })
    .getByRole('link', { name: `Erred: ${volumes(erred)}` });
  await bar.click();
  await expect(page).toHaveURL(/\/volumes\?state=ERRED$/);
  await expect(page.getByText(`1–${erred} of ${erred} volumes`)).toBeVisible();
});

test('a runtime-state bar is reached and followed with the keyboard', async ({ page, demo }) => {
  await open(page);
  const inUse = countVolumes(demo.seed, (v) => v.runtime_state === 'in-use');
  const bar = page
    .getByRole('region', { name: 'Volumes by runtime state' })
    .getByRole('link', { name: `In use: ${volumes(inUse)}` });
  // Tab from the bar before it: the bars are in the tab order, one stop each.
  await page
    .getByRole('region', { name: 'Volumes by runtime state' })
    .getByRole('link', { name: /^Available: / })
    .focus();
  await page.keyboard.press('Tab');
  await expect(bar).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/volumes\?runtime=in-use$/);
  await expect(page.getByText(new RegExp(`of ${inUse} volumes$`))).toBeVisible();
});

test('each chart shows its numbers as a table', async ({ page, demo }) => {
  await open(page);
  const states = page.getByRole('region', { name: 'Volumes by state' });
  const table = states.getByRole('table', { name: 'Volumes by state' });
  await expect(table).toBeHidden();
  await states.getByText('Show as table').click();
  await expect(table).toBeVisible();
  const ok = countVolumes(demo.seed, (v) => v.state === 'OK');
  await expect(table.getByRole('row', { name: `OK ${ok}` })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(9);
});

test('keeps itself current while open: a volume that fails shows up at the next refresh', async ({
  page,
  demo,
}) => {
  await open(page);
  const erred = countVolumes(demo.seed, (v) => v.state === 'ERRED');
  const chart = page.getByRole('region', { name: 'Volumes by state' });
  await expect(chart.getByRole('link', { name: `Erred: ${volumes(erred)}` })).toBeVisible();
  const name = await demo.run((backend) => {
    const volume = backend.db.volumes.find((v) => v.state === 'OK')!;
    volume.state = 'ERRED';
    volume.error_message = 'Marked in the test';
    return volume.name;
  });
  await page.clock.runFor(60_000);
  await expect(chart.getByRole('link', { name: `Erred: ${volumes(erred + 1)}` })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Erred volumes' }).getByText(`All ${erred + 1} erred volumes`),
  ).toBeVisible();
  expect(name).toBeTruthy();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });
    test('the overview, its tables open', async ({ page }) => {
      await open(page);
      for (const summary of await page.getByText('Show as table').all()) await summary.click();
      await expectNoAxeViolations(page, `the overview (${scheme})`);
    });
  });
}

test.describe('at phone size (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('nothing scrolls sideways, tables open or not', async ({ page }) => {
    await open(page);
    await noSidewaysScroll(page);
    for (const summary of await page.getByText('Show as table').all()) await summary.tap();
    await expect(page.getByRole('table', { name: 'Volumes by runtime state' })).toBeVisible();
    await noSidewaysScroll(page);
    // One tenant (from a volume's page) too.
    await page.goto('/volumes');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Overview' })
      .tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Storage overview' })).toBeVisible();
    await noSidewaysScroll(page);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page);
      await expectNoAxeViolations(page, `the overview at phone size (${scheme})`);
    });
  }
});
