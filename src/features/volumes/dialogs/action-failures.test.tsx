import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_DELAYS_MS } from '@/lib/writes';
import { TEST_ORIGIN } from '@/mocks/node';
import { TIGHT_QUOTA_TENANT } from '@/mocks/seed/catalogue';
import { openAction } from '../../../../test/action-dialogs';
import { demoVolume } from '../../../../test/demo-api';
import { loseAnswersTo } from '../../../../test/lost-answers';
import { retype } from '../../../../test/render-app';
import { okAvailableTyped as okAvailable } from '../../../../test/seed-queries';
import { getBackend, sentRequests, server } from '../../../../test/setup';

// How each failure of an action is shown: a 400's field errors on their fields, everything else at
// the top of the form with the evidence, and the input kept for another try.
describe('failures keep the evidence and the input', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('400 field errors land on their field', async () => {
    const v = demoVolume(okAvailable);
    server.use(
      http.patch(`${TEST_ORIGIN}/api/openstack-volumes/:uuid/`, () =>
        HttpResponse.json(
          { name: ['A volume with this name already exists in the project.'] },
          { status: 400 },
        ),
      ),
    );
    const { user, dialog } = await openAction(v.uuid, 'Edit…');
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    await retype(user, name, 'duplicate-name');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('A volume with this name already exists in the project.'),
    ).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    expect(name).toHaveValue('duplicate-name');
  });

  it('a quota error (a bare list) shows at the top of the form; the size typed stays', async () => {
    const tenant = getBackend().db.tenants[TIGHT_QUOTA_TENANT]!;
    const v = demoVolume((x) => okAvailable(x, getBackend().db) && x.tenant_uuid === tenant.uuid);
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const size = within(dialog).getByRole('spinbutton', { name: /New size/ });
    // It fits the quota the dialog read; then the provider lowers the limit before it is sent.
    await within(dialog).findByRole('region', { name: `Quotas of ${tenant.name}` });
    await retype(user, size, String(Math.ceil(v.size / 1024) + 2));
    expect(within(dialog).getByRole('button', { name: 'Extend' })).not.toHaveAttribute(
      'aria-disabled',
    );
    tenant.quota_limits.storage = 1024;
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Waldur did not accept this');
    expect(alert).toHaveTextContent(/One or more quotas were exceeded: storage quota limit/);
    expect(size).toHaveValue(Math.ceil(v.size / 1024) + 2);
  });

  it('a 409 shows the server’s reason and refreshes the volume', async () => {
    const v = demoVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Create snapshot…');
    // Someone else starts an operation on the volume meanwhile.
    getBackend().tasks.scheduleVolumeOperation(
      getBackend().db.volumes.find((x) => x.uuid === v.uuid)!,
      'pull',
      'Pull',
      {},
    );
    server.use(
      http.post(`${TEST_ORIGIN}/api/openstack-volumes/:uuid/snapshot/`, () =>
        HttpResponse.json({ detail: 'Valid states for operation: OK.' }, { status: 409 }),
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create snapshot' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Valid states for operation: OK.');
    expect(alert).toHaveTextContent('refreshed');
    expect(await screen.findByText('Pulling…')).toBeInTheDocument();
  });

  it.each([
    [
      403,
      { detail: 'You do not have permission to perform this action.' },
      /do not have permission/,
    ],
    [404, { detail: 'No Volume matches the given query.' }, /no longer exists/],
  ])('a %s is said plainly', async (status, body, message) => {
    const v = demoVolume(okAvailable);
    server.use(
      http.post(`${TEST_ORIGIN}/api/openstack-volumes/:uuid/retype/`, () =>
        HttpResponse.json(body, { status }),
      ),
    );
    const { user, dialog } = await openAction(v.uuid, 'Retype…');
    await user.click((await within(dialog).findAllByRole('radio'))[0]!);
    await user.click(within(dialog).getByRole('button', { name: 'Retype' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
  });

  it('a 500 (Django’s HTML page) says so; submitting again retries with the input kept', async () => {
    const v = demoVolume(okAvailable);
    const target = Math.ceil(v.size / 1024) + 3;
    let failures = 1;
    server.use(
      http.post(`${TEST_ORIGIN}/api/openstack-volumes/:uuid/extend/`, () => {
        if (failures-- <= 0) return undefined;
        return new HttpResponse('<html><title>Server Error (500)</title></html>', {
          status: 500,
          headers: { 'Content-Type': 'text/html' },
        });
      }),
    );
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const size = within(dialog).getByRole('spinbutton', { name: /New size/ });
    await retype(user, size, String(target));
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Waldur failed to handle the request (HTTP 500)',
    );
    expect(size).toHaveValue(target);
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(getBackend().db.volumes.find((x) => x.uuid === v.uuid)!.size).toBe(target * 1024);
  });

  it('an answer lost after Waldur accepted: the volume is re-read, the dialog closes, nothing is sent twice', async () => {
    const v = demoVolume(okAvailable);
    const target = Math.ceil(v.size / 1024) + 2;
    loseAnswersTo(`/api/openstack-volumes/${v.uuid}/extend/`, { reachWaldur: true });
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const size = within(dialog).getByRole('spinbutton', { name: /New size/ });
    await retype(user, size, String(target));
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentRequests().filter((r) => r.url.pathname.endsWith('/extend/'))).toHaveLength(1);
    expect(getBackend().db.volumes.find((x) => x.uuid === v.uuid)!.size).toBe(target * 1024);
    const notices = await screen.findByRole('region', { name: 'Notifications' });
    expect(
      await within(notices).findByText(`Extend of ${v.name} to ${target} GiB scheduled`),
    ).toBeInTheDocument();
  });

  it('an answer lost before Waldur got it: unknown, with Check again and Send again, the input kept', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const v = demoVolume(okAvailable);
    const target = Math.ceil(v.size / 1024) + 2;
    const lose = loseAnswersTo(`/api/openstack-volumes/${v.uuid}/extend/`, {
      reachWaldur: false,
    });
    const { user, dialog } = await openAction(v.uuid, 'Extend…', { advanceTimers: true });
    const size = within(dialog).getByRole('spinbutton', { name: /New size/ });
    await retype(user, size, String(target));
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(
      await within(dialog).findByText(/Checking whether it received the request/),
    ).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(CHECK_DELAYS_MS.reduce((a, b) => a + b, 0));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('it is unknown whether Waldur received this');
    expect(size).toHaveValue(target);
    const extends_ = () => sentRequests().filter((r) => r.url.pathname.endsWith('/extend/'));
    expect(extends_()).toHaveLength(1); // never sent again by itself

    await user.click(within(alert).getByRole('button', { name: 'Check again' }));
    expect(await within(dialog).findByText(/still does not show it/)).toBeInTheDocument();
    expect(extends_()).toHaveLength(1);

    lose.stop();
    await user.click(within(alert).getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(extends_()).toHaveLength(2);
    expect(getBackend().db.volumes.find((x) => x.uuid === v.uuid)!.size).toBe(target * 1024);
  });

  it('a second click cannot send a second request', async () => {
    const v = demoVolume(okAvailable);
    let calls = 0;
    server.use(
      http.post(`${TEST_ORIGIN}/api/openstack-volumes/:uuid/detach/`, async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 150));
        return HttpResponse.json({ status: 'detach was scheduled' }, { status: 202 });
      }),
    );
    const attached = demoVolume(
      (x) => x.state === 'OK' && x.runtime_state === 'in-use' && !x.bootable && x.uuid !== v.uuid,
    );
    const { user, dialog } = await openAction(attached.uuid, 'Detach');
    const button = within(dialog).getByRole('button', { name: 'Detach' });
    await user.click(button);
    await user.click(button);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls).toBe(1);
  });

  it('closing a dialog by mistake keeps what was typed for when it is reopened', async () => {
    const v = demoVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Edit…');
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await retype(user, description, 'half-written note');
    // Escape is the browser's (covered in Chromium); here the Cancel button closes it by mistake.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const toolbar = screen.getByRole('toolbar', { name: /actions for/i });
    await user.click(within(toolbar).getByRole('button', { name: 'Edit…' }));
    const reopened = await screen.findByRole('dialog');
    expect(within(reopened).getByRole('textbox', { name: 'Description' })).toHaveValue(
      'half-written note',
    );
  });
});
