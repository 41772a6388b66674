// Every write of a volume's life meets a lost answer the same way (src/lib/writes.ts, issue 20):
// placing, approving and withdrawing an order, deleting, and a snapshot's edit, delete and restore.
// What the write would change is re-read; if Waldur shows it, it was accepted and is followed like
// any other; if not, the outcome is unknown, and nothing is ever sent twice by itself.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_DELAYS_MS } from '@/lib/writes';
import { APPROVAL_TENANT } from '@/mocks/seed/marketplace';
import { openCreateForm } from '../../../../test/action-dialogs';
import { loseAnswersTo } from '../../../../test/lost-answers';
import { renderApp, retype } from '../../../../test/render-app';
import { getBackend, sentRequests } from '../../../../test/setup';
import { loadDialog } from '../state/dialogs';
import { LOST_NOTE } from '../state/records';

afterEach(() => {
  vi.useRealTimers();
});

const db = () => getBackend().db;
const ALL_CHECKS_MS = CHECK_DELAYS_MS.reduce((a, b) => a + b, 0);
const posts = (suffix: string) =>
  sentRequests().filter((r) => r.method === 'POST' && r.url.pathname.endsWith(suffix));

async function openTray(user: ReturnType<typeof renderApp>['user']) {
  const tray = await screen.findByRole('complementary', { name: 'Operations' });
  const toggle = within(tray).getByRole('button', { name: /^Operations/ });
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle);
  return tray;
}

async function placeOrder(name: string, options: { tenant?: number } = {}) {
  const form = await openCreateForm(
    { advanceTimers: true, persona: options.tenant === undefined ? 'staff' : 'admin' },
    options.tenant ?? 0,
  );
  await form.user.type(within(form.dialog).getByRole('textbox', { name: /^Name/ }), name);
  await form.user.click(within(form.dialog).getByRole('button', { name: 'Create volume' }));
  return form;
}

describe('placing an order', () => {
  it('an answer lost after Waldur took it: found among the project’s new orders, followed, sent once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    loseAnswersTo('/api/marketplace-orders/', { reachWaldur: true, method: 'POST' });
    const { user } = await placeOrder('lost-but-placed');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts('/api/marketplace-orders/')).toHaveLength(1);
    expect(db().orders.filter((o) => o.resource_name === 'lost-but-placed')).toHaveLength(1);
    const notices = await screen.findByRole('region', { name: 'Notifications' });
    expect(within(notices).getByText('Order for lost-but-placed submitted')).toBeInTheDocument();
    const tray = await openTray(user);
    const item = within(tray)
      .getByText(/Creation of/)
      .closest('li')!;
    expect(item).toHaveTextContent('lost-but-placed');
    expect(item).toHaveTextContent(LOST_NOTE);
  });

  it('an answer lost before Waldur got it: unknown; Check again sends nothing; Send again places one order', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const lost = loseAnswersTo('/api/marketplace-orders/', { reachWaldur: false, method: 'POST' });
    const { user, dialog } = await placeOrder('never-arrived');
    expect(
      await within(dialog).findByText(/Checking whether it received the request/),
    ).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(ALL_CHECKS_MS);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('it is unknown whether Waldur received this');
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveValue('never-arrived');
    expect(posts('/api/marketplace-orders/')).toHaveLength(1);

    await user.click(within(alert).getByRole('button', { name: 'Check again' }));
    expect(await within(dialog).findByText(/still does not show it/)).toBeInTheDocument();
    expect(posts('/api/marketplace-orders/')).toHaveLength(1);

    lost.stop();
    await user.click(within(alert).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts('/api/marketplace-orders/')).toHaveLength(2);
    expect(db().orders.filter((o) => o.resource_name === 'never-arrived')).toHaveLength(1);
  });
});

describe('an order waiting for approval', () => {
  it('approving: an answer lost after Waldur took it reads the order, which is approved; sent once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const placed = await placeOrder('to-approve', { tenant: APPROVAL_TENANT });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    placed.unmount();
    loseAnswersTo('/api/marketplace-orders/:uuid/approve_by_consumer/', { reachWaldur: true });

    const { user } = renderApp('/volumes', { advanceTimers: true });
    const tray = await openTray(user);
    await user.click(
      await within(tray).findByRole('button', { name: 'Approve the order for to-approve' }),
    );
    const notices = await screen.findByRole('region', { name: 'Notifications' });
    expect(await within(notices).findByText('Order for to-approve approved')).toBeInTheDocument();
    expect(posts('/approve_by_consumer/')).toHaveLength(1);
    expect(db().orders.find((o) => o.resource_name === 'to-approve')!.state).toBe('executing');
  });

  it('withdrawing by its author: lost before Waldur got it, the notice offers Check again and Send again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const lost = loseAnswersTo('/api/marketplace-orders/:uuid/reject_by_consumer/', {
      reachWaldur: false,
    });
    const { user } = await placeOrder('to-withdraw', { tenant: APPROVAL_TENANT });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const tray = await openTray(user);
    // Pat placed it and may not approve: withdrawing is what is offered.
    expect(within(tray).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    await user.click(
      await within(tray).findByRole('button', { name: 'Withdraw the order for to-withdraw' }),
    );
    await vi.advanceTimersByTimeAsync(ALL_CHECKS_MS);
    // The notices' region is there only while it shows a notice: found anew each time.
    const toast = async (title: string) =>
      (await screen.findByText(title, { selector: '.toast__title' })).closest<HTMLElement>(
        '.toast',
      )!;
    const unknown = await toast(
      'It is unknown whether Waldur received the withdrawal of the order for to-withdraw',
    );
    await user.click(within(unknown).getByRole('button', { name: 'Check again' }));
    const still = await toast(
      'Waldur still does not show the withdrawal of the order for to-withdraw',
    );
    expect(posts('/reject_by_consumer/')).toHaveLength(1);

    lost.stop();
    await user.click(within(still).getByRole('button', { name: 'Send again' }));
    expect(await toast('Order for to-withdraw withdrawn')).toBeInTheDocument();
    expect(posts('/reject_by_consumer/')).toHaveLength(2);
    expect(db().orders.find((o) => o.resource_name === 'to-withdraw')!.state).toBe('rejected');
  });
});

describe('a volume and its snapshots', () => {
  it('delete: an answer lost after Waldur took it finds the new Terminate order and follows it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const volume = db().volumes.find(
      (v) =>
        v.state === 'OK' &&
        v.runtime_state === 'available' &&
        v.marketplace &&
        !db().snapshots.some((s) => s.source_volume_uuid === v.uuid),
    )!;
    loseAnswersTo(`/api/marketplace-resources/${volume.marketplace!.resource_uuid}/terminate/`, {
      reachWaldur: true,
    });
    const { user } = renderApp(`/volumes/${volume.uuid}`, { advanceTimers: true });
    const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
    await waitFor(() =>
      expect(within(toolbar).getByRole('button', { name: 'Delete…' })).not.toHaveAttribute(
        'aria-disabled',
      ),
    );
    await user.click(within(toolbar).getByRole('button', { name: 'Delete…' }));
    await loadDialog('action');
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), volume.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts('/terminate/')).toHaveLength(1);
    const order = db().orders.find(
      (o) => o.type === 'Terminate' && o.resource_uuid === volume.marketplace!.resource_uuid,
    )!;
    const tray = await openTray(user);
    const item = within(tray)
      .getByText(/Delete of/)
      .closest('li')!;
    expect(item).toHaveTextContent(LOST_NOTE);
    // The tray follows that order (not the volume): its state is read, by its UUID.
    await waitFor(() =>
      expect(
        sentRequests().some((r) => r.url.pathname === `/api/marketplace-orders/${order.uuid}/`),
      ).toBe(true),
    );
  });

  it('a snapshot’s edit: an answer lost after Waldur took it is seen saved; sent once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    loseAnswersTo(`/api/openstack-snapshots/${snapshot.uuid}/`, {
      reachWaldur: true,
      method: 'PUT',
    });
    const { user } = renderApp(`/snapshots/${snapshot.uuid}`, { advanceTimers: true });
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${snapshot.name}` });
    await user.click(within(toolbar).getByRole('button', { name: 'Edit…' }));
    await loadDialog('snapshot');
    const dialog = await screen.findByRole('dialog');
    await retype(user, within(dialog).getByRole('textbox', { name: 'Description' }), 'kept');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentRequests().filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(db().snapshots.find((s) => s.uuid === snapshot.uuid)!.description).toBe('kept');
    const tray = await openTray(user);
    expect(
      within(tray)
        .getByText(/Edit of/)
        .closest('li')!,
    ).toHaveTextContent(LOST_NOTE);
  });

  it('a snapshot’s restore: an answer lost after Waldur took it finds the new volume among the restorations', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    loseAnswersTo(`/api/openstack-snapshots/${snapshot.uuid}/restore/`, { reachWaldur: true });
    const { user } = renderApp(`/snapshots/${snapshot.uuid}`, { advanceTimers: true });
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${snapshot.name}` });
    await user.click(within(toolbar).getByRole('button', { name: 'Restore to a new volume…' }));
    await loadDialog('snapshot');
    const dialog = await screen.findByRole('dialog');
    await retype(user, within(dialog).getByRole('textbox', { name: /^Name of the new/ }), 'back');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts('/restore/')).toHaveLength(1);
    const restored = db().volumes.filter((v) => v.source_snapshot_uuid === snapshot.uuid);
    expect(restored.filter((v) => v.name === 'back')).toHaveLength(1);
    const tray = await openTray(user);
    const item = within(tray)
      .getByText(/Restore of/)
      .closest('li')!;
    expect(item).toHaveTextContent(LOST_NOTE);
    expect(within(item).getByRole('link', { name: 'back' })).toHaveAttribute(
      'href',
      `/volumes/${restored.find((v) => v.name === 'back')!.uuid}`,
    );
  });
});
