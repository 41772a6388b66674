import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '@/mocks/node';
import { renderApp } from '../../../../test/render-app';
import {
  getBackend,
  sentRequests,
  server,
  skipResponseContractCheck,
} from '../../../../test/setup';

describe('signing in to a Waldur', () => {
  it('sends a signed-out user to sign-in, checks the token, then returns to the page asked for', async () => {
    const token = getBackend().user('alice').token;
    const { user, location } = renderApp('/volumes?state=ERRED', { waldur: { token: null } });
    expect(await screen.findByRole('heading', { name: 'Sign in to Waldur' })).toBeInTheDocument();
    expect(location()).toBe('/sign-in');
    await user.type(screen.getByLabelText('API token'), token);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(location()).toBe('/volumes?state=ERRED'));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(JSON.parse(sessionStorage.getItem('volume-console:connection')!)).toEqual({
      apiUrl: TEST_ORIGIN,
      token,
    });
    expect(localStorage.getItem('volume-console:connection')).toBeNull();
    const me = sentRequests().find((r) => r.url.pathname === '/api/users/me/');
    expect(me).toBeDefined();
    expect(sentRequests().every((r) => !r.url.search.includes(token))).toBe(true);
  });

  it('says which field is wrong: an unknown token, a server that cannot be reached, a server that is not Waldur', async () => {
    const { user } = renderApp('/volumes', { waldur: { token: null, apiUrlFixed: false } });
    await screen.findByRole('heading', { name: 'Sign in to Waldur' });
    const address = screen.getByLabelText('Waldur API address');
    const token = screen.getByLabelText('API token');
    await user.type(address, TEST_ORIGIN);
    await user.type(token, 'a'.repeat(40));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText('Waldur did not accept this token: Invalid token.'),
    ).toBeInTheDocument();
    expect(token).toHaveAttribute('aria-invalid', 'true');

    server.use(http.get(`${TEST_ORIGIN}/api/users/me/`, () => HttpResponse.error()));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Could not reach http:\/\/localhost.*CORS/)).toBeInTheDocument();
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(token).toHaveAttribute('aria-invalid', 'false');

    skipResponseContractCheck(); // this answer is deliberately not Waldur's
    server.use(
      http.get(
        `${TEST_ORIGIN}/api/users/me/`,
        () =>
          new HttpResponse('<html>welcome</html>', { headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/answered, but not like Waldur does/)).toBeInTheDocument();
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(token).toHaveAttribute('aria-invalid', 'false');
    expect(token).toHaveValue('a'.repeat(40));
  });

  it('a 401 mid-session ends the session with the reason, and signing in again returns to the page', async () => {
    const backend = getBackend();
    const old = backend.user('alice').token;
    const volume = backend.db.volumes[0]!;
    const { user, location } = renderApp(`/volumes/${volume.uuid}`, { waldur: { token: old } });
    expect(await screen.findByRole('heading', { level: 1, name: volume.name })).toBeInTheDocument();
    const renewed = backend.rotateToken('alice');
    await user.click(screen.getByRole('button', { name: /Refresh/ }));
    await waitFor(() => expect(location()).toBe('/sign-in'));
    expect(
      await screen.findByText(/Waldur ended the session: Invalid token\./),
    ).toBeInTheDocument();
    expect(sessionStorage.getItem('volume-console:connection') ?? '').not.toContain(old);
    await user.type(screen.getByLabelText('API token'), renewed);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(location()).toBe(`/volumes/${volume.uuid}`));
    expect(await screen.findByRole('heading', { level: 1, name: volume.name })).toBeInTheDocument();
  });

  it('shows the user and signs out, forgetting the token', async () => {
    const token = getBackend().user('pat').token;
    const { user, location } = renderApp('/volumes', { waldur: { token } });
    const account = await screen.findByRole('button', { name: /Account: Pat Kask/ });
    await user.click(account);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(location()).toBe('/sign-in'));
    expect(sessionStorage.getItem('volume-console:connection') ?? '').not.toContain(token);
    expect(within(document.body).queryByText('Pat Kask')).not.toBeInTheDocument();
  });
});
