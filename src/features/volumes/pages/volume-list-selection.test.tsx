import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';

// Selecting volumes for a bulk action: ticked rows across pages, or every volume matching the view.

describe('selection', () => {
  it('selecting every row on a page offers all N matching; a bulk action then plans over all of them', async () => {
    const { user } = renderApp('/volumes?state=OK&size=10');
    const table = await screen.findByRole('table');
    await user.click(
      within(table).getByRole('checkbox', { name: 'Select all volumes on this page' }),
    );
    // The selection's bar loads with the first selection.
    expect(await screen.findByText('10 volumes selected')).toBeInTheDocument();
    const ok = getBackend().db.volumes.filter((v) => v.state === 'OK');
    await user.click(screen.getByRole('button', { name: `Select all ${ok.length} matching` }));
    expect(screen.getByText(`All ${ok.length} matching volumes selected`)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Pull…' }));
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
    const all = getBackend().db.volumes.length;
    await screen.findByText(`Page 2 of ${Math.ceil(all / 10)}`);
    expect(await screen.findByText('1 volume selected')).toBeInTheDocument();

    await user.click(
      within(screen.getByRole('table')).getByRole('checkbox', {
        name: 'Select all volumes on this page',
      }),
    );
    await user.click(screen.getByRole('button', { name: `Select all ${all} matching` }));
    expect(screen.getByText(`All ${all} matching volumes selected`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Erred' }));
    // The ticked rows stay: one from page 1 and the ten of page 2.
    expect(await screen.findByText('11 volumes selected')).toBeInTheDocument();
    // Back to the filters "all matching" was chosen under: it stays dropped.
    await user.click(screen.getByRole('button', { name: 'Erred', pressed: true }));
    await screen.findByRole('button', { name: 'Erred', pressed: false });
    expect(screen.getByText('11 volumes selected')).toBeInTheDocument();
    expect(screen.queryByText(`All ${all} matching volumes selected`)).not.toBeInTheDocument();
  });
});
