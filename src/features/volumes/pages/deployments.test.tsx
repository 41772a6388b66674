// Any Waldur, as deployed (issue 20): across origins behind stock nginx, a 2024 (7.x) server, a
// newer one that checks deletions in the background, REQUIRE_AVAILABILITY_ZONE, a project that
// starts later, and offerings a user cannot see. Each test sets the demo to play that deployment
// (contract-lifecycle §8) and drives the console as a user would.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEPLOYMENT, type DemoDeployment } from '@/lib/demo-controls';
import { CHECK_DELAYS_MS } from '@/lib/writes';
import { FUTURE_PROJECT, TIGHT_QUOTA_TENANT, ZONED_TENANT } from '@/mocks/seed/catalogue';
import { openAction, openCreateForm } from '../../../../test/action-dialogs';
import { demoVolume } from '../../../../test/demo-api';
import { renderApp, retype } from '../../../../test/render-app';
import { okAvailable } from '../../../../test/seed-queries';
import { getBackend, sentRequests } from '../../../../test/setup';
import { LIVE_MIN_MS } from '../model/live';

afterEach(() => {
  vi.useRealTimers();
});

const db = () => getBackend().db;
const play = (change: Partial<DemoDeployment>) => {
  getBackend().deployment = { ...DEFAULT_DEPLOYMENT, ...change };
};
const PROBE = '/api/openstack-volumes/00000000000000000000000000000000/';
const probes = () => getBackend().requests.filter((r) => r.path === PROBE);
const ALL_CHECKS_MS = CHECK_DELAYS_MS.reduce((a, b) => a + b, 0);
const account = () => screen.findByRole('button', { name: /^Account:/ });

describe('across origins, behind mastermind’s stock nginx', () => {
  it('one probe after sign-in finds Waldur’s errors hidden; the account menu says so, with the fix for staff', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    play({ acrossOrigins: true });
    const { user } = renderApp('/volumes', { advanceTimers: true });
    await screen.findByRole('table');
    await vi.advanceTimersByTimeAsync(3_000); // the probe waits for an idle moment
    await waitFor(() => expect(probes()).toHaveLength(1));
    expect(probes()[0]!.status).toBe(404); // Waldur answered; the browser could not read it
    await waitFor(async () =>
      expect(await account()).toHaveTextContent('a deployment problem: see this menu'),
    );
    await user.click(await account());
    const notice = await screen.findByText(
      'This Waldur’s web server hides its refusals from this console',
    );
    const callout = notice.closest<HTMLElement>('.callout')!;
    expect(callout).toHaveTextContent('add always to each add_header Access-Control-… line');
    expect(probes()).toHaveLength(1); // once per session
  });

  it('for a user who is not staff, the menu says to tell the administrator', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    play({ acrossOrigins: true });
    const { user } = renderApp('/volumes', { persona: 'member', advanceTimers: true });
    await screen.findByRole('table');
    await vi.advanceTimersByTimeAsync(3_000);
    await waitFor(async () =>
      expect(await account()).toHaveTextContent('a deployment problem: see this menu'),
    );
    await user.click(await account());
    const callout = (
      await screen.findByText('This Waldur’s web server hides its refusals from this console')
    ).closest<HTMLElement>('.callout')!;
    expect(callout).toHaveTextContent('Tell your Waldur administrator.');
    expect(callout).not.toHaveTextContent('add_header');
  });

  it('on the same origin nothing is probed and nothing is said', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp('/volumes', { advanceTimers: true });
    await screen.findByRole('table');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(probes()).toHaveLength(0);
    expect(await account()).not.toHaveTextContent('deployment problem');
  });

  it('a quota refusal arrives as no answer: the form says it is unknown and why, keeps the input, sends once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    play({ acrossOrigins: true });
    const tenant = db().tenants[TIGHT_QUOTA_TENANT]!;
    const v = demoVolume((x) => okAvailable(x, db()) && x.tenant_uuid === tenant.uuid);
    const { user, dialog } = await openAction(v.uuid, 'Extend…', { advanceTimers: true });
    await vi.advanceTimersByTimeAsync(3_000);
    await waitFor(() => expect(probes()).toHaveLength(1));
    const size = within(dialog).getByRole('spinbutton', { name: /New size/ });
    const target = Math.ceil(v.size / 1024) + 2;
    await retype(user, size, String(target));
    // It fits the quota the form read; the provider lowers the limit before it is sent.
    tenant.quota_limits.storage = 1024;
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await vi.advanceTimersByTimeAsync(ALL_CHECKS_MS);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('it is unknown whether Waldur received this');
    expect(alert).toHaveTextContent('This Waldur’s web server hides its refusals');
    expect(size).toHaveValue(target);
    const extends_ = getBackend().requests.filter((r) => r.path.endsWith('/extend/'));
    expect(extends_.map((r) => r.status)).toEqual([400]); // refused, once
  });

  it('a snapshot’s deletion (a 202 the page cannot read) is seen scheduled by re-reading', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    play({ acrossOrigins: true });
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const { user } = renderApp(`/snapshots/${snapshot.uuid}`, { advanceTimers: true });
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${snapshot.name}` });
    await user.click(within(toolbar).getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), snapshot.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete snapshot' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const notices = await screen.findByRole('region', { name: 'Notifications' });
    expect(
      await within(notices).findByText(`Deletion of snapshot ${snapshot.name} scheduled`),
    ).toBeInTheDocument();
    const deletes = getBackend().requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.status)).toEqual([202]);
  });
});

describe('a 2024 (7.x) server', () => {
  it('sends no customer_uuid: an organisation’s owner who administers no project may still delete', async () => {
    play({ version: '7.x' });
    const v = demoVolume(
      (x, d) =>
        okAvailable(x, d) &&
        !!x.marketplace &&
        !d.snapshots.some((s) => s.source_volume_uuid === x.uuid),
    );
    const customer = db().projects.find((p) => p.uuid === v.project_uuid)!.customer_uuid;
    const mia = getBackend().user('mia');
    mia.roles = mia.roles.filter((r) => r.scope_uuid !== v.project_uuid);
    mia.roles.push({ scope_uuid: customer, role: 'CUSTOMER.OWNER', created: getBackend().now() });
    renderApp(`/volumes/${v.uuid}`, { persona: 'member' });
    await waitFor(async () => expect(await account()).toHaveTextContent('Mia Mets'));
    const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
    await waitFor(() =>
      expect(within(toolbar).getByRole('button', { name: 'Delete…' })).not.toHaveAttribute(
        'aria-disabled',
      ),
    );
    const volume = getBackend().requests.find(
      (r) => r.path === `/api/openstack-volumes/${v.uuid}/`,
    );
    expect(volume).toBeDefined(); // read from a server that sent no customer_uuid
  });

  it('refuses a description over 2,000 characters: Waldur’s words on the field, and the limit said from then on', async () => {
    play({ version: '7.x' });
    const v = demoVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Edit…');
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.click(description);
    await user.paste('x'.repeat(2_500));
    expect(within(dialog).getByText('2,500/4,096')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('Ensure this field has no more than 2000 characters.'),
    ).toBeInTheDocument();
    expect(description).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText('2,500/2,000 (the limit of this Waldur)')).toBeInTheDocument();
    // The form now checks the server's limit itself, before sending.
    const patches = () => sentRequests().filter((r) => r.method === 'PATCH').length;
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('At most 2,000 characters')).toBeInTheDocument();
    expect(patches()).toBe(1);
  });
});

describe('a newer Waldur, which checks a deletion in the background', () => {
  it('a refused deletion is said in Operations and on the volume’s page with its remedy; the volume stays OK', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    play({ version: 'newer' });
    const v = demoVolume(
      (x, d) =>
        okAvailable(x, d) &&
        !!x.marketplace &&
        !d.snapshots.some((s) => s.source_volume_uuid === x.uuid),
    );
    const { user, dialog } = await openAction(v.uuid, 'Delete…', { advanceTimers: true });
    // Meanwhile someone takes a snapshot of it.
    const snapshot = { ...db().snapshots[0]!, uuid: 'f'.repeat(32), name: 'late-snapshot' };
    db().snapshots.push({ ...snapshot, source_volume_uuid: v.uuid, tenant_uuid: v.tenant_uuid });
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), v.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    getBackend().clock.advance(2_000); // Celery picks the Terminate order up and refuses it
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);

    const notices = () => screen.getByRole('region', { name: 'Notifications' });
    await waitFor(() =>
      expect(within(notices()).getByText(`Delete of ${v.name} failed`)).toBeInTheDocument(),
    );
    expect(within(notices()).getByText('Volume has dependent snapshots.')).toBeInTheDocument();
    const notice = (
      await screen.findByText('Waldur did not delete this volume')
    ).closest<HTMLElement>('.callout')!;
    expect(notice).toHaveTextContent('Volume has dependent snapshots.');
    expect(within(notice).getByRole('link', { name: 'late-snapshot' })).toHaveAttribute(
      'href',
      `/snapshots/${'f'.repeat(32)}`,
    );
    // Its marketplace resource is Erred now; the volume itself is not.
    expect(db().marketplace_resources.find((r) => r.scope_uuid === v.uuid)!.state).toBe('Erred');
    expect(document.querySelector('.detail-header__meta .badge')).toHaveTextContent('OK');
    expect(screen.queryByText('This volume is in an error state')).not.toBeInTheDocument();
  });
});

describe('a project that starts later', () => {
  it('its orders wait for the start date, which the form and Operations say (never “undefined”)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    play({ futureProjectStart: true });
    const project = db().projects[FUTURE_PROJECT]!;
    const tenantIndex = db().tenants.findIndex((t) => t.project_uuid === project.uuid);
    const start = project.start_date!;
    const day = `${Number(start.slice(8, 10))} ${new Date(`${start}T00:00:00Z`).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${start.slice(0, 4)}`;
    const { user, dialog } = await openCreateForm(
      { persona: 'admin', advanceTimers: true },
      tenantIndex,
    );
    expect(await within(dialog).findByText(`This project starts on ${day}`)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'later-one');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(
      await screen.findByText('Order for later-one waits for its start date'),
    ).toBeInTheDocument();
    const tray = await screen.findByRole('complementary', { name: 'Operations' });
    await user.click(within(tray).getByRole('button', { name: /^Operations/ }));
    expect(
      await within(tray).findByText(`Waits for the start of project ${project.name} on ${day}.`),
    ).toBeInTheDocument();
    expect(tray).not.toHaveTextContent('undefined');
    expect(db().orders.find((o) => o.resource_name === 'later-one')!.state).toBe('pending-project');
  });
});

describe('deployment settings', () => {
  it('REQUIRE_AVAILABILITY_ZONE: the refusal lands on the zone field, which the form then requires', async () => {
    play({ requireAvailabilityZone: true });
    const { user, dialog, tenant } = await openCreateForm({}, ZONED_TENANT);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'zoned');
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    const zone = await within(dialog).findByRole('combobox', { name: /^Availability zone/ });
    await waitFor(() => expect(zone).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('Availability zone is mandatory.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument(); // on the field only
    expect(zone).toHaveAccessibleName('Availability zone (required)');
    const available = db().availability_zones.find(
      (z) => z.tenant_uuid === tenant.uuid && z.available,
    )!;
    await user.selectOptions(zone, available.name);
    await user.click(within(dialog).getByRole('button', { name: 'Create volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(db().orders.some((o) => o.resource_name === 'zoned')).toBe(true);
  });

  it('a project whose volume offerings are all hidden from the user is told why', async () => {
    const tenant = db().tenants[0]!;
    // Waldur hides an offering without an active plan; the demo hides an archived one the same way.
    for (const offering of db().offerings.filter((o) => o.tenant_uuid === tenant.uuid))
      offering.state = 'Archived';
    const project = db().projects.find((p) => p.uuid === tenant.project_uuid)!;
    const { user } = renderApp(`/volumes?project=${project.uuid}`);
    await user.click(await screen.findByRole('button', { name: 'New volume' }));
    const dialog = await screen.findByRole('dialog', { name: 'New volume' });
    const callout = (
      await within(dialog).findByText('This project cannot order volumes')
    ).closest<HTMLElement>('.callout')!;
    await waitFor(() =>
      expect(callout).toHaveTextContent(
        `Its tenant ${tenant.name} exists, but no volume offering for it is visible to you.`,
      ),
    );
    expect(callout).toHaveTextContent('no active plan');
  });
});
