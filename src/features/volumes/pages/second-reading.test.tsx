// What a second reading of Waldur found (contract-lifecycle §8, issue 20 item 5), as the console
// meets it: a snapshot's edit is a scheduled update, a history the user may not see is a 400, a
// rejected order is logged, and the end of a deletion reaches the volume's page whatever it last
// read, after which the page stops asking for the volume.
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ORDER_PICKUP_MS } from '@/mocks/lifecycle';
import { TEST_ORIGIN } from '@/mocks/node';
import { APPROVAL_TENANT } from '@/mocks/seed/marketplace';
import { settleAfterMs, TIMING } from '@/mocks/tasks';
import { openAction } from '../../../../test/action-dialogs';
import { demoVolume } from '../../../../test/demo-api';
import { renderApp, requestsTo, retype } from '../../../../test/render-app';
import { okAvailable } from '../../../../test/seed-queries';
import { getBackend, server } from '../../../../test/setup';
import { LIVE_MAX_MS, LIVE_MIN_MS } from '../model/live';
import { loadDialog } from '../state/dialogs';

afterEach(() => {
  vi.useRealTimers();
});

const db = () => getBackend().db;
const reasonOf = (button: HTMLElement) =>
  document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent;
const noSnapshots = (uuid: string) => !db().snapshots.some((s) => s.source_volume_uuid === uuid);

describe('a snapshot’s edit', () => {
  it('is an update Waldur schedules: Edit waits until the snapshot is OK again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const { user } = renderApp(`/snapshots/${snapshot.uuid}`, { advanceTimers: true });
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${snapshot.name}` });
    await user.click(within(toolbar).getByRole('button', { name: 'Edit…' }));
    await loadDialog('snapshot');
    const dialog = await screen.findByRole('dialog');
    await retype(user, within(dialog).getByRole('textbox', { name: 'Description' }), 'renamed');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const edit = () => within(toolbar).getByRole('button', { name: 'Edit…' });
    await waitFor(() => expect(edit()).toHaveAttribute('aria-disabled', 'true'));
    expect(reasonOf(edit())).toMatch(/Wait until it finishes/);
    getBackend().clock.advance(TIMING.firstTaskMs + TIMING.pollEveryMs);
    await vi.advanceTimersByTimeAsync(LIVE_MAX_MS);
    await waitFor(() => expect(edit()).not.toHaveAttribute('aria-disabled'));
  });
});

describe('the history', () => {
  it('whose scope Waldur will not show this user (a 400) says so, and the page stands', async () => {
    const v = demoVolume((x, d) => okAvailable(x, d) && !!x.marketplace);
    server.use(
      http.get(`${TEST_ORIGIN}/api/events/`, ({ request }) => {
        const scope = new URL(request.url).searchParams.get('scope') ?? '';
        return HttpResponse.json([`Can't restore object from url: ${scope}`], { status: 400 });
      }),
    );
    renderApp(`/volumes/${v.uuid}`);
    const history = await screen.findByRole('region', { name: 'History' });
    expect(
      await within(history).findByText(/This history is not visible to you/),
    ).toBeInTheDocument();
    expect(within(history).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: v.name })).toBeInTheDocument();
  });

  it('lists a rejected deletion order, and its Orders filter asks for rejections too', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const tenant = db().tenants[APPROVAL_TENANT]!;
    const v = demoVolume(
      (x, d) =>
        okAvailable(x, d) &&
        !!x.marketplace &&
        x.tenant_uuid === tenant.uuid &&
        noSnapshots(x.uuid),
    );
    // Pat administers the project but owns no organisation: the deletion waits for approval.
    const { user, dialog, unmount } = await openAction(v.uuid, 'Delete…', {
      persona: 'admin',
      advanceTimers: true,
    });
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), v.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const order = db().orders.find(
      (o) => o.type === 'Terminate' && o.resource_uuid === v.marketplace!.resource_uuid,
    )!;
    expect(order.state).toBe('pending-consumer');
    getBackend().rejectOrder(order.uuid);
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    const history = await screen.findByRole('list', { name: 'History, newest first' });
    await waitFor(() => expect(history).toHaveTextContent('Marketplace order has been rejected.'));
    expect(history).toHaveTextContent('Deletion order: Rejected');
    unmount();

    // Support narrows the history to orders: the rejection is among them.
    const support = renderApp(`/volumes/${v.uuid}`, { persona: 'support', advanceTimers: true });
    await support.user.selectOptions(
      await screen.findByRole('combobox', { name: 'Show' }),
      'Orders',
    );
    await waitFor(() =>
      expect(requestsTo('/api/events/').at(-1)!.getAll('event_type')).toContain(
        'marketplace_order_rejected',
      ),
    );
    const orders = await screen.findByRole('list', { name: 'History, newest first' });
    await waitFor(() => expect(orders).toHaveTextContent('Marketplace order has been rejected.'));
  });
});

describe('a deletion’s end', () => {
  async function deleteFromItsPage() {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const v = demoVolume((x, d) => okAvailable(x, d) && !!x.marketplace && noSnapshots(x.uuid));
    const { user, dialog } = await openAction(v.uuid, 'Delete…', { advanceTimers: true });
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), v.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    return v;
  }
  const readsOf = (uuid: string) => () =>
    getBackend().requests.filter(
      (r) => r.method === 'GET' && r.path === `/api/openstack-volumes/${uuid}/`,
    ).length;

  it('reaches the volume’s page whatever it last read', async () => {
    const v = await deleteFromItsPage();
    // The page last read the volume OK (Celery has not picked the order up yet), so it does not
    // follow it by itself. Waldur then deletes it before the page looks again.
    expect(db().volumes.find((x) => x.uuid === v.uuid)!.state).toBe('OK');
    getBackend().clock.advance(ORDER_PICKUP_MS + TIMING.firstTaskMs + settleAfterMs('delete'));
    getBackend().tick();
    expect(db().volumes.some((x) => x.uuid === v.uuid)).toBe(false);
    // Only the tray's look at the order is due now: its end must reach the page.
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    expect(await screen.findByText('This volume no longer exists')).toBeInTheDocument();
    expect(document.querySelector('.page-header')).toHaveTextContent('Gone');
  });

  it('once the volume is gone, its page says nothing is in progress and stops asking for it', async () => {
    const v = await deleteFromItsPage();
    const header = () => document.querySelector('.page-header')!;
    getBackend().clock.advance(ORDER_PICKUP_MS + TIMING.firstTaskMs);
    await vi.advanceTimersByTimeAsync(LIVE_MAX_MS);
    await waitFor(() => expect(header()).toHaveTextContent('Deleting'));
    expect(header()).toHaveTextContent('in progress');
    getBackend().clock.advance(settleAfterMs('delete'));
    await vi.advanceTimersByTimeAsync(LIVE_MAX_MS);
    expect(await screen.findByText('This volume no longer exists')).toBeInTheDocument();
    expect(header()).toHaveTextContent('Gone');
    expect(header()).not.toHaveTextContent('in progress');
    const reads = readsOf(v.uuid);
    const before = reads();
    await vi.advanceTimersByTimeAsync(LIVE_MAX_MS * 4);
    expect(reads()).toBe(before);
  });
});
