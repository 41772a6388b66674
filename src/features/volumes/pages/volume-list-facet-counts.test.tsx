import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { getBackend } from '../../../../test/setup';
import { TRANSITIONAL_STATES } from '../model/states';

// How many volumes each value of a filter would give, fetched only when the filter is opened.
const LIST = '/api/openstack-volumes/';
const _TRANSITIONAL = new Set<string>(TRANSITIONAL_STATES);

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
