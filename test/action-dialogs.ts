// Helpers for tests that run volume actions through the UI: open a volume's page, press one of its
// actions once it is enabled, wait for the dialog's code where it loads, and check what was sent.
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { loadDialog } from '@/features/volumes/state/dialogs';
import { renderApp } from './render-app';
import { contract, getBackend, sentRequests } from './setup';

/** The volume's page, with the action's dialog open. */
export async function openAction(
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
  // The dialogs are a lazy chunk: wait for it to load, not for a timeout to pass.
  await loadDialog('action');
  return { ...app, dialog: await screen.findByRole('dialog') };
}

/** The last request that changed something at a path ending with `suffix`. */
export function lastWrite(suffix: string) {
  const writes = sentRequests().filter(
    (r) => r.method !== 'GET' && r.url.pathname.endsWith(suffix),
  );
  return writes[writes.length - 1];
}

/** The request exists and matches the request schema of Waldur's OpenAPI document. */
export function expectMatchesContract(
  request: { method: string; url: URL; body: unknown } | undefined,
) {
  expect(request).toBeDefined();
  expect(contract.validateRequest(request!.method, request!.url.pathname, request!.body)).toEqual(
    [],
  );
}

/**
 * "New volume" opened from the list filtered by the project of the `tenantIndex`th tenant: the
 * project comes from the filter, and its one offering is chosen for the user.
 */
export async function openCreateForm(
  options: Parameters<typeof renderApp>[1] = {},
  tenantIndex = 0,
) {
  const db = getBackend().db;
  const tenant = db.tenants[tenantIndex]!;
  const project = db.projects.find((p) => p.uuid === tenant.project_uuid)!;
  const app = renderApp(`/volumes?project=${project.uuid}`, options);
  await app.user.click(await screen.findByRole('button', { name: 'New volume' }));
  await loadDialog('create');
  const dialog = await screen.findByRole('dialog', { name: 'New volume' });
  await waitFor(() =>
    expect(within(dialog).getByRole('combobox', { name: 'Where (required)' })).toHaveValue(
      db.offerings.find((o) => o.tenant_uuid === tenant.uuid && o.type === 'OpenStack.Volume')!
        .uuid,
    ),
  );
  return { ...app, dialog, tenant, project };
}
