import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { getBackend, skipResponseContractCheck } from '../../../../test/setup';
import { TRANSITIONAL_STATES } from '../model/states';

// A Waldur from before the 2025 state renaming (contract-lifecycle E7) spells `state` "Erred",
// "Update Scheduled", … in its answers and accepts only that spelling in the `state` filter.
const LIST = '/api/openstack-volumes/';
const LEGACY_TRANSITIONAL = [
  'Creation Scheduled',
  'Creating',
  'Update Scheduled',
  'Updating',
  'Deletion Scheduled',
  'Deleting',
];

function legacyServer() {
  getBackend().legacyStates = true;
  // Its answers are not today's schema (the enum changed), which is the point.
  skipResponseContractCheck();
}

const stateFilters = () =>
  requestsTo(LIST)
    .map((p) => p.getAll('state'))
    .filter((states) => states.length > 0);

describe('a server with the old state spelling', () => {
  it('the Erred preset sends state=Erred once it has seen the server spell a state that way', async () => {
    legacyServer();
    const { user } = renderApp('/volumes');
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Erred' }));
    const erred = getBackend().db.volumes.filter((v) => v.state === 'ERRED').length;
    await waitFor(() =>
      expect(screen.getAllByText('Erred', { selector: '.badge' })).toHaveLength(
        Math.min(erred, 25),
      ),
    );
    // The first page showed "Erred"/"Creating" states, so no request went out in the new spelling.
    expect(stateFilters()).toEqual([['Erred']]);
  });

  it('a bookmarked filter learns the spelling from the 400, asks again, and keeps to it', async () => {
    legacyServer();
    const { user } = renderApp('/volumes?state=ERRED');
    const table = await screen.findByRole('table');
    await waitFor(() =>
      expect(within(table).getAllByText('Erred', { selector: '.badge' }).length).toBeGreaterThan(0),
    );
    expect(screen.queryByText('Could not load volumes')).not.toBeInTheDocument();
    expect(stateFilters()).toEqual([['ERRED'], ['Erred']]);

    // The in-progress preset (several states) goes out in the old spelling straight away.
    await user.click(screen.getByRole('button', { name: 'In progress' }));
    await waitFor(() => expect(stateFilters()).toHaveLength(3));
    expect([...stateFilters()[2]!].sort()).toEqual([...LEGACY_TRANSITIONAL].sort());
  });

  it('a saved view with states opens on the old server as on a new one', async () => {
    legacyServer();
    const state = TRANSITIONAL_STATES.map((s) => `state=${s}`).join('&');
    localStorage.setItem(
      'volume-console:saved-views',
      JSON.stringify([{ name: 'Busy', search: state }]),
    );
    const { user, location } = renderApp('/volumes');
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: /^Views/ }));
    await user.click(await screen.findByRole('link', { name: 'Busy' }));
    await waitFor(() => expect(location()).toContain('state=UPDATING'));
    const busy = getBackend().db.volumes.filter((v) => v.state !== 'OK' && v.state !== 'ERRED');
    await waitFor(() =>
      expect(screen.getAllByText(new RegExp(`of ${busy.length} volumes$`)).length).toBeGreaterThan(
        0,
      ),
    );
    expect(screen.queryByText('Could not load volumes')).not.toBeInTheDocument();
    expect(
      stateFilters()
        .at(-1)!
        .every((s) => LEGACY_TRANSITIONAL.includes(s)),
    ).toBe(true);
  });
});
