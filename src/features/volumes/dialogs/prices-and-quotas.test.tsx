// Prices and quota bars in each form that sizes a volume (issue 21), on the demo backend's plans:
// the billed plan of a tenant whose first plan is archived, a free plan, the dynamic storage mode
// (per-type prices and quotas), retype in the fixed mode, restore, a snapshot past its quota, and
// another currency.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadDialog } from '@/features/volumes/state/dialogs';
import { DYNAMIC_STORAGE_TENANT, FREE_TENANT, MONTHLY_PLAN_TENANT } from '@/mocks/seed/catalogue';
import { openAction, openCreateForm } from '../../../../test/action-dialogs';
import { renderApp, retype } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';

const db = () => getBackend().db;
const priceOf = (dialog: HTMLElement) =>
  within(dialog).findByRole('region', { name: 'Estimated price' });

/** A volume of the tenant, OK and not attached, with a type (named) if asked. */
function volumeIn(tenantIndex: number, typeName?: string) {
  const tenant = db().tenants[tenantIndex]!;
  const type = typeName
    ? db().volume_types.find((t) => t.name === typeName && t.tenant_uuids.includes(tenant.uuid))
    : undefined;
  const volume = db().volumes.find(
    (v) =>
      v.tenant_uuid === tenant.uuid &&
      v.state === 'OK' &&
      v.runtime_state === 'available' &&
      (!type || v.type_uuid === type.uuid),
  )!;
  return { tenant, volume };
}

describe('prices where a volume is sized', () => {
  it('a monthly plan: the plan the tenant is billed by, not the archived one listed first', async () => {
    const { user, dialog, tenant } = await openCreateForm({}, MONTHLY_PLAN_TENANT);
    await retype(user, within(dialog).getByRole('spinbutton', { name: /Size \(GiB\)/ }), '10');
    const price = await priceOf(dialog);
    // "Standard (monthly)": 0.05 per GiB per month; 10 GiB → 0.5 per 30 days, 0.5 / 30 per day.
    expect(price).toHaveTextContent('Per day€0.017');
    expect(price).toHaveTextContent('Per 30 days€0.50');
    expect(price).toHaveTextContent(`plan “Standard (monthly)”, which ${tenant.name} is billed by`);
  });

  it('a free plan shows no price; the quotas still show', async () => {
    const { dialog } = await openCreateForm({}, FREE_TENANT);
    expect(await within(dialog).findByRole('region', { name: /^Quotas of/ })).toBeInTheDocument();
    expect(within(dialog).queryByRole('region', { name: 'Estimated price' })).toBeNull();
    expect(dialog).not.toHaveTextContent('€');
  });

  it('the dynamic mode: no price until a type is chosen, then that type’s price and quota', async () => {
    const { user, dialog } = await openCreateForm({}, DYNAMIC_STORAGE_TENANT);
    await retype(user, within(dialog).getByRole('spinbutton', { name: /Size \(GiB\)/ }), '20');
    expect(
      await within(dialog).findByText(
        'Its price depends on the volume type: choose one to see it.',
      ),
    ).toBeInTheDocument();
    const select = within(dialog).getByRole('combobox', { name: 'Volume type' });
    await user.selectOptions(select, within(select).getByRole('option', { name: /^nvme/ }));
    // nvme: 0.004 per GiB per day → 20 GiB: 0.08 a day, 2.40 in 30 days.
    const price = await priceOf(dialog);
    expect(price).toHaveTextContent('Per day€0.08');
    expect(price).toHaveTextContent('Per 30 days€2.40');
    expect(within(dialog).getByText('Storage (nvme)').closest('li')).toHaveTextContent(
      /\+ 20 GiB now/,
    );
  });

  it('another currency, in the reader’s language', async () => {
    getBackend().configuration = { ...getBackend().configuration, currency: 'USD' };
    const { user, dialog } = await openCreateForm();
    await retype(user, within(dialog).getByRole('spinbutton', { name: /Size \(GiB\)/ }), '100');
    expect(await priceOf(dialog)).toHaveTextContent('Per day$0.16');
  });

  it('retype in the dynamic mode: the new type’s price and its difference', async () => {
    const { volume } = volumeIn(DYNAMIC_STORAGE_TENANT, 'hdd');
    volume.size = 100 * 1024;
    const { user, dialog } = await openAction(volume.uuid, 'Retype…');
    await user.click(await within(dialog).findByRole('radio', { name: /^nvme/ }));
    const price = await priceOf(dialog);
    // nvme 0.004 per GiB per day, 0.0032 more than hdd: 100 GiB → 0.40 a day, +0.32.
    expect(price).toHaveTextContent('Per day€0.40 (+€0.32)');
    expect(price).toHaveTextContent('Per 30 days€12.00 (+€9.60)');
    expect(within(dialog).getByText('Storage (nvme)').closest('li')).toHaveTextContent(
      '+ 100 GiB now',
    );
  });

  it('retype in the fixed mode: the price stays, and says why', async () => {
    const { volume } = volumeIn(0, 'hdd');
    const { user, dialog } = await openAction(volume.uuid, 'Retype…');
    await user.click(await within(dialog).findByRole('radio', { name: /^ssd/ }));
    expect(await priceOf(dialog)).toHaveTextContent(
      /^The price stays €[\d.]+ per day: this plan prices every volume type alike\./,
    );
  });

  it('restore: the new volume’s quotas and price, in its source volume’s type', async () => {
    const snapshot = db().snapshots.find((s) => {
      const source = db().volumes.find((v) => v.uuid === s.source_volume_uuid);
      return s.state === 'OK' && source?.type_uuid && s.tenant_uuid === db().tenants[0]!.uuid;
    })!;
    const source = db().volumes.find((v) => v.uuid === snapshot.source_volume_uuid)!;
    const type = db().volume_types.find((t) => t.uuid === source.type_uuid)!;
    const { user } = renderApp(`/snapshots/${snapshot.uuid}`);
    const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
    await user.click(within(toolbar).getByRole('button', { name: 'Restore to a new volume…' }));
    await loadDialog('snapshot');
    const dialog = await screen.findByRole('dialog');
    const quotas = await within(dialog).findByRole('region', { name: /^Quotas of/ });
    const gib = snapshot.size / 1024;
    expect(within(quotas).getByText('Storage').closest('li')).toHaveTextContent(`+ ${gib} GiB now`);
    await waitFor(() => expect(quotas).toHaveTextContent(new RegExp(`Storage \\(${type.name}\\)`)));
    expect(await priceOf(dialog)).toHaveTextContent('which');
  });

  it('a snapshot past the snapshots quota is refused before it is sent', async () => {
    const { tenant, volume } = volumeIn(0);
    const taken = db().snapshots.filter((s) => s.tenant_uuid === tenant.uuid).length;
    tenant.quota_limits = { ...tenant.quota_limits, snapshots: taken };
    const { dialog } = await openAction(volume.uuid, 'Create snapshot…');
    const bar = (await within(dialog).findByText('Snapshots')).closest('li')!;
    expect(bar).toHaveTextContent(`${taken} used + 1 now, of ${taken}: 1 over the limit`);
    const submit = within(dialog).getByRole('button', { name: 'Create snapshot' });
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    expect(submit).toHaveAccessibleDescription(
      '1 over the Snapshots quota: Waldur would refuse this.',
    );
  });
});
