import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSeedDb } from '@/mocks/seed/seed';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';
import { TRANSITIONAL_STATES } from '../model/states';

const LIST = '/api/openstack-volumes/';
const TRANSITIONAL = new Set<string>(TRANSITIONAL_STATES);

describe('views Waldur cannot filter, filtered in the browser', () => {
  it('Stuck: transitional states from the API, then only those last modified over 30 minutes ago', async () => {
    // "30 minutes ago" is the browser's clock: seed the data relative to it, not to the frozen one.
    getBackend().reset(createSeedDb(Date.now()));
    const stuck = getBackend()
      .db.volumes.filter(
        (v) => TRANSITIONAL.has(v.state) && Date.parse(v.modified) < Date.now() - 30 * 60_000,
      )
      .map((v) => v.name)
      .sort();
    expect(stuck.length).toBeGreaterThan(3);
    renderApp('/volumes?stuck=1&size=100');
    const table = await screen.findByRole('table');
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('rowheader')
          .map((c) => c.textContent)
          .sort(),
      ).toEqual(stuck),
    );
    const request = requestsTo(LIST).find((p) => p.get('page_size') === '300')!;
    expect(new Set(request.getAll('state'))).toEqual(TRANSITIONAL);
    expect(request.getAll('field')).toContain('modified');
    expect(screen.getByText(/Waldur has no such filter/)).toBeInTheDocument();
  });

  it('Bootable: only boot volumes, paginated in the browser', async () => {
    const bootable = getBackend().db.volumes.filter((v) => v.bootable).length;
    renderApp('/volumes?bootable=yes&size=10');
    expect(await screen.findByText(`1–10 of ${bootable} volumes`)).toBeInTheDocument();
    expect(screen.getByText(`Page 1 of ${Math.ceil(bootable / 10)}`)).toBeInTheDocument();
  });
});

describe('selection', () => {
  it('selecting every row on a page offers all N matching; a bulk action then plans over all of them', async () => {
    const { user } = renderApp('/volumes?state=OK&size=10');
    const table = await screen.findByRole('table');
    await user.click(
      within(table).getByRole('checkbox', { name: 'Select all volumes on this page' }),
    );
    expect(screen.getByText('10 volumes selected')).toBeInTheDocument();
    const ok = getBackend().db.volumes.filter((v) => v.state === 'OK');
    await user.click(screen.getByRole('button', { name: `Select all ${ok.length} matching` }));
    expect(screen.getByText(`All ${ok.length} matching volumes selected`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pull…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pull volumes' });
    const eligible = ok.filter((v) => v.backend_id !== null).length;
    expect(await within(dialog).findByText(`${eligible} of ${ok.length}`)).toBeInTheDocument();
    expect(within(dialog).getAllByText(/^Skipped: The volume has no backend ID yet/)).toHaveLength(
      ok.length - eligible,
    );
  });

  it('a row selection survives paging; changing the filters drops "all matching" but keeps ticked rows', async () => {
    const { user } = renderApp('/volumes?size=10');
    const table = await screen.findByRole('table');
    const first = within(table).getAllByRole('rowheader')[0]!.textContent!;
    await user.click(within(table).getByRole('checkbox', { name: `Select ${first}` }));
    await user.click(screen.getByRole('button', { name: /^Next/ }));
    await screen.findByText('Page 2 of 25');
    expect(screen.getByText('1 volume selected')).toBeInTheDocument();

    await user.click(
      within(screen.getByRole('table')).getByRole('checkbox', {
        name: 'Select all volumes on this page',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Select all 250 matching' }));
    expect(screen.getByText('All 250 matching volumes selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Erred' }));
    expect(await screen.findByText('11 volumes selected')).toBeInTheDocument();
  });
});

describe('facet counts', () => {
  it('are fetched only when the state filter is opened, one page_size=1 request per state, under the other filters', async () => {
    const { user } = renderApp('/volumes?runtime=in-use');
    await screen.findByRole('table');
    const counts = () => requestsTo(LIST).filter((p) => p.get('page_size') === '1');
    expect(counts()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: /^State:/ }));
    const inUseOk = getBackend().db.volumes.filter(
      (v) => v.state === 'OK' && v.runtime_state === 'in-use',
    ).length;
    expect(await screen.findByRole('checkbox', { name: `OK (${inUseOk})` })).toBeInTheDocument();
    expect(counts()).toHaveLength(8);
    expect(
      counts().every((p) => p.get('runtime_state') === 'in-use' && p.getAll('state').length === 1),
    ).toBe(true);
  });
});
