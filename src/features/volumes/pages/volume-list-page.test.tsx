import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/mocks/handlers';
import { TEST_ORIGIN } from '@/mocks/node';
import { djangoServerErrorPage } from '@/mocks/responses';
import { renderApp, requestsTo } from '../../../../test/render-app';
import { getBackend, server, skipResponseContractCheck } from '../../../../test/setup';

const LIST = '/api/openstack-volumes/';

async function lastListRequest() {
  await waitFor(() => expect(requestsTo(LIST).length).toBeGreaterThan(0));
  const all = requestsTo(LIST);
  return all[all.length - 1]!;
}

function rowNames() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('volume list: URL → request', () => {
  it('asks for the first page with the default size, order and only the visible columns’ fields', async () => {
    renderApp('/volumes');
    expect(await screen.findByRole('table', { name: /volumes, page 1 of/i })).toBeInTheDocument();
    const params = await lastListRequest();
    expect(params.get('page')).toBeNull();
    expect(params.get('page_size')).toBe('25');
    expect(params.get('o')).toBeNull();
    expect(params.getAll('field').sort()).toEqual(
      [
        'action',
        'created',
        'device',
        'instance',
        'instance_name',
        'name',
        'project_name',
        'project_uuid',
        'runtime_state',
        'size',
        'state',
        'type_name',
        'url',
        'uuid',
      ].sort(),
    );
    expect(rowNames()).toHaveLength(25);
  });

  it('maps every filter to the contract’s parameter names and formats', async () => {
    const backend = getBackend();
    const project = backend.db.projects[0]!;
    const customer = backend.db.customers[0]!;
    const tenant = backend.db.tenants[0]!;
    const instance = backend.db.instances[0]!;
    const url =
      `/volumes?q=data&state=OK&state=ERRED&runtime=in-use&customer=${customer.uuid}&project=${project.uuid}` +
      `&tenant=${tenant.uuid}&instance=${instance.uuid}&zone=nova&sort=-size&page=1&size=50&cols=name,size`;
    renderApp(url);
    await screen.findByRole('heading', { name: 'Volumes' });
    const params = await lastListRequest();
    expect(params.get('name')).toBe('data');
    expect(params.getAll('state')).toEqual(['ERRED', 'OK']);
    expect(params.get('runtime_state')).toBe('in-use');
    expect(params.get('customer_uuid')).toBe(customer.uuid);
    expect(params.get('project_uuid')).toBe(project.uuid);
    expect(params.get('tenant_uuid')).toBe(tenant.uuid);
    expect(params.get('instance_uuid')).toBe(instance.uuid);
    expect(params.get('availability_zone_name')).toBe('nova');
    expect(params.get('o')).toBe('-size');
    expect(params.get('page_size')).toBe('50');
    expect(params.getAll('field').sort()).toEqual([
      'action',
      'name',
      'runtime_state',
      'size',
      'state',
      'url',
      'uuid',
    ]);
  });

  it('accepts dashed UUIDs in the address and sends Waldur’s 32-hex form', async () => {
    const project = getBackend().db.projects[1]!;
    const dashed = project.uuid.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    renderApp(`/volumes?project=${dashed}`);
    const params = await lastListRequest();
    expect(params.get('project_uuid')).toBe(project.uuid);
  });

  it('looks a pasted UUID up as a Waldur UUID, a Cinder ID and a name, and shows what matches', async () => {
    const volume = getBackend().db.volumes.find((v) => v.backend_id)!;
    const dashed = volume.uuid.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    renderApp(`/volumes?q=${dashed}`);
    expect(await screen.findByRole('link', { name: volume.name })).toBeInTheDocument();
    const lookups = requestsTo(LIST);
    expect(lookups.map((p) => p.get('uuid')).filter(Boolean)).toEqual([volume.uuid]);
    expect(lookups.map((p) => p.get('backend_id')).filter(Boolean)).toEqual([dashed]);
    expect(lookups.map((p) => p.get('name')).filter(Boolean)).toEqual([dashed]);
    expect(rowNames()).toEqual([volume.name]);
  });

  it('finds a volume by its Cinder (backend) ID', async () => {
    const volume = getBackend().db.volumes.find((v) => v.backend_id)!;
    renderApp(`/volumes?q=${volume.backend_id}`);
    expect(await screen.findByRole('link', { name: volume.name })).toBeInTheDocument();
    expect(rowNames()).toEqual([volume.name]);
  });

  it('ignores values in the address it cannot send (unknown states, malformed UUIDs, odd page sizes)', async () => {
    renderApp('/volumes?state=Erred&state=ERRED&project=not-a-uuid&size=7&page=abc&sort=nope');
    const params = await lastListRequest();
    expect(params.getAll('state')).toEqual(['ERRED']);
    expect(params.get('project_uuid')).toBeNull();
    expect(params.get('page_size')).toBe('25');
    expect(params.get('page')).toBeNull();
    expect(params.get('o')).toBeNull();
  });
});

describe('volume list: interactions → URL', () => {
  it('a preset writes the filter to the URL and the request', async () => {
    const { user, location } = renderApp('/volumes');
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Erred' }));
    await waitFor(() => expect(location()).toBe('/volumes?state=ERRED'));
    await waitFor(async () => expect((await lastListRequest()).getAll('state')).toEqual(['ERRED']));
    expect(screen.getByRole('button', { name: 'Erred' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() =>
      expect(screen.getAllByText('Erred', { selector: '.badge' }).length).toBe(12),
    );
  });

  it('sorting by a header sets o= and aria-sort, and a second click reverses it', async () => {
    const { user, location } = renderApp('/volumes');
    await screen.findByRole('table');
    const sizeHeader = () => screen.getByRole('columnheader', { name: /size/i });
    expect(sizeHeader()).toHaveAttribute('aria-sort', 'none');
    await user.click(within(sizeHeader()).getByRole('button'));
    await waitFor(() => expect(location()).toBe('/volumes?sort=size'));
    expect(sizeHeader()).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(sizeHeader()).getByRole('button'));
    await waitFor(() => expect(location()).toBe('/volumes?sort=-size'));
    expect(sizeHeader()).toHaveAttribute('aria-sort', 'descending');
    await waitFor(async () => expect((await lastListRequest()).get('o')).toBe('-size'));
  });

  it('a page past the end (an old link) lands on the last page', async () => {
    const { location } = renderApp('/volumes?page=99');
    await waitFor(() => expect(location()).toBe('/volumes?page=10'));
    expect(await screen.findByText('Page 10 of 10')).toBeInTheDocument();
    const pages = requestsTo(LIST).map((p) => p.get('page'));
    expect(pages).toContain('99');
    expect(pages).toContain('last');
  });

  it('says so when nothing matches, and offers to clear the filters', async () => {
    const { user, location } = renderApp('/volumes?q=no-such-volume-anywhere');
    expect(
      await screen.findByRole('heading', { name: 'No volumes match these filters' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(location()).toBe('/volumes'));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('volume list: filter labels', () => {
  it('labels customer and project filters from the address with their names, read by UUID', async () => {
    const backend = getBackend();
    const customer = backend.db.customers.find((c) => c.name === 'Cobalt Genomics')!;
    const project = backend.db.projects.find((p) => p.customer_uuid === customer.uuid)!;
    renderApp(`/volumes?customer=${customer.uuid}&project=${project.uuid}`);
    expect(await screen.findByText('Customer: Cobalt Genomics')).toBeInTheDocument();
    expect(await screen.findByText(`Project: ${project.name}`)).toBeInTheDocument();
    expect(requestsTo(`/api/customers/${customer.uuid}/`)).toHaveLength(1);
  });
});

describe('volume list: failures', () => {
  it('a refresh that fails keeps the list on screen, says so, and retries', async () => {
    const { user } = renderApp('/volumes');
    const table = await screen.findByRole('table');
    skipResponseContractCheck(); // Django's HTML 500 page is the point here
    // The refresh and both of the query client's retries get Django's HTML 500 page.
    let failures = 3;
    server.use(
      http.get(`${TEST_ORIGIN}/api/openstack-volumes/`, () =>
        failures-- > 0 ? djangoServerErrorPage() : undefined,
      ),
    );
    await user.click(screen.getByRole('button', { name: /Refresh/ }));
    const alert = await screen.findByText(/Could not refresh the list:/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('HTTP 500: Server Error (500)');
    expect(table).toBeInTheDocument();
    expect(within(table).getAllByRole('rowheader')).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.queryByText(/Could not refresh the list:/)).not.toBeInTheDocument(),
    );
  });

  it('a first load that fails says so with a retry', async () => {
    skipResponseContractCheck();
    server.use(http.get(`${TEST_ORIGIN}/api/openstack-volumes/`, () => HttpResponse.error()));
    const { user } = renderApp('/volumes');
    const alert = await screen.findByRole('alert', { name: 'Could not load volumes' });
    expect(alert).toHaveTextContent('Could not reach the server');
    server.resetHandlers(...createHandlers(getBackend(), TEST_ORIGIN));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('volume list: name links', () => {
  it('a name opens its volume in the app, which leads back to the filtered list', async () => {
    const { user, location } = renderApp('/volumes?state=ERRED');
    const table = await screen.findByRole('table');
    const link = within(table).getAllByRole('link')[0]!;
    const href = link.getAttribute('href')!;
    expect(href).toMatch(/^\/volumes\/[0-9a-f]{32}$/);
    // The app follows it: the browser must not load the page anew.
    let prevented: boolean | null = null;
    const watch = (event: Event) => {
      prevented = event.defaultPrevented;
    };
    document.addEventListener('click', watch);
    try {
      await user.click(link);
    } finally {
      document.removeEventListener('click', watch);
    }
    expect(prevented).toBe(true);
    await waitFor(() => expect(location()).toBe(href));
    await user.click(await screen.findByRole('link', { name: 'Back to the filtered list' }));
    await waitFor(() => expect(location()).toBe('/volumes?state=ERRED'));
  });

  it('a click with a modifier key is left to the browser (a new tab or window)', async () => {
    const { user, location } = renderApp('/volumes');
    const table = await screen.findByRole('table');
    const link = within(table).getAllByRole('link')[0]!;
    let prevented: boolean | null = null;
    const watch = (event: Event) => {
      prevented = event.defaultPrevented;
      event.preventDefault(); // jsdom would otherwise try to navigate the window
    };
    document.addEventListener('click', watch);
    try {
      await user.keyboard('{Control>}');
      await user.click(link);
      await user.keyboard('{/Control}');
    } finally {
      document.removeEventListener('click', watch);
    }
    expect(prevented).toBe(false);
    expect(location()).toBe('/volumes');
  });
});
