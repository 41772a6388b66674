// "New volume" (issue 12): the form's own rules, Waldur's field and quota errors where they belong,
// the order it places (checked against the lifecycle schema), and an order that waits for approval
// and is then rejected, as Operations shows it.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZERO_QUOTA_TENANT } from '@/mocks/seed/catalogue';
import { APPROVAL_TENANT } from '@/mocks/seed/marketplace';
import {
  expectMatchesContract,
  lastWrite,
  openCreateForm as openForm,
} from '../../../../test/action-dialogs';
import { renderApp, retype } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';
import { LIVE_MIN_MS } from '../model/live';
import { loadDialog } from '../state/dialogs';

afterEach(() => {
  vi.useRealTimers();
});

const db = () => getBackend().db;

describe('New volume', () => {
  it('checks the form itself first: a name, whole GiB of at least 1', async () => {
    const { user, dialog } = await openForm();
    const size = within(dialog).getByRole('spinbutton', { name: /Size \(GiB\)/ });
    await retype(user, size, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    expect(await within(dialog).findByText('Enter a name for the volume')).toBeInTheDocument();
    expect(within(dialog).getByText('At least 1 GiB')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(lastWrite('/api/marketplace-orders/')).toBeUndefined();
  });

  it('places the order Waldur expects (MiB, URLs) and follows it in Operations to the volume', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, dialog, tenant } = await openForm({ advanceTimers: true });
    const type = db().volume_types.find((t) => t.tenant_uuids.includes(tenant.uuid))!;
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'fresh-data');
    const size = within(dialog).getByRole('spinbutton', { name: /Size \(GiB\)/ });
    await retype(user, size, '12');
    expect(within(dialog).getByText('Waldur will get 12,288 MiB.')).toBeInTheDocument();
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Volume type' }),
      within(dialog).getByRole('option', { name: new RegExp(`^${type.name}`) }),
    );
    // The quotas it uses, and its price at the tenant's plan ("Standard": 0.0016 per GiB per day).
    const quotas = within(dialog).getByRole('region', { name: `Quotas of ${tenant.name}` });
    expect(within(quotas).getByText('Storage').closest('li')).toHaveTextContent(/\+ 12 GiB now/);
    // Its type's quota has no limit here: said in words, without a bar.
    expect(quotas).toHaveTextContent(`Storage (${type.name}), Volumes: Waldur shows no limit`);
    const price = await within(dialog).findByRole('region', { name: 'Estimated price' });
    expect(price).toHaveTextContent('Per day€0.019'); // 12 × 0.0016 = 0.0192
    expect(price).toHaveTextContent('Per 30 days€0.58'); // 0.576
    expect(price).toHaveTextContent(`plan “Standard”, which ${tenant.name} is billed by`);
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const order = lastWrite('/api/marketplace-orders/')!;
    expectMatchesContract(order);
    expect(order.body).toMatchObject({
      attributes: {
        name: 'fresh-data',
        size: 12 * 1024,
        type: expect.stringMatching(new RegExp(`/api/openstack-volume-types/${type.uuid}/$`)),
      },
      limits: {},
      accepting_terms_of_service: true,
    });

    const tray = await screen.findByRole('complementary', { name: 'Operations' });
    await user.click(within(tray).getByRole('button', { name: /^Operations/ }));
    expect(within(tray).getByText(/Creation of/)).toBeInTheDocument();
    getBackend().clock.advance(60_000);
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    await waitFor(() => expect(within(tray).getByText('Done')).toBeInTheDocument());
    const volume = db().volumes.find((v) => v.name === 'fresh-data')!;
    expect(volume).toMatchObject({ state: 'OK', size: 12 * 1024, type_uuid: type.uuid });
    expect(within(tray).getByRole('link', { name: 'fresh-data' })).toHaveAttribute(
      'href',
      `/volumes/${volume.uuid}`,
    );
  });

  it('says before sending that a volume passes a quota: on the size, in the bars, on submit', async () => {
    const { user, dialog, tenant } = await openForm({}, 3); // fraud-detection: 10 GiB left
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'too-big');
    const size = within(dialog).getByRole('spinbutton', { name: /Size \(GiB\)/ });
    const storage = tenant.quota_limits.storage! / 1024;
    const left =
      storage -
      db()
        .volumes.filter((v) => v.tenant_uuid === tenant.uuid)
        .reduce((sum, v) => sum + v.size, 0) /
        1024;
    await retype(user, size, String(left + 5));
    expect(await within(dialog).findByText('5 GiB over the Storage quota')).toBeInTheDocument();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    const bar = within(dialog).getByText('Storage').closest('li')!;
    expect(bar).toHaveTextContent(/: 5 GiB over the limit$/);
    const submit = within(dialog).getByRole('button', { name: 'Create volume' });
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    expect(submit).toHaveAccessibleDescription(
      '5 GiB over the Storage quota: Waldur would refuse this.',
    );
    await user.click(submit);
    expect(lastWrite('/api/marketplace-orders/')).toBeUndefined();
    // Exactly what is left fits.
    await retype(user, size, String(left));
    await waitFor(() =>
      expect(within(dialog).getByText('Storage').closest('li')).toHaveTextContent(
        /: 0 GiB left after$/,
      ),
    );
    expect(submit).not.toHaveAttribute('aria-disabled');
    expect(size).toHaveAttribute('aria-invalid', 'false');
  });

  it('a quota Waldur shows as -1 promises nothing: its refusal lands above the form, keeping the input', async () => {
    // Telemetry's `volumes` limit is stored as 0, which Waldur shows as -1 (contract E6).
    const { user, dialog } = await openForm({}, ZERO_QUOTA_TENANT);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'one-too-many');
    expect(
      await within(dialog).findByText(
        /^Volumes: Waldur shows no limit \(a limit of 0 looks the same\)/,
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(/One or more quotas were exceeded: .*volumes quota limit/);
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveValue('one-too-many');
  });

  it('puts Waldur’s field errors on their fields, keeping the input', async () => {
    const { user, dialog, tenant } = await openForm({}, 3);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'stale-type');
    const size = within(dialog).getByRole('spinbutton', { name: /Size \(GiB\)/ });

    // A type the tenant lost after the form loaded (a stale page): Waldur's words, on the field.
    await retype(user, size, '1');
    const typeSelect = within(dialog).getByRole('combobox', { name: 'Volume type' });
    const type = db().volume_types.find((t) => t.tenant_uuids.includes(tenant.uuid))!;
    await user.selectOptions(
      typeSelect,
      within(typeSelect).getByRole('option', { name: new RegExp(`^${type.name}`) }),
    );
    type.tenant_uuids = type.tenant_uuids.filter((uuid) => uuid !== tenant.uuid);
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    expect(
      await within(dialog).findByText('Volume type is not visible in tenant.'),
    ).toBeInTheDocument();
    expect(typeSelect).toHaveAttribute('aria-invalid', 'true');
  });

  it('an order that waits for approval says whose, offers no cancel, and ends rejected', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, dialog } = await openForm(
      { persona: 'admin', advanceTimers: true },
      APPROVAL_TENANT,
    );
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'wants-approval');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(
      await screen.findByText('Order for wants-approval waits for approval'),
    ).toBeInTheDocument();

    const tray = await screen.findByRole('complementary', { name: 'Operations' });
    await user.click(within(tray).getByRole('button', { name: /^Operations/ }));
    expect(within(tray).getByText('Waiting', { selector: '.badge' })).toBeInTheDocument();
    expect(
      within(tray).getByText(/Waits for approval by an owner of Alpha Research Institute/),
    ).toBeInTheDocument();
    // Pat administers the project but is no customer owner: no Approve, and no Cancel at all.
    expect(within(tray).queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
    expect(within(tray).queryByRole('button', { name: /Cancel/ })).not.toBeInTheDocument();

    const order = db().orders.find((o) => o.resource_name === 'wants-approval')!;
    getBackend().rejectOrder(order.uuid);
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    await waitFor(() => expect(within(tray).getByText('Failed')).toBeInTheDocument());
    expect(within(tray).getByText('The order was rejected by Alice Tamm.')).toBeInTheDocument();
    expect(db().volumes.some((v) => v.name === 'wants-approval')).toBe(false);
  });

  it('staff may approve a waiting order from Operations; it then runs', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const offering = db().offerings.find((o) => o.billable)!;
    const app = renderApp(`/volumes?project=${offering.project_uuid}`, {
      persona: 'admin',
      advanceTimers: true,
    });
    await app.user.click(await screen.findByRole('button', { name: 'New volume' }));
    await loadDialog('create');
    const dialog = await screen.findByRole('dialog', { name: 'New volume' });
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: 'Where (required)' })).toHaveValue(
        offering.uuid,
      ),
    );
    await app.user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'approved-one');
    await app.user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    app.unmount();

    // Staff, in the same browser session (Operations is kept per tab), sees Approve.
    const staff = renderApp('/volumes', { advanceTimers: true });
    const tray = await screen.findByRole('complementary', { name: 'Operations' });
    await staff.user.click(within(tray).getByRole('button', { name: /^Operations/ }));
    await staff.user.click(
      await within(tray).findByRole('button', { name: 'Approve the order for approved-one' }),
    );
    await waitFor(() =>
      expect(db().orders.find((o) => o.resource_name === 'approved-one')?.state).toBe('executing'),
    );
    expect(lastWrite('/approve_by_consumer/')).toBeDefined();
    expectMatchesContract(lastWrite('/approve_by_consumer/'));
  });
});
