// A volume's end and its past (issue 12): Delete… offered only where Waldur would accept it, and
// followed until the volume is gone; the History section and the erred volume's failing event.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settleAfterMs, TIMING } from '@/mocks/tasks';
import { expectMatchesContract, lastWrite, openAction } from '../../../../test/action-dialogs';
import { demoVolume } from '../../../../test/demo-api';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { attachedTo, okAvailable } from '../../../../test/seed-queries';
import { getBackend } from '../../../../test/setup';
import { LIVE_MIN_MS } from '../model/live';

afterEach(() => {
  vi.useRealTimers();
});

const db = () => getBackend().db;
const hasSnapshots = (uuid: string) => db().snapshots.some((s) => s.source_volume_uuid === uuid);

async function deleteButton(uuid: string, options: Parameters<typeof renderApp>[1] = {}) {
  renderApp(`/volumes/${uuid}`, options);
  const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
  return within(toolbar).getByRole('button', { name: 'Delete…' });
}

/** The reason shown for a disabled action (its tooltip, which describes the button). */
const reasonOf = (button: HTMLElement) =>
  document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent;

describe('Delete…', () => {
  it('is refused for an attached volume, saying to detach it first', async () => {
    const v = demoVolume((x, d) => attachedTo()(x, d) && !!x.marketplace && !hasSnapshots(x.uuid));
    const button = await deleteButton(v.uuid);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(reasonOf(button)).toBe(
      `It is attached to ${db().instances.find((i) => i.uuid === v.instance_uuid)!.name}. Detach it first.`,
    );
  });

  it('is refused while the volume has snapshots, and says how many', async () => {
    const v = demoVolume((x, d) => okAvailable(x, d) && !!x.marketplace && hasSnapshots(x.uuid));
    const count = db().snapshots.filter((s) => s.source_volume_uuid === v.uuid).length;
    const button = await deleteButton(v.uuid);
    await waitFor(() =>
      expect(reasonOf(button)).toMatch(
        count === 1 ? /^It has a snapshot\./ : new RegExp(`^It has ${count} snapshots\\.`),
      ),
    );
  });

  it('says why a volume without a marketplace resource cannot be deleted, pointing staff to unlink', async () => {
    const v = demoVolume((x, d) => okAvailable(x, d) && !x.marketplace);
    expect(reasonOf(await deleteButton(v.uuid))).toMatch(
      /no marketplace resource.*Unlink it instead/,
    );
  });

  it('confirmed by the name, terminates the resource and follows the volume until it is gone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const v = demoVolume((x, d) => okAvailable(x, d) && !!x.marketplace && !hasSnapshots(x.uuid));
    const { user, dialog } = await openAction(v.uuid, 'Delete…', { advanceTimers: true });
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Delete volume' }));
    expect(
      await within(dialog).findByText(`Type ${v.name} exactly to confirm`),
    ).toBeInTheDocument();
    expect(lastWrite('/terminate/')).toBeUndefined();

    await user.clear(within(dialog).getByRole('textbox', { name: /to confirm/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), v.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete volume' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite('/terminate/')!;
    expect(request.url.pathname).toBe(
      `/api/marketplace-resources/${v.marketplace!.resource_uuid}/terminate/`,
    );
    expectMatchesContract(request);

    getBackend().clock.advance(1000 + TIMING.firstTaskMs);
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    const header = document.querySelector('.detail-header')!;
    await waitFor(() => expect(header).toHaveTextContent(/Deleting/));
    getBackend().clock.advance(settleAfterMs('delete'));
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    expect(await screen.findByText('This volume no longer exists')).toBeInTheDocument();
    const tray = await screen.findByRole('complementary', { name: 'Operations' });
    await user.click(within(tray).getByRole('button', { name: /^Operations/ }));
    await waitFor(() => expect(within(tray).getByText('Done')).toBeInTheDocument());
    expect(within(tray).getByText(/Delete of/)).toBeInTheDocument();
  });
});

describe('History', () => {
  it('lists the volume’s events and orders newest first, with who did it, and loads older ones', async () => {
    const v = demoVolume((x, d) => okAvailable(x, d) && !!x.marketplace);
    const app = renderApp(`/volumes/${v.uuid}`);
    const history = await screen.findByRole('list', { name: 'History, newest first' });
    const items = () => within(history).getAllByRole('listitem');
    // The marketplace resource's log: the volume's events and its order's.
    await waitFor(() => expect(items().length).toBeGreaterThan(3));
    expect(history).toHaveTextContent(`Resource ${v.name} creation has been scheduled.`);
    const events = requestsTo('/api/events/');
    expect(events[0]!.get('scope')).toMatch(
      new RegExp(`/api/marketplace-resources/${v.marketplace!.resource_uuid}/$`),
    );
    expect(events[0]!.get('o')).toBe('-created');
    // Newest first: the first item is not older than the last.
    const times = items().map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect([...times].sort().reverse()).toEqual(times);

    const total = db().events.filter(
      (e) => e.feed.includes(v.marketplace!.resource_uuid) || e.feed.includes(v.uuid),
    ).length;
    if (total > 10) {
      await app.user.click(screen.getByRole('button', { name: 'Show older' }));
      await waitFor(() =>
        expect(requestsTo('/api/events/').some((p) => p.get('page') === '2')).toBe(true),
      );
    }
  });

  it('staff and support can narrow it to one kind; others see no filter', async () => {
    const v = demoVolume((x, d) => okAvailable(x, d) && !!x.marketplace);
    const { user } = renderApp(`/volumes/${v.uuid}`, { persona: 'support' });
    const filter = await screen.findByRole('combobox', { name: 'Show' });
    await user.selectOptions(filter, 'Orders');
    await waitFor(() =>
      expect(requestsTo('/api/events/').at(-1)!.getAll('event_type')).toEqual([
        'marketplace_order_approved',
        'marketplace_order_rejected',
        'marketplace_order_completed',
        'marketplace_order_failed',
      ]),
    );
    const history = await screen.findByRole('list', { name: 'History, newest first' });
    await waitFor(() => expect(history).not.toHaveTextContent('creation has been scheduled'));
    expect(history).toHaveTextContent(/Marketplace order has been completed\.|Create order/);
  });

  it('an ERRED volume’s notice shows the event that failed next to the error message', async () => {
    const v = demoVolume(
      (x) => x.state === 'ERRED' && x.error_traceback.includes('extend_volume') && !!x.marketplace,
    );
    renderApp(`/volumes/${v.uuid}`);
    const notice = (await screen.findByText('This volume is in an error state')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(notice).toHaveTextContent(v.error_message);
    await waitFor(() =>
      expect(notice).toHaveTextContent(
        new RegExp(
          `Waldur logged: Failed to execute "Extend volume from .*" operation for volume "${v.name}"`,
        ),
      ),
    );
  });
});
