import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { VolumeRecord } from '@/mocks/db';
import { TEST_ORIGIN } from '@/mocks/node';
import { TIGHT_QUOTA_TENANT } from '@/mocks/seed/catalogue';
import { renderApp } from '../../../../test/render-app';
import { contract, getBackend, sentRequests, server } from '../../../../test/setup';

/**
 * Every action through the UI, as a user runs it: what is sent (checked against the request schemas
 * of openapi-subset.yaml: path, method, body, units), what the user sees after, and how each failure
 * is shown without losing input.
 */
function seedVolume(predicate: (v: VolumeRecord) => boolean): VolumeRecord {
  const found = getBackend().db.volumes.find(predicate);
  if (!found) throw new Error('no such seed volume');
  return found;
}

const okAvailable = (v: VolumeRecord) =>
  v.state === 'OK' &&
  v.runtime_state === 'available' &&
  !v.bootable &&
  v.backend_id !== null &&
  v.type_uuid !== null;

async function openAction(
  uuid: string,
  label: RegExp | string,
  options: Parameters<typeof renderApp>[1] = {},
) {
  const app = renderApp(`/volumes/${uuid}`, options);
  const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
  await waitFor(() =>
    expect(within(toolbar).getByRole('button', { name: label })).not.toHaveAttribute(
      'aria-disabled',
    ),
  );
  await app.user.click(within(toolbar).getByRole('button', { name: label }));
  return { ...app, dialog: await screen.findByRole('dialog') };
}

function lastWrite(suffix: string) {
  const writes = sentRequests().filter(
    (r) => r.method !== 'GET' && r.url.pathname.endsWith(suffix),
  );
  return writes[writes.length - 1];
}

function expectMatchesContract(request: { method: string; url: URL; body: unknown } | undefined) {
  expect(request).toBeDefined();
  if (contract)
    expect(contract.validateRequest(request!.method, request!.url.pathname, request!.body)).toEqual(
      [],
    );
}

describe('each action sends what the schema asks for', () => {
  it('edit sends only what changed, as a PATCH', async () => {
    const v = seedVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Edit…');
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'Moved to the new cluster');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite(`/api/openstack-volumes/${v.uuid}/`);
    expect(request?.method).toBe('PATCH');
    expect(request?.body).toEqual({ description: 'Moved to the new cluster' });
    expectMatchesContract(request);
    expect(await screen.findByText(`Changes to ${v.name} saved`)).toBeInTheDocument();
    expect(await screen.findAllByText(/Update scheduled/)).not.toHaveLength(0);
  });

  it('attach sends the instance’s URL', async () => {
    const v = seedVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Attach…');
    const choice = await within(dialog).findAllByRole('radio');
    const enabled = choice.find((radio) => !(radio as HTMLInputElement).disabled)!;
    await user.click(enabled);
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite('/attach/');
    expect(request?.method).toBe('POST');
    expect((request!.body as { instance: string }).instance).toMatch(
      new RegExp(`^${TEST_ORIGIN}/api/openstack-instances/[0-9a-f]{32}/$`),
    );
    expectMatchesContract(request);
    expect(await screen.findAllByText(/Attaching/)).not.toHaveLength(0);
  });

  it('detach confirms, naming the instance, and sends no body', async () => {
    const v = seedVolume((x) => x.state === 'OK' && x.runtime_state === 'in-use' && !x.bootable);
    const instance = getBackend().db.instances.find((i) => i.uuid === v.instance_uuid)!;
    const { user, dialog } = await openAction(v.uuid, 'Detach');
    expect(
      within(dialog).getByRole('heading', { name: `Detach ${v.name} from ${instance.name}?` }),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Detach' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite('/detach/');
    expect(request?.body).toBeUndefined();
    expectMatchesContract(request);
  });

  it('extend takes whole GiB, shows and sends MiB, and starts at the backend’s minimum', async () => {
    const v = seedVolume(
      (x) =>
        okAvailable(x) &&
        x.size % 1024 === 0 &&
        x.tenant_uuid !== getBackend().db.tenants[TIGHT_QUOTA_TENANT]!.uuid,
    );
    const before = v.size; // the backend saves the new size into this record
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const size = within(dialog).getByRole('spinbutton', { name: /New size \(GiB\)/ });
    expect(size).toHaveValue(before / 1024 + 1);
    await user.clear(size);
    await user.type(size, String(before / 1024 + 5));
    expect(
      within(dialog).getByText(`${(before + 5 * 1024).toLocaleString('en')} MiB`),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite('/extend/');
    expect(request?.body).toEqual({ disk_size: before + 5 * 1024 });
    expectMatchesContract(request);
  });

  it('extend cannot shrink, and its minimum is the current size + 1 GiB rounded up', async () => {
    const v = seedVolume((x) => okAvailable(x) && x.size % 1024 !== 0);
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const min = Math.ceil((v.size + 1024) / 1024);
    const size = within(dialog).getByRole('spinbutton', { name: /New size \(GiB\)/ });
    expect(size).toHaveValue(min);
    await user.clear(size);
    await user.type(size, '1');
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(await within(dialog).findByText(/can’t shrink or stay the same/)).toBeInTheDocument();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    expect(lastWrite('/extend/')).toBeUndefined();
  });

  it('retype offers the tenant’s other types, shows the current one, and sends the type’s URL', async () => {
    const v = seedVolume(okAvailable);
    const current = getBackend().db.volume_types.find((t) => t.uuid === v.type_uuid)!;
    const { user, dialog } = await openAction(v.uuid, 'Retype…');
    expect(within(dialog).getByText(current.name)).toBeInTheDocument();
    const radios = await within(dialog).findAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(
      within(dialog).queryByRole('radio', { name: new RegExp(`^${current.name}`) }),
    ).not.toBeInTheDocument();
    await user.click(radios[0]!);
    await user.click(within(dialog).getByRole('button', { name: 'Retype' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite('/retype/');
    expect((request!.body as { type: string }).type).toMatch(
      /\/api\/openstack-volume-types\/[0-9a-f]{32}\/$/,
    );
    expectMatchesContract(request);
  });

  it('snapshot has a default name, and sends retention as an ISO date and metadata as an object', async () => {
    const v = seedVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Create snapshot…');
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    expect((name as HTMLInputElement).value).toMatch(new RegExp(`^${v.name}-snap-\\d{8}-\\d{4}$`));
    const future = new Date(Date.now() + 7 * 86_400_000);
    const local = `${future.getFullYear()}-${String(future.getMonth() + 1).padStart(2, '0')}-${String(future.getDate()).padStart(2, '0')}T10:30`;
    await user.type(within(dialog).getByLabelText(/Keep until/), local);
    await user.click(within(dialog).getByRole('button', { name: 'Add metadata' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Key 1' }), 'ticket');
    await user.type(within(dialog).getByRole('textbox', { name: 'Value 1' }), 'OPS-42');
    await user.click(within(dialog).getByRole('button', { name: 'Create snapshot' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const request = lastWrite('/snapshot/');
    const body = request!.body as { name: string; kept_until: string; metadata: unknown };
    expect(body.metadata).toEqual({ ticket: 'OPS-42' });
    expect(new Date(body.kept_until).getTime()).toBe(new Date(local).getTime());
    expect(body.kept_until).toMatch(/Z$/);
    expectMatchesContract(request);
    expect(await screen.findByRole('cell', { name: /Creation scheduled/ })).toBeInTheDocument();
  });

  it('pull runs at once, without a form', async () => {
    const v = seedVolume((x) => x.state === 'ERRED' && x.backend_id !== null);
    const { user } = renderApp(`/volumes/${v.uuid}`);
    const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
    await user.click(within(toolbar).getByRole('button', { name: 'Pull' }));
    expect(await screen.findByText(`Pull of ${v.name} scheduled`)).toBeInTheDocument();
    const request = lastWrite('/pull/');
    expectMatchesContract(request);
  });

  it('unlink asks for the volume’s name, then leaves for the list', async () => {
    const v = seedVolume((x) => x.state === 'DELETING');
    const { user, dialog, location } = await openAction(v.uuid, 'Unlink…');
    expect(within(dialog).getByText(/removes the record from Waldur only/i)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Unlink from Waldur' }));
    expect(
      await within(dialog).findByText(`Type ${v.name} exactly to confirm`),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), v.name);
    await user.click(within(dialog).getByRole('button', { name: 'Unlink from Waldur' }));
    await waitFor(() => expect(location()).toBe('/volumes'));
    expectMatchesContract(lastWrite('/unlink/'));
    expect(getBackend().db.volumes.some((x) => x.uuid === v.uuid)).toBe(false);
  });
});

describe('failures keep the evidence and the input', () => {
  it('400 field errors land on their field', async () => {
    const v = seedVolume(okAvailable);
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
    await user.clear(name);
    await user.type(name, 'duplicate-name');
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
    const v = seedVolume((x) => okAvailable(x) && x.tenant_uuid === tenant.uuid);
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const size = within(dialog).getByRole('spinbutton', { name: /New size/ });
    await user.clear(size);
    await user.type(size, String(Math.ceil(v.size / 1024) + 50));
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Waldur did not accept this');
    expect(alert).toHaveTextContent(/One or more quotas were exceeded: storage quota limit/);
    expect(size).toHaveValue(Math.ceil(v.size / 1024) + 50);
  });

  it('a 409 shows the server’s reason and refreshes the volume', async () => {
    const v = seedVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Create snapshot…');
    // Someone else starts an operation on the volume meanwhile.
    getBackend().scheduleVolumeOperation(
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
    const v = seedVolume(okAvailable);
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

  it('a 500 (Django’s HTML page) and a network failure say so; submitting again retries with the input kept', async () => {
    const v = seedVolume(okAvailable);
    const target = Math.ceil(v.size / 1024) + 3;
    let failures = 2;
    server.use(
      http.post(`${TEST_ORIGIN}/api/openstack-volumes/:uuid/extend/`, () => {
        failures -= 1;
        if (failures === 1) {
          return new HttpResponse('<html><title>Server Error (500)</title></html>', {
            status: 500,
            headers: { 'Content-Type': 'text/html' },
          });
        }
        if (failures === 0) return HttpResponse.error();
        return undefined;
      }),
    );
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const size = within(dialog).getByRole('spinbutton', { name: /New size/ });
    await user.clear(size);
    await user.type(size, String(target));
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Waldur failed to handle the request (HTTP 500)',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(await within(dialog).findByText('Could not reach Waldur')).toBeInTheDocument();
    expect(size).toHaveValue(target);
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(getBackend().db.volumes.find((x) => x.uuid === v.uuid)!.size).toBe(target * 1024);
  });

  it('a second click cannot send a second request', async () => {
    const v = seedVolume(okAvailable);
    let calls = 0;
    server.use(
      http.post(`${TEST_ORIGIN}/api/openstack-volumes/:uuid/detach/`, async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 150));
        return HttpResponse.json({ status: 'detach was scheduled' }, { status: 202 });
      }),
    );
    const attached = seedVolume(
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
    const v = seedVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Edit…');
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await user.clear(description);
    await user.type(description, 'half-written note');
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

describe('gating like the backend, with the reason', () => {
  async function reasonOf(
    uuid: string,
    label: string,
    options: Parameters<typeof renderApp>[1] = {},
  ) {
    renderApp(`/volumes/${uuid}`, options);
    const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
    const button = within(toolbar).getByRole('button', { name: new RegExp(`^${label}`) });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    return button.getAttribute('aria-describedby')
      ? document.getElementById(button.getAttribute('aria-describedby')!)!.textContent
      : null;
  }

  it('extend of a volume on a running instance: stop the instance first', async () => {
    const db = getBackend().db;
    const v = seedVolume(
      (x) =>
        x.state === 'OK' &&
        x.runtime_state === 'in-use' &&
        !x.bootable &&
        db.instances.find((i) => i.uuid === x.instance_uuid)?.runtime_state === 'ACTIVE',
    );
    const instance = db.instances.find((i) => i.uuid === v.instance_uuid)!;
    expect(await reasonOf(v.uuid, 'Extend')).toMatch(
      new RegExp(`^Stop instance ${instance.name} first`),
    );
  });

  it('detach of a boot volume', async () => {
    const boot = seedVolume((x) => x.bootable && x.state === 'OK' && x.runtime_state === 'in-use');
    expect(await reasonOf(boot.uuid, 'Detach')).toMatch(/boot volume/i);
  });

  it('retype and attach of an attached volume: detach it first', async () => {
    const attached = seedVolume(
      (x) => !x.bootable && x.state === 'OK' && x.runtime_state === 'in-use',
    );
    const instance = getBackend().db.instances.find((i) => i.uuid === attached.instance_uuid)!;
    expect(await reasonOf(attached.uuid, 'Retype')).toBe(
      `Only detached volumes can be retyped. Detach it from ${instance.name} first.`,
    );
    const toolbar = screen.getByRole('toolbar', { name: /actions for/i });
    const attach = within(toolbar).getByRole('button', { name: /^Attach/ });
    expect(document.getElementById(attach.getAttribute('aria-describedby')!)).toHaveTextContent(
      `It is attached to ${instance.name}. Detach it first.`,
    );
  });

  it('anything but pull on an erred volume: pull it first', async () => {
    const erred = seedVolume((x) => x.state === 'ERRED');
    expect(await reasonOf(erred.uuid, 'Create snapshot')).toMatch(/erred\. Pull it to re-sync/);
  });

  it('pull without a backend ID: nothing in OpenStack to pull from', async () => {
    const noBackend = seedVolume((x) => x.state === 'OK' && x.backend_id === null);
    expect(await reasonOf(noBackend.uuid, 'Pull')).toMatch(/no backend ID yet/);
  });

  it('a support user sees every action disabled as read-only, and no unlink', async () => {
    const v = seedVolume(okAvailable);
    expect(await reasonOf(v.uuid, 'Edit', { persona: 'support' })).toMatch(
      /Support users have read-only access/,
    );
    const toolbar = screen.getByRole('toolbar', { name: /actions for/i });
    expect(within(toolbar).queryByRole('button', { name: /Unlink/ })).not.toBeInTheDocument();
  });
});
