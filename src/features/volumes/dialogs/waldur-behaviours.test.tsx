// The console meeting Waldur as it really behaves (issue 11): an edit Waldur would half-apply is
// sent in two steps, staff mark a stuck volume by hand, and unlinking says which snapshots go too.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settleAfterMs, TIMING } from '@/mocks/tasks';
import { expectMatchesContract, openAction } from '../../../../test/action-dialogs';
import { demoVolume } from '../../../../test/demo-api';
import { retype } from '../../../../test/render-app';
import { okAvailableTyped as okAvailable } from '../../../../test/seed-queries';
import { getBackend, sentRequests } from '../../../../test/setup';
import { LIVE_MIN_MS } from '../model/live';

const writesTo = (path: string) =>
  sentRequests().filter((r) => r.method !== 'GET' && r.url.pathname === path);

afterEach(() => {
  vi.useRealTimers();
});

describe('an edit of the name and bootable together (Waldur runs one branch of its update, E2)', () => {
  it('sends the rename first and bootable once the rename has settled, each a step in Operations', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const v = demoVolume(okAvailable);
    const path = `/api/openstack-volumes/${v.uuid}/`;
    const { user, dialog } = await openAction(v.uuid, 'Edit…', { advanceTimers: true });
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await retype(user, name, 'renamed-and-bootable');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Bootable' }));
    expect(within(dialog).getByText(/sent in two steps/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writesTo(path).map((r) => r.body)).toEqual([{ name: 'renamed-and-bootable' }]);
    expectMatchesContract(writesTo(path)[0]);

    // Until the rename settles, bootable waits.
    getBackend().clock.advance(TIMING.firstTaskMs);
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    expect(writesTo(path)).toHaveLength(1);
    getBackend().clock.advance(settleAfterMs('update'));
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    await waitFor(() => expect(writesTo(path)).toHaveLength(2));
    expect(writesTo(path)[1]!.body).toEqual({ bootable: true });

    const tray = screen.getByRole('complementary', { name: 'Operations' });
    expect(within(tray).getByText(/\(step 1 of 2\)/)).toBeInTheDocument();
    expect(within(tray).getByText(/\(step 2 of 2\)/)).toBeInTheDocument();
    getBackend().clock.advance(TIMING.firstTaskMs + settleAfterMs('update'));
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    await waitFor(() =>
      expect(getBackend().db.volumes.find((x) => x.uuid === v.uuid)).toMatchObject({
        name: 'renamed-and-bootable',
        bootable: true,
        state: 'OK',
      }),
    );
  });

  it('when the rename fails, bootable is not sent, and the user is told', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const v = demoVolume(okAvailable);
    getBackend().injectFailure({ operation: 'update', volume_uuid: v.uuid, remaining: 1 });
    const path = `/api/openstack-volumes/${v.uuid}/`;
    const { user, dialog } = await openAction(v.uuid, 'Edit…', { advanceTimers: true });
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.type(description, ' (moved)');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Bootable' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    getBackend().clock.advance(TIMING.firstTaskMs);
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    const notices = await screen.findByRole('region', { name: 'Notifications' });
    expect(
      await within(notices).findByText(/Step 2 of 2 .* was not sent/, {
        selector: '.toast__title',
      }),
    ).toBeInTheDocument();
    expect(writesTo(path)).toHaveLength(1);
  });
});

describe('staff mark a volume by hand (set_ok, set_erred)', () => {
  it('Mark as erred asks why and sends the message; Mark as OK confirms and sends nothing else', async () => {
    const v = demoVolume((x) => x.state === 'UPDATING' && x.action === 'Attach');
    const { user, dialog } = await openAction(v.uuid, 'Mark as erred…');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as erred' }));
    expect(await within(dialog).findByText(/Say what is wrong/)).toBeInTheDocument();
    await user.type(
      within(dialog).getByRole('textbox', { name: /Error message/ }),
      'Stuck in Nova',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Mark as erred' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const erred = writesTo(`/api/openstack-volumes/${v.uuid}/set_erred/`);
    expect(erred.map((r) => r.body)).toEqual([{ error_message: 'Stuck in Nova' }]);
    expectMatchesContract(erred[0]);
    expect(await screen.findAllByText('Stuck in Nova')).not.toHaveLength(0);

    const toolbar = screen.getByRole('toolbar', { name: /actions for/i });
    await user.click(within(toolbar).getByRole('button', { name: 'Mark as OK…' }));
    const confirm = await screen.findByRole('dialog', { name: /Mark .* as OK\?/ });
    expect(confirm).toHaveTextContent('nothing is checked or changed in OpenStack');
    expect(confirm).toHaveTextContent('Waldur keeps the last action (Attach) recorded');
    await user.click(within(confirm).getByRole('button', { name: 'Mark as OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const ok = writesTo(`/api/openstack-volumes/${v.uuid}/set_ok/`);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body).toBeUndefined();
    // OK with a leftover action is settled: the badge says OK, the support panel keeps the action.
    await waitFor(() =>
      expect(document.querySelector('.detail-header__meta .badge')).toHaveTextContent(/^OK$/),
    );
    expect(screen.getByRole('region', { name: 'Support' })).toHaveTextContent(/Attach.*left over/);
  });

  it('are not offered to anyone but staff', async () => {
    const v = demoVolume(okAvailable);
    const { unmount } = await openAction(v.uuid, 'Edit…', { persona: 'admin' });
    const toolbar = screen.getByRole('toolbar', { name: /actions for/i });
    expect(within(toolbar).queryByRole('button', { name: /Mark as/ })).not.toBeInTheDocument();
    unmount();
  });
});

describe('unlink removes the volume’s snapshots from Waldur too (E4)', () => {
  it('the dialog lists them', async () => {
    const db = getBackend().db;
    const v = demoVolume(
      (x) => db.snapshots.filter((s) => s.source_volume_uuid === x.uuid).length >= 2,
    );
    const names = db.snapshots.filter((s) => s.source_volume_uuid === v.uuid).map((s) => s.name);
    const { dialog } = await openAction(v.uuid, 'Unlink…');
    expect(
      await within(dialog).findByText(`Its ${names.length} snapshots go too`),
    ).toBeInTheDocument();
    for (const name of names) expect(within(dialog).getByText(name)).toBeInTheDocument();
  });
});
