// Each action end to end on the demo backend, as the user sees it (submit → scheduled → OK), and at
// least one refusal for each: a 400 on its field or at the top of the form, a 409's reason, or a
// disabled action's reason. The backend is only touched to play "someone else meanwhile".
import type { Page } from '@playwright/test';
import { TIGHT_QUOTA_TENANT } from '../../src/mocks/seed/catalogue';
import { settleAfterMs, TIMING } from '../../src/mocks/tasks';
import {
  attachedTo,
  hasAttachableInstance,
  okAvailable,
  okAvailableTyped,
  type VolumePredicate,
} from '../seed-queries';
import { type Demo, expect, test } from './fixtures';

const notices = (page: Page) => page.getByRole('region', { name: 'Notifications' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: /Actions for/ });
const headerState = (page: Page) => page.locator('.detail-header__meta .badge');

async function openVolume(page: Page, name: string) {
  await page.goto(`/volumes?q=${encodeURIComponent(name)}`);
  await page.getByRole('table').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The header's state walks scheduled → running → OK as the demo's clock is moved on. */
async function expectWalksToOk(page: Page, demo: Demo, operation: string) {
  await expect(headerState(page)).toHaveText(/scheduled/i);
  await demo.advance(TIMING.firstTaskMs);
  await expect(headerState(page)).toHaveText(/ing$/);
  await demo.advance(settleAfterMs(operation));
  await expect(headerState(page)).toHaveText('OK');
}

const inTightTenant: VolumePredicate = (v, db) =>
  okAvailable(v, db) && v.tenant_uuid === db.tenants[TIGHT_QUOTA_TENANT]!.uuid;

async function reasonFor(page: Page, label: RegExp) {
  const button = toolbar(page).getByRole('button', { name: label });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await button.focus();
  const id = await button.getAttribute('aria-describedby');
  const tip = page.locator(`[id="${id}"]`);
  await expect(tip).toBeVisible();
  return tip;
}

test.describe('volume actions', () => {
  test('edit: saves the change and follows the update to OK; an in-progress volume cannot be edited', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume(okAvailable);
    await openVolume(page, volume.name);
    await toolbar(page).getByRole('button', { name: 'Edit…' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${volume.name}` });
    await dialog.getByLabel('Description').fill('Holds the nightly exports');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      notices(page).getByText(`Changes to ${volume.name} saved`, { exact: true }),
    ).toBeVisible();
    await expectWalksToOk(page, demo, 'update');
    await expect(page.getByRole('region', { name: 'Overview' })).toContainText(
      'Holds the nightly exports',
    );

    const busy = demo.volume((v) => v.state === 'UPDATING' && v.action === 'Extend');
    await openVolume(page, busy.name);
    await expect(await reasonFor(page, /^Edit/)).toHaveText(
      'Extending is in progress. Wait until it finishes.',
    );
  });

  test('attach: a searchable picker, then attaching → in use on a device; an instance that broke meanwhile is refused on the field', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume((v, db) => okAvailable(v, db) && hasAttachableInstance(v, db));
    await openVolume(page, volume.name);
    await toolbar(page).getByRole('button', { name: 'Attach…' }).click();
    const dialog = page.getByRole('dialog', { name: `Attach ${volume.name}` });
    const usable = dialog.getByRole('radio', { disabled: false });
    const target = (await usable
      .first()
      .locator('xpath=..')
      .locator('.choice__title')
      .textContent())!;
    await dialog.getByRole('searchbox', { name: 'Find an instance' }).fill(target);
    await dialog.getByRole('radio', { name: new RegExp(`^${target}`) }).check();

    // Someone stops the instance meanwhile and it breaks: Waldur refuses on the instance field.
    const setInstance = (state: string, runtime: string) =>
      demo.run(
        (backend, [name, s, r]) => {
          const instance = backend.db.instances.find((x) => x.name === name)!;
          instance.state = s!;
          instance.runtime_state = r!;
        },
        [target, state, runtime],
      );
    await setInstance('ERRED', 'ERROR');
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect(
      dialog.getByText('Volume can be attached only to shutoff or active instance in OK state.'),
    ).toBeVisible();
    await expect(dialog.getByRole('searchbox', { name: 'Find an instance' })).toHaveValue(target);

    await setInstance('OK', 'SHUTOFF');
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect(dialog).toBeHidden();
    await expectWalksToOk(page, demo, 'attach');
    const overview = page.getByRole('region', { name: 'Overview' });
    await expect(overview.getByRole('link', { name: new RegExp(target) })).toBeVisible();
    await expect(overview).toContainText(/\/dev\/vd[b-z]/);
  });

  test('detach: confirms with the instance’s name and ends available; a boot volume says why it cannot', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume(attachedTo());
    await openVolume(page, volume.name);
    await toolbar(page).getByRole('button', { name: 'Detach' }).click();
    const dialog = page.getByRole('dialog', { name: /^Detach .* from .*\?$/ });
    await dialog.getByRole('button', { name: 'Detach' }).click();
    await expectWalksToOk(page, demo, 'detach');
    await expect(page.getByRole('region', { name: 'Overview' })).toContainText('Not attached');

    const boot = demo.volume((v) => v.bootable && v.state === 'OK' && v.runtime_state === 'in-use');
    await openVolume(page, boot.name);
    await expect(await reasonFor(page, /^Detach/)).toContainText('Boot volumes can’t be detached');
  });

  test('extend: GiB in, MiB sent, new size shown; past the quota refused before it is sent; a quota error shows at the top and keeps the input; a running instance blocks it', async ({
    page,
    demo,
  }) => {
    const tight = demo.volume(inTightTenant);
    await openVolume(page, tight.name);
    await toolbar(page).getByRole('button', { name: 'Extend…' }).click();
    let dialog = page.getByRole('dialog', { name: `Extend ${tight.name}` });
    const size = dialog.getByRole('spinbutton', { name: /New size/ });
    const submit = dialog.getByRole('button', { name: 'Extend' });
    const huge = Math.ceil(tight.size / 1024) + 100;
    await size.fill(String(huge));
    await expect(dialog.getByText(`${(huge * 1024).toLocaleString('en')} MiB`)).toBeVisible();
    // Past the quota the dialog shows: refused here, nothing sent.
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    await expect(submit).toHaveAccessibleDescription(/Waldur would refuse this\./);
    await submit.click({ force: true });
    await expect(dialog).toBeVisible();
    expect(await demo.requests(`/api/openstack-volumes/${tight.uuid}/extend/`, 'POST')).toEqual([]);

    // Within it, but the provider lowers the limit before it is sent: Waldur's refusal shows at
    // the top, the input kept.
    const fits = Math.ceil(tight.size / 1024) + 2;
    await size.fill(String(fits));
    await expect(submit).not.toHaveAttribute('aria-disabled');
    const limit = await demo.run((backend, uuid) => {
      const tenant = backend.db.tenants.find((t) => t.uuid === uuid)!;
      const before = tenant.quota_limits.storage;
      tenant.quota_limits.storage = 1024;
      return before;
    }, tight.tenant_uuid);
    await submit.click();
    await expect(dialog.getByRole('alert')).toContainText('One or more quotas were exceeded');
    await expect(size).toHaveValue(String(fits));
    await demo.run(
      (backend, [uuid, storage]) => {
        backend.db.tenants.find((t) => t.uuid === uuid)!.quota_limits.storage = storage;
      },
      [tight.tenant_uuid, limit] as [string, number],
    );
    await page.keyboard.press('Escape');
    await toolbar(page).getByRole('button', { name: 'Extend…' }).click();
    dialog = page.getByRole('dialog', { name: `Extend ${tight.name}` });
    await dialog.getByRole('spinbutton', { name: /New size/ }).fill(String(fits));
    await dialog.getByRole('button', { name: 'Extend' }).click();
    await expect(dialog).toBeHidden();
    // Sent twice: the one Waldur refused, and this one.
    expect(
      await demo.requests(`/api/openstack-volumes/${tight.uuid}/extend/`, 'POST'),
    ).toHaveLength(2);
    await expectWalksToOk(page, demo, 'extend');
    await expect(page.locator('.detail-header__meta')).toContainText(
      `${Math.ceil(tight.size / 1024) + 2} GiB`,
    );

    const running = demo.volume(attachedTo((i) => i.runtime_state === 'ACTIVE'));
    await openVolume(page, running.name);
    await expect(await reasonFor(page, /^Extend/)).toContainText(/^Stop instance .* first/);
    dialog = page.getByRole('dialog');
    await expect(dialog).toHaveCount(0);
  });

  test('retype: the other types of the tenant, then the new type; an attached volume must be detached first', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume(okAvailableTyped);
    await openVolume(page, volume.name);
    await toolbar(page).getByRole('button', { name: 'Retype…' }).click();
    const dialog = page.getByRole('dialog', { name: `Retype ${volume.name}` });
    const choice = dialog.getByRole('radio').first();
    const newType = (await choice.locator('xpath=..').locator('.choice__title').textContent())!;
    await choice.check();
    await dialog.getByRole('button', { name: 'Retype' }).click();
    await expectWalksToOk(page, demo, 'retype');
    await expect(page.locator('.detail-header__meta')).toContainText(newType);

    const attached = demo.volume(attachedTo());
    await openVolume(page, attached.name);
    await expect(await reasonFor(page, /^Retype/)).toContainText(
      'Only detached volumes can be retyped',
    );
  });

  test('snapshot: a default name, then the snapshot appears and becomes OK; a full snapshot quota is refused before it is sent', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume(inTightTenant);
    await openVolume(page, volume.name);
    for (const attempt of [1, 2]) {
      await toolbar(page).getByRole('button', { name: 'Create snapshot…' }).click();
      const dialog = page.getByRole('dialog', { name: `Snapshot ${volume.name}` });
      await dialog.getByRole('textbox', { name: /^Name/ }).fill(`${volume.name}-e2e-${attempt}`);
      await dialog.getByRole('button', { name: 'Create snapshot' }).click();
      await expect(dialog).toBeHidden();
    }
    const snapshots = page.getByRole('table', { name: 'Snapshots of this volume' });
    await expect(
      snapshots.getByRole('row', { name: new RegExp(`${volume.name}-e2e-1`) }),
    ).toBeVisible();
    const second = snapshots.getByRole('row', { name: new RegExp(`${volume.name}-e2e-2`) });
    await expect(second.getByText('Creation scheduled')).toBeVisible();
    await demo.advance(TIMING.firstTaskMs + settleAfterMs('snapshot'));
    await expect(second.getByText('OK')).toBeVisible();

    // The tenant allows only two more snapshots.
    await toolbar(page).getByRole('button', { name: 'Create snapshot…' }).click();
    const dialog = page.getByRole('dialog', { name: `Snapshot ${volume.name}` });
    await expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue(
      new RegExp(`^${volume.name}-snap-\\d{8}-\\d{4}$`),
    );
    // The tenant's snapshots quota is full now: refused here, before anything is sent.
    const submit = dialog.getByRole('button', { name: 'Create snapshot' });
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    await expect(submit).toHaveAccessibleDescription(/Snapshots.*Waldur would refuse this\./);
    const sent = (await demo.requests(`/api/openstack-volumes/${volume.uuid}/snapshot/`, 'POST'))
      .length;
    expect(sent).toBe(2); // the two above
    await submit.click({ force: true });
    await expect(dialog).toBeVisible();
    expect(
      (await demo.requests(`/api/openstack-volumes/${volume.uuid}/snapshot/`, 'POST')).length,
    ).toBe(sent);
  });

  test('pull: an erred volume is re-read and ends OK; a pull refused with 409 says why', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume((v) => v.state === 'ERRED' && v.backend_id !== null);
    await openVolume(page, volume.name);
    await toolbar(page).getByRole('button', { name: 'Pull' }).click();
    await expectWalksToOk(page, demo, 'pull');
    await expect(page.getByText('This volume is in an error state')).toBeHidden();

    // Someone else starts an operation before this page noticed: Waldur answers 409.
    const other = demo.volume(okAvailable);
    await openVolume(page, other.name);
    await demo.run(
      (backend, uuid) =>
        backend.tasks.scheduleVolumeOperation(
          backend.db.volumes.find((v) => v.uuid === uuid)!,
          'pull',
          'Pull',
          {},
        ),
      other.uuid,
    );
    await toolbar(page).getByRole('button', { name: 'Pull' }).click();
    await expect(
      notices(page).getByText(`Could not pull ${other.name}`, { exact: true }),
    ).toBeVisible();
    await expect(
      notices(page).getByText('Valid states for operation: OK, ERRED.', { exact: true }),
    ).toBeVisible();
  });

  test('unlink: staff only, confirmed by typing the name, then back to the list without it', async ({
    page,
    demo,
  }) => {
    const volume = demo.volume((v) => v.state === 'DELETING');
    await openVolume(page, volume.name);
    await toolbar(page).getByRole('button', { name: 'Unlink…' }).click();
    const dialog = page.getByRole('dialog', { name: `Unlink ${volume.name}?` });
    await expect(dialog).toContainText('Nothing is deleted in OpenStack');
    await dialog.getByRole('button', { name: 'Unlink from Waldur' }).click();
    await expect(dialog.getByText(`Type ${volume.name} exactly to confirm`)).toBeVisible();
    await dialog.getByRole('textbox', { name: /to confirm/ }).fill(volume.name);
    await dialog.getByRole('button', { name: 'Unlink from Waldur' }).click();
    await expect(page).toHaveURL(/\/volumes\?q=/);
    await expect(
      notices(page).getByText(`${volume.name} was unlinked from Waldur`, { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'No volumes match these filters' }),
    ).toBeVisible();

    // As a project admin, there is no unlink at all.
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('radio', { name: /Project admin/ }).check();
    await page.keyboard.press('Escape');
    const own = demo.volume(
      (v, db) =>
        v.state === 'OK' &&
        db.users.some(
          (u) => u.username === 'pat' && u.roles.some((r) => r.scope_uuid === v.project_uuid),
        ),
    );
    await openVolume(page, own.name);
    await expect(toolbar(page).getByRole('button', { name: 'Edit…' })).toBeVisible();
    await expect(toolbar(page).getByRole('button', { name: /Unlink/ })).toHaveCount(0);
  });
});
