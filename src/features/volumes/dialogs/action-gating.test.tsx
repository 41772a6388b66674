import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoVolume } from '../../../../test/demo-api';
import { renderApp } from '../../../../test/render-app';
import { okAvailableTyped as okAvailable } from '../../../../test/seed-queries';
import { getBackend } from '../../../../test/setup';

// Actions a volume cannot take now stay visible, disabled, with the reason the backend would give
// and what to do about it.
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

  const toolbarButton = (label: string) =>
    within(screen.getByRole('toolbar', { name: /actions for/i })).getByRole('button', {
      name: new RegExp(`^${label}`),
    });
  /** The reason shown for a disabled action of the page already rendered. */
  const reasonIn = (label: string) => {
    const button = toolbarButton(label);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    return document.getElementById(button.getAttribute('aria-describedby')!)?.textContent;
  };

  it('extend of a volume on a running instance: stop the instance first', async () => {
    const db = getBackend().db;
    const v = demoVolume(
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
    const boot = demoVolume((x) => x.bootable && x.state === 'OK' && x.runtime_state === 'in-use');
    expect(await reasonOf(boot.uuid, 'Detach')).toMatch(/boot volume/i);
  });

  it('retype and attach of an attached volume: detach it first', async () => {
    const attached = demoVolume(
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

  it('every action but pull on a detached erred volume says to pull it first; pull is offered', async () => {
    const erred = demoVolume(
      (x) =>
        x.state === 'ERRED' &&
        x.runtime_state === 'available' &&
        x.backend_id !== null &&
        !x.bootable &&
        x.instance_uuid === null,
    );
    expect(await reasonOf(erred.uuid, 'Edit')).toMatch(/erred\. Pull it to re-sync/);
    for (const label of ['Attach', 'Extend', 'Retype', 'Create snapshot']) {
      expect(reasonIn(label), label).toMatch(/erred\. Pull it to re-sync/);
    }
    // Detach has a reason of its own: nothing is attached.
    expect(reasonIn('Detach')).toBe('The volume is not attached to an instance.');
    expect(toolbarButton('Pull')).not.toHaveAttribute('aria-disabled');
  });

  it('pull without a backend ID: nothing in OpenStack to pull from', async () => {
    const noBackend = demoVolume((x) => x.state === 'OK' && x.backend_id === null);
    expect(await reasonOf(noBackend.uuid, 'Pull')).toMatch(/no backend ID yet/);
  });

  it('a support user sees every action disabled as read-only, and no unlink', async () => {
    const v = demoVolume(okAvailable);
    expect(await reasonOf(v.uuid, 'Edit', { persona: 'support' })).toMatch(
      /Support users have read-only access/,
    );
    const toolbar = screen.getByRole('toolbar', { name: /actions for/i });
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Edit…',
      'Attach…',
      'Detach',
      'Extend…',
      'Retype…',
      'Create snapshot…',
      'Pull',
      'Delete…',
    ]);
    for (const button of buttons) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(reasonIn(button.textContent!.replace('…', ''))).toMatch(
        /Support users have read-only access/,
      );
    }
  });
});
