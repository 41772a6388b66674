import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSeedDb } from '@/mocks/seed/seed';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';
import { TRANSITIONAL_STATES } from '../model/states';

// The list's views Waldur cannot filter (Stuck, Bootable): fetched by API filters, then narrowed
// in the browser, and paginated there.
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
