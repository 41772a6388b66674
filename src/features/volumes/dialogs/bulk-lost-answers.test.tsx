import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_DELAYS_MS } from '@/lib/writes';
import { loseAnswersTo } from '../../../../test/lost-answers';
import { renderApp } from '../../../../test/render-app';
import { getBackend, sentRequests } from '../../../../test/setup';

// A bulk action meets lost answers (contract.md E1) volume by volume: each is re-read, never resent
// by itself; one Waldur got counts as scheduled, one it never saw is unknown until the user decides.
/** The progress line, read whole (its numbers are separate text nodes). */
const progress = (dialog: HTMLElement, text: string) =>
  within(dialog).findByText(
    (_, element) => element?.tagName === 'P' && element.textContent === text,
  );

const pullsOf = (uuid: string) =>
  sentRequests().filter(
    (r) => r.method === 'POST' && r.url.pathname === `/api/openstack-volumes/${uuid}/pull/`,
  ).length;

describe('bulk actions and lost answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a lost answer Waldur got is scheduled; one it never saw is unknown, checked again or sent again on request', async () => {
    // The re-reads after a lost answer follow the live refresh's schedule: the test moves the clock.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderApp('/volumes?state=OK&size=10', { advanceTimers: true });
    const table = await screen.findByRole('table');
    const uuids = within(table)
      .getAllByRole('rowheader')
      .map((cell) => within(cell).getByRole('link').getAttribute('href')!.split('/').at(-1)!);
    const eligible = uuids.filter(
      (uuid) => getBackend().db.volumes.find((v) => v.uuid === uuid)!.backend_id !== null,
    );
    const [received, neverSeen] = eligible;
    expect(neverSeen).toBeDefined();
    loseAnswersTo(`/api/openstack-volumes/${received}/pull/`, { reachWaldur: true });
    const lost = loseAnswersTo(`/api/openstack-volumes/${neverSeen}/pull/`, {
      reachWaldur: false,
    });

    await user.click(
      within(table).getByRole('checkbox', { name: 'Select all volumes on this page' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Pull…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pull volumes' });
    await user.click(
      await within(dialog).findByRole('button', { name: `Pull ${eligible.length} volumes` }),
    );
    await vi.advanceTimersByTimeAsync(CHECK_DELAYS_MS.reduce((a, b) => a + b, 0));
    const skipped =
      uuids.length > eligible.length ? `, ${uuids.length - eligible.length} skipped` : '';
    expect(
      await progress(
        dialog,
        `Finished: ${eligible.length - 1} scheduled, 0 failed, 1 unknown${skipped}.`,
      ),
    ).toBeInTheDocument();
    expect(pullsOf(received!)).toBe(1);
    expect(pullsOf(neverSeen!)).toBe(1);

    // Checking again reads the volume: Waldur still does not show the pull, so nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Check the 1 unknown again' }));
    await waitFor(() =>
      expect(
        sentRequests().filter((r) => r.url.pathname === `/api/openstack-volumes/${neverSeen}/`),
      ).not.toHaveLength(0),
    );
    expect(pullsOf(neverSeen!)).toBe(1);

    // Sending again is the user's choice; with the connection back, it is scheduled.
    lost.stop();
    await user.click(within(dialog).getByRole('button', { name: 'Send the 1 unknown again' }));
    expect(
      await progress(dialog, `Finished: ${eligible.length} scheduled, 0 failed${skipped}.`),
    ).toBeInTheDocument();
    expect(pullsOf(neverSeen!)).toBe(2);
    expect(pullsOf(received!)).toBe(1);
  });
});
