// The snapshots pages (issue 12): the list's view in the URL and in its requests, and a snapshot's
// page with its actions (restore to a new volume followed to OK, edit, delete), each request as
// the schema wants it.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settleAfterMs, TIMING } from '@/mocks/tasks';
import { expectMatchesContract, lastWrite } from '../../../../test/action-dialogs';
import { renderApp, requestsTo, retype } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';
import { LIVE_MIN_MS } from '../model/live';
import { loadDialog } from '../state/dialogs';

afterEach(() => {
  vi.useRealTimers();
});

const db = () => getBackend().db;
const LIST = '/api/openstack-snapshots/';

describe('the snapshots page', () => {
  it('reads its filters from the URL, sends them, and writes changes back', async () => {
    const project = db().projects[0]!;
    const { user, location } = renderApp(`/snapshots?state=OK&project=${project.uuid}`);
    const table = await screen.findByRole('table');
    const sent = requestsTo(LIST).at(-1)!;
    expect(sent.getAll('state')).toEqual(['OK']);
    expect(sent.get('project_uuid')).toBe(project.uuid);
    expect(sent.get('o')).toBe('-created');
    const expected = db().snapshots.filter(
      (s) => s.state === 'OK' && s.project_uuid === project.uuid,
    );
    expect(within(table).getAllByRole('row')).toHaveLength(Math.min(expected.length, 25) + 1);
    expect(screen.getByRole('combobox', { name: 'State' })).toHaveValue('OK');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Largest first');
    await waitFor(() => expect(location()).toContain('sort=-size'));
    await waitFor(() => expect(requestsTo(LIST).at(-1)!.get('o')).toBe('-size'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Any state');
    await waitFor(() => expect(location()).not.toContain('state='));
  });

  it('searches by name, and links each snapshot to its page and its volume', async () => {
    const snapshot = db().snapshots.find((s) => s.state === 'OK' && s.source_volume_uuid)!;
    const { user } = renderApp('/snapshots');
    await screen.findByRole('table');
    await user.type(
      screen.getByRole('searchbox', { name: 'Search snapshots by name' }),
      snapshot.name,
    );
    await waitFor(() => expect(requestsTo(LIST).at(-1)!.get('name')).toBe(snapshot.name));
    const row = (await screen.findByRole('link', { name: snapshot.name })).closest('tr')!;
    expect(within(row).getByRole('link', { name: snapshot.name })).toHaveAttribute(
      'href',
      `/snapshots/${snapshot.uuid}`,
    );
    const volume = db().volumes.find((v) => v.uuid === snapshot.source_volume_uuid)!;
    expect(within(row).getByRole('link', { name: volume.name })).toHaveAttribute(
      'href',
      `/volumes/${volume.uuid}`,
    );
  });
});

describe('a snapshot’s page', () => {
  it('restores to a new volume, follows it to OK, and lists it among the restorations', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const { user } = renderApp(`/snapshots/${snapshot.uuid}`, { advanceTimers: true });
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${snapshot.name}` });
    await user.click(within(toolbar).getByRole('button', { name: 'Restore to a new volume…' }));
    await loadDialog('snapshot');
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByRole('textbox', { name: /^Name of the new volume/ });
    expect(name).toHaveValue(`${snapshot.name}-restored`);
    await retype(user, name, 'brought-back');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite('/restore/')!;
    expect(request.body).toEqual({ name: 'brought-back' });
    expectMatchesContract(request);

    const tray = await screen.findByRole('complementary', { name: 'Operations' });
    await user.click(within(tray).getByRole('button', { name: /^Operations/ }));
    expect(within(tray).getByText(/Restore of/)).toBeInTheDocument();
    getBackend().clock.advance(TIMING.firstTaskMs + settleAfterMs('create'));
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    await waitFor(() => expect(within(tray).getByText('Done')).toBeInTheDocument());
    const restored = db().volumes.find((v) => v.name === 'brought-back')!;
    expect(restored).toMatchObject({ state: 'OK', source_snapshot_uuid: snapshot.uuid });
    const restorations = screen.getByRole('table', { name: 'Volumes restored from this snapshot' });
    await waitFor(() =>
      expect(within(restorations).getByRole('link', { name: 'brought-back' })).toHaveAttribute(
        'href',
        `/volumes/${restored.uuid}`,
      ),
    );
  });

  it('edits name, description and retention with a PUT, as HomePort does', async () => {
    const snapshot = db().snapshots.find((s) => s.state === 'OK')!;
    const before = snapshot.description; // the record changes with the PUT
    const { user } = renderApp(`/snapshots/${snapshot.uuid}`);
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${snapshot.name}` });
    await user.click(within(toolbar).getByRole('button', { name: 'Edit…' }));
    await loadDialog('snapshot');
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Description/ }), ' (kept)');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite(`/api/openstack-snapshots/${snapshot.uuid}/`)!;
    expect(request.method).toBe('PUT');
    expect(request.body).toMatchObject({
      name: snapshot.name,
      description: `${before} (kept)`,
    });
    expectMatchesContract(request);
  });

  it('offers nothing that Waldur would refuse while the snapshot is in transition; deletes when it can', async () => {
    const busy = db().snapshots.find((s) => s.state !== 'OK' && s.state !== 'ERRED')!;
    renderApp(`/snapshots/${busy.uuid}`);
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${busy.name}` });
    for (const button of within(toolbar).getAllByRole('button')) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
    }
  });

  it('deletes an erred snapshot after the name is typed, and says when it is gone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const erred =
      db().snapshots.find((s) => s.state === 'ERRED') ??
      db().snapshots.find((s) => s.state === 'OK')!;
    const { user } = renderApp(`/snapshots/${erred.uuid}`, { advanceTimers: true });
    const toolbar = await screen.findByRole('toolbar', { name: `Actions for ${erred.name}` });
    await user.click(within(toolbar).getByRole('button', { name: 'Delete…' }));
    await loadDialog('snapshot');
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), erred.name);
    await user.click(within(dialog).getByRole('button', { name: 'Delete snapshot' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expectMatchesContract(lastWrite(`/api/openstack-snapshots/${erred.uuid}/`));
    getBackend().clock.advance(TIMING.firstTaskMs + settleAfterMs('delete'));
    await vi.advanceTimersByTimeAsync(LIVE_MIN_MS * 2);
    expect(await screen.findByText('This snapshot no longer exists')).toBeInTheDocument();
  });
});
