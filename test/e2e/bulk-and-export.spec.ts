// Working with many volumes: a bulk action's plan, results and retry; exporting a view; saving a
// view; selecting rows and running a bulk action from the keyboard.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { VolumeRecord } from '../../src/mocks/db';
import { TIMING } from '../../src/mocks/tasks';
import { expect, test } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: /^Volumes/ });

test('bulk pull over a mixed selection: a plan with skipped volumes, per-volume results, and a retry for the failed', async ({
  page,
  demo,
}) => {
  // Pull needs a settled state (OK or ERRED) and a Cinder ID (contract §3.2).
  const archives = demo.seed.volumes.filter((v) => v.name.includes('archive'));
  const pullable = (v: VolumeRecord) => ['OK', 'ERRED'].includes(v.state) && v.backend_id !== null;
  const eligible = archives.filter(pullable);
  const skippedCount = archives.length - eligible.length;
  expect(skippedCount).toBeGreaterThan(0);
  await page.goto('/volumes?q=archive');
  await expect(table(page).getByRole('row')).toHaveCount(archives.length + 1);
  await page.getByRole('checkbox', { name: 'Select all volumes on this page' }).check();
  await expect(page.getByText(`${archives.length} volumes selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Pull…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull volumes' });
  await expect(dialog).toContainText(
    `${eligible.length} of ${archives.length} selected volumes can be pulled; ${skippedCount} will be skipped`,
  );
  const skipped = dialog.getByRole('row').filter({ hasText: 'Skipped:' });
  await expect(skipped).toHaveCount(skippedCount);

  // One of the eligible volumes will be refused by Waldur: someone starts an operation on it meanwhile.
  const victim = eligible.find((v) => v.state === 'OK')!;
  await demo.run(
    (backend, uuid) =>
      backend.tasks.scheduleVolumeOperation(
        backend.db.volumes.find((v) => v.uuid === uuid)!,
        'pull',
        'Pull',
        {},
      ),
    victim.uuid,
  );
  await dialog.getByRole('button', { name: `Pull ${eligible.length} volumes` }).click();
  await expect(
    dialog.getByText(
      `Finished: ${eligible.length - 1} scheduled, 1 failed, ${skippedCount} skipped.`,
    ),
  ).toBeVisible();
  const failed = dialog.getByRole('row', { name: new RegExp(victim.name) });
  await expect(failed).toContainText('Failed: Valid states for operation: OK, ERRED.');

  await demo.advance(TIMING.firstTaskMs + 5_000); // the other operation on it finishes
  await dialog.getByRole('button', { name: 'Retry the 1 failed' }).click();
  await expect(
    dialog.getByText(`Finished: ${eligible.length} scheduled, 0 failed, ${skippedCount} skipped.`),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(`${archives.length} volumes selected`)).toBeHidden();
  const pulls = await demo.requests(`/api/openstack-volumes/${victim.uuid}/pull/`, 'POST');
  expect(pulls).toHaveLength(2);
});

test('exports a filtered, sorted view with its visible columns as CSV and as JSON', async ({
  page,
  demo,
}) => {
  const erred = demo.seed.volumes.filter((v) => v.state === 'ERRED').length;
  await page.goto('/volumes?state=ERRED&sort=-size&cols=name,state,size,project');
  await expect(table(page).getByRole('row')).toHaveCount(erred + 1);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export volumes' });
  await expect(dialog).toContainText(`The ${erred} volumes of this view`);
  await expect(dialog).toContainText('(Name, State, Size, Project)');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^volumes-.*\.csv$/);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('uuid,name,state,action,size_mib,project_name');
  expect(lines).toHaveLength(erred + 1);
  const sizes = lines.slice(1).map((line) => Number(line.split(',')[4]));
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  expect(lines.slice(1).every((line) => line.split(',')[2] === 'ERRED')).toBe(true);
  const expected = demo.seed.volumes
    .filter((v) => v.state === 'ERRED')
    .map((v) => v.uuid)
    .sort();
  expect(
    lines
      .slice(1)
      .map((line) => line.split(',')[0])
      .sort(),
  ).toEqual(expected);
  await expect(dialog).toContainText(`${erred} volumes.`);

  await dialog.getByRole('radio', { name: 'JSON' }).check();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export again' }).click(),
  ]);
  const rows = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(rows).toHaveLength(erred);
  expect(Object.keys(rows[0])).toEqual([
    'uuid',
    'name',
    'state',
    'action',
    'size_mib',
    'project_name',
  ]);
  const exportRequests = (await demo.requests('/api/openstack-volumes/')).filter((s) =>
    s.includes('page_size=300'),
  );
  expect(exportRequests.length).toBeGreaterThan(0);
  expect(
    exportRequests.every(
      (s) => s.includes('field=') && s.includes('state=ERRED') && s.includes('o=-size'),
    ),
  ).toBe(true);
});

test('saves a view by name and comes back to it; support views are one click away', async ({
  page,
}) => {
  await page.goto('/volumes?state=ERRED&sort=-size&size=50');
  await page.getByRole('button', { name: /^Views/ }).click();
  await page.getByLabel('Save this view as').fill('Big erred volumes');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('announcer-polite')).toHaveText(
    'Saved this view as Big erred volumes',
  );
  await page.keyboard.press('Escape');

  await page.goto('/volumes');
  await page.getByRole('button', { name: /^Views/ }).click();
  await page
    .getByRole('navigation', { name: 'Support views' })
    .getByRole('link', { name: /^Stuck/ })
    .click();
  await expect(page).toHaveURL(/stuck=1/);
  await expect(
    page.getByText(/In progress for more than 30 minutes.*Waldur has no such filter/),
  ).toBeVisible();

  await page.reload(); // saved views live on the device, across reloads
  await page.getByRole('button', { name: /^Views/ }).click();
  await page.getByRole('link', { name: 'Big erred volumes' }).click();
  await expect(page).toHaveURL(/\/volumes\?state=ERRED&sort=-size&size=50$/);
  await expect(page.getByRole('button', { name: 'Erred', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('keyboard only: move to rows, select them, and run a bulk snapshot from the command palette', async ({
  page,
  demo,
}) => {
  await page.goto('/volumes?state=OK&runtime=available');
  await expect(table(page).getByRole('row').nth(1)).toBeVisible();
  await page.keyboard.press('j');
  await expect(table(page).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByText('2 volumes selected')).toBeVisible();
  await page.keyboard.press('p');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('snapshots selected');
  await expect(
    palette.getByRole('option', { name: /Create snapshots \(2 selected\)/ }),
  ).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create snapshots' });
  await expect(dialog).toContainText('2 of 2 selected volumes can be snapshotted');
  // Tab to the run button, Enter.
  const run = dialog.getByRole('button', { name: 'Snapshot 2 volumes' });
  for (let i = 0; i < 10 && !(await run.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Finished: 2 scheduled, 0 failed.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const created = await demo.run(
    (b) => b.db.snapshots.filter((s) => /-snap-\d{8}-\d{4}$/.test(s.name)).length,
  );
  expect(created).toBe(2);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
