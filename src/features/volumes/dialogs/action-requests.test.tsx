import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '@/mocks/node';
import { TIGHT_QUOTA_TENANT } from '@/mocks/seed/catalogue';
import { expectMatchesContract, lastWrite, openAction } from '../../../../test/action-dialogs';
import { demoVolume } from '../../../../test/demo-api';
import { renderApp, retype } from '../../../../test/render-app';
import { okAvailableTyped as okAvailable } from '../../../../test/seed-queries';
import { getBackend } from '../../../../test/setup';

// Every action through the UI, as a user runs it: what is sent (checked against the request schemas
// of openapi-subset.yaml: path, method, body, units) and what the user sees after.
describe('each action sends what the schema asks for', () => {
  it('edit sends only what changed, as a PATCH', async () => {
    const v = demoVolume(okAvailable);
    const { user, dialog } = await openAction(v.uuid, 'Edit…');
    const description = within(dialog).getByRole('textbox', { name: 'Description' });
    await retype(user, description, 'Moved to the new cluster');
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
    const v = demoVolume(okAvailable);
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
    const v = demoVolume((x) => x.state === 'OK' && x.runtime_state === 'in-use' && !x.bootable);
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
    const v = demoVolume(
      (x) =>
        okAvailable(x, getBackend().db) &&
        x.size % 1024 === 0 &&
        x.tenant_uuid !== getBackend().db.tenants[TIGHT_QUOTA_TENANT]!.uuid,
    );
    const before = v.size; // the backend saves the new size into this record
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const size = within(dialog).getByRole('spinbutton', { name: /New size \(GiB\)/ });
    expect(size).toHaveValue(before / 1024 + 1);
    await retype(user, size, String(before / 1024 + 5));
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
    const v = demoVolume((x) => okAvailable(x, getBackend().db) && x.size % 1024 !== 0);
    const { user, dialog } = await openAction(v.uuid, 'Extend…');
    const min = Math.ceil((v.size + 1024) / 1024);
    const size = within(dialog).getByRole('spinbutton', { name: /New size \(GiB\)/ });
    expect(size).toHaveValue(min);
    await retype(user, size, '1');
    await user.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(await within(dialog).findByText(/can’t shrink or stay the same/)).toBeInTheDocument();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    expect(lastWrite('/extend/')).toBeUndefined();
  });

  it('retype offers the tenant’s other types, shows the current one, and sends the type’s URL', async () => {
    const v = demoVolume(okAvailable);
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
    const v = demoVolume(okAvailable);
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
    const v = demoVolume((x) => x.state === 'ERRED' && x.backend_id !== null);
    const { user } = renderApp(`/volumes/${v.uuid}`);
    const toolbar = await screen.findByRole('toolbar', { name: /actions for/i });
    await user.click(within(toolbar).getByRole('button', { name: 'Pull' }));
    expect(await screen.findByText(`Pull of ${v.name} scheduled`)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const request = lastWrite('/pull/');
    expectMatchesContract(request);
  });

  it('unlink asks for the volume’s name, then leaves for the list', async () => {
    const v = demoVolume((x) => x.state === 'DELETING');
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
