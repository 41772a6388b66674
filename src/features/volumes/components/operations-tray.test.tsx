import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_ORIGIN } from '@/mocks/node';
import { openAction } from '../../../../test/action-dialogs';
import { demoVolume } from '../../../../test/demo-api';
import { retype } from '../../../../test/render-app';
import { okAvailableTyped as okAvailable } from '../../../../test/seed-queries';
import { server, skipResponseContractCheck } from '../../../../test/setup';
import { LIVE_MAX_MS } from '../model/live';

// What the tray concludes from a 404 while it follows an operation: Waldur's own 404 (JSON with a
// `detail`) means the volume is gone; a bare 404 from something in between (a proxy, a static
// server, a demo worker restarting) means nothing, and the tray keeps following.
afterEach(() => {
  vi.useRealTimers();
});

describe('the operations tray and a 404', () => {
  it('a 404 without Waldur’s detail leaves the operation followed; Waldur’s own 404 says it is gone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    skipResponseContractCheck(); // the bare 404 is not Waldur's
    const v = demoVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Extend…', { advanceTimers: true });
    await retype(
      user,
      within(dialog).getByRole('spinbutton', { name: /New size/ }),
      String(Math.ceil(v.size / 1024) + 1),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const tray = await screen.findByRole('complementary', { name: 'Operations' });
    const entry = () =>
      within(tray)
        .getAllByRole('listitem', { hidden: true })
        .find((item) => item.textContent?.startsWith(`Extend of ${v.name}`))!;

    const path = `${TEST_ORIGIN}/api/openstack-volumes/${v.uuid}/`;
    server.use(http.get(path, () => new HttpResponse(null, { status: 404 })));
    await vi.advanceTimersByTimeAsync(LIVE_MAX_MS * 2);
    expect(entry()).toHaveTextContent('Scheduled');
    expect(entry()).not.toHaveTextContent('Gone');

    server.use(
      http.get(path, () =>
        HttpResponse.json({ detail: 'No Volume matches the given query.' }, { status: 404 }),
      ),
    );
    await vi.advanceTimersByTimeAsync(LIVE_MAX_MS * 2);
    await waitFor(() => expect(entry()).toHaveTextContent('Gone'));
  });
});
