// The session's three situations (demo, Waldur signed in, signed out) and where the token lives,
// against the browser's storage (happy-dom's).
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { server, skipResponseContractCheck } from '../../test/setup';
import { ApiError } from './api-error';
import { type CurrentUser, canManage, displayName } from './current-user';
import { sessionStore } from './session';
import { count, flag, jsonObject, text } from './zod';

const KEY = 'volume-console:connection';
const PERSONA_KEY = 'volume-console:demo-persona';
const WALDUR = 'https://waldur.example.com';
const personas = [
  { id: 'staff', name: 'Alice', token: 'staff-token' },
  { id: 'admin', name: 'Pat', token: 'admin-token' },
];
const error401 = (detail?: string) =>
  new ApiError({
    kind: 'http',
    status: 401,
    request: { method: 'GET', url: `${WALDUR}/api/users/me/` },
    body: detail ? { detail } : undefined,
  });

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the session', () => {
  it('demo: the first persona, or the one chosen earlier in this tab; switching changes the token', () => {
    sessionStore.initDemo('http://localhost', personas);
    expect(sessionStore.get()).toMatchObject({
      kind: 'demo',
      persona: 'staff',
      token: 'staff-token',
    });
    sessionStore.switchPersona('admin');
    expect(sessionStore.get()).toMatchObject({ persona: 'admin', token: 'admin-token' });
    sessionStore.switchPersona('nobody');
    expect(sessionStore.get()).toMatchObject({ persona: 'admin' });
    sessionStore.initDemo('http://localhost', personas);
    expect(sessionStore.get()).toMatchObject({ persona: 'admin' });
    expect(sessionStore.api().baseUrl).toBe('http://localhost');
  });

  it('a fixed Waldur from config.json: sign in for the session, or remembered on the device', () => {
    sessionStore.initWaldur(WALDUR);
    expect(sessionStore.get()).toMatchObject({
      kind: 'waldur',
      apiUrl: WALDUR,
      token: null,
      apiUrlFixed: true,
      canReturnToDemo: false,
    });
    sessionStore.signIn(WALDUR, 'tok', false);
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual({ apiUrl: WALDUR, token: 'tok' });
    expect(localStorage.getItem(KEY)).toBeNull();
    sessionStore.signIn(WALDUR, 'tok2', true);
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual({ apiUrl: WALDUR, token: 'tok2' });
    expect(sessionStorage.getItem(KEY)).toBeNull();
    // A reload signs in again from what was kept.
    sessionStore.initWaldur(WALDUR);
    expect(sessionStore.get()).toMatchObject({ token: 'tok2' });
    expect(sessionStore.wantsWaldur()).toBe(true);
  });

  it('sign-out forgets the token but keeps an address the user typed; a fixed one needs nothing kept', () => {
    sessionStore.initWaldur(null);
    expect(sessionStore.get()).toMatchObject({
      apiUrlFixed: false,
      canReturnToDemo: true,
      apiUrl: null,
    });
    sessionStore.signIn(WALDUR, 'tok', false);
    sessionStore.signOut();
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual({ apiUrl: WALDUR, token: null });
    expect(sessionStore.get()).toMatchObject({ token: null, apiUrl: WALDUR, endedReason: null });
    sessionStore.initWaldur(WALDUR);
    sessionStore.signIn(WALDUR, 'tok', false);
    sessionStore.signOut();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('a 401 ends the session once, with Waldur’s reason', () => {
    sessionStore.initWaldur(WALDUR);
    sessionStore.signIn(WALDUR, 'tok', false);
    sessionStore.end(error401('Token has expired.'));
    expect(sessionStore.get()).toMatchObject({
      token: null,
      endedReason: 'Waldur ended the session: Token has expired.',
    });
    sessionStore.end(error401('Again.'));
    expect(sessionStore.get()).toMatchObject({
      endedReason: 'Waldur ended the session: Token has expired.',
    });
    sessionStore.signIn(WALDUR, 'tok', false);
    sessionStore.end(error401());
    expect(sessionStore.get()).toMatchObject({ endedReason: 'Waldur ended the session.' });
  });

  it('a stored token for another Waldur is not used for this one; unreadable storage is ignored', () => {
    sessionStorage.setItem(KEY, JSON.stringify({ apiUrl: 'https://other.example', token: 'x' }));
    sessionStore.initWaldur(WALDUR);
    expect(sessionStore.get()).toMatchObject({ apiUrl: WALDUR, token: null });
    sessionStorage.setItem(KEY, '{not json');
    sessionStore.initWaldur(null);
    expect(sessionStore.get()).toMatchObject({ apiUrl: null, token: null });
    expect(sessionStore.wantsWaldur()).toBe(false);
  });
});

describe('the session, further', () => {
  it('one HTTP client per session, with its token and address; a 401 through it ends the session', async () => {
    sessionStore.initWaldur(null);
    expect(sessionStore.api().baseUrl).toBe(window.location.origin);
    sessionStore.signIn(WALDUR, 'tok', false);
    const client = sessionStore.api();
    expect(sessionStore.api()).toBe(client);
    expect(client.baseUrl).toBe(WALDUR);
    let auth: string | null = null;
    skipResponseContractCheck();
    server.use(
      http.get(`${WALDUR}/api/users/me/`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ detail: 'Invalid token.' }, { status: 401 });
      }),
    );
    await expect(client.get('api/users/me', z.unknown())).rejects.toMatchObject({ status: 401 });
    expect(auth).toBe('Token tok');
    expect(sessionStore.get()).toMatchObject({
      token: null,
      endedReason: 'Waldur ended the session: Invalid token.',
    });
    expect(sessionStore.api()).not.toBe(client);
  });

  it('a remembered sign-in stays remembered after a reload: signing out keeps the address on the device', () => {
    sessionStore.initWaldur(null);
    sessionStore.signIn(WALDUR, 'tok', true);
    sessionStore.initWaldur(null);
    sessionStore.signOut();
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual({ apiUrl: WALDUR, token: null });
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('a 401 keeps a typed address for the sign-in page, and nothing for a fixed one', () => {
    sessionStore.initWaldur(null);
    sessionStore.signIn(WALDUR, 'tok', false);
    sessionStore.end(error401());
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual({ apiUrl: WALDUR, token: null });
    sessionStore.initWaldur(WALDUR);
    sessionStore.signIn(WALDUR, 'tok', false);
    sessionStore.end(error401());
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('a persona stored for a tab that no longer exists falls back to the first; each persona has its own token', () => {
    sessionStorage.setItem(PERSONA_KEY, 'gone');
    sessionStore.initDemo('http://localhost', personas);
    expect(sessionStore.get()).toMatchObject({ persona: 'staff', token: 'staff-token' });
    sessionStorage.setItem(PERSONA_KEY, 'admin');
    sessionStore.initDemo('http://localhost', personas);
    expect(sessionStore.get()).toMatchObject({ persona: 'admin', token: 'admin-token' });
  });

  it('demo and Waldur calls do not cross: no persona in Waldur, no sign-in or 401 in the demo', () => {
    sessionStore.initWaldur(WALDUR);
    sessionStore.switchPersona('admin');
    expect(sessionStore.get()).toMatchObject({ kind: 'waldur', token: null });
    sessionStore.initDemo('http://localhost', personas);
    const demo = sessionStore.get();
    sessionStore.signIn(WALDUR, 'tok', true);
    sessionStore.signOut();
    sessionStore.end(error401());
    expect(sessionStore.get()).toBe(demo);
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('stored data without an address is no connection', () => {
    sessionStorage.setItem(KEY, JSON.stringify({ token: 'x' }));
    expect(sessionStore.wantsWaldur()).toBe(false);
  });
});

describe('the current user', () => {
  it('is named by full name, then username', () => {
    expect(
      displayName({ uuid: 'u', full_name: 'Alice Tamm', username: 'alice' } as CurrentUser),
    ).toBe('Alice Tamm');
    expect(displayName({ uuid: 'u', full_name: '', username: 'alice' } as CurrentUser)).toBe(
      'alice',
    );
    expect(displayName({ uuid: 'u', email: 'a@b.c' } as CurrentUser)).toBe('a@b.c');
    expect(displayName(undefined)).toBe('Signed-in user');
  });

  it('may change a resource as staff, a project admin or manager, or a customer owner', () => {
    const resource = { project_uuid: 'p', customer_uuid: 'c', project_name: 'Climate' };
    const as = (permissions: { role_name: string; scope_uuid: string }[], extra = {}) =>
      canManage({ uuid: 'u', is_staff: false, permissions, ...extra } as CurrentUser, resource);
    expect(canManage(undefined, resource)).toEqual({ allowed: true });
    expect(canManage({ uuid: 'u', is_staff: true } as CurrentUser, resource)).toEqual({
      allowed: true,
    });
    expect(canManage({ uuid: 'u' } as CurrentUser, resource)).toEqual({ allowed: true });
    expect(as([{ role_name: 'PROJECT.ADMIN', scope_uuid: 'p' }])).toEqual({ allowed: true });
    expect(as([{ role_name: 'PROJECT.MANAGER', scope_uuid: 'p' }])).toEqual({ allowed: true });
    expect(as([{ role_name: 'CUSTOMER.OWNER', scope_uuid: 'c' }])).toEqual({ allowed: true });
    expect(as([{ role_name: 'PROJECT.ADMIN', scope_uuid: 'other' }])).toEqual({
      allowed: false,
      reason: 'You need to be an admin or manager of project Climate.',
    });
    expect(as([{ role_name: 'CUSTOMER.OWNER', scope_uuid: 'p' }]).allowed).toBe(false);
    expect(as([{ role_name: 'PROJECT.MEMBER', scope_uuid: 'p' }]).allowed).toBe(false);
    // Only an owner's role on the customer counts, not any role that names it.
    expect(as([{ role_name: 'CUSTOMER.SUPPORT', scope_uuid: 'c' }]).allowed).toBe(false);
    expect(as([], { is_support: true })).toEqual({
      allowed: false,
      reason: 'Support users have read-only access: ask the project’s admin or staff.',
    });
    expect(
      canManage({ uuid: 'u', is_staff: false, permissions: [] } as unknown as CurrentUser, {
        project_uuid: 'p',
      }),
    ).toEqual({ allowed: false, reason: 'You need to be an admin or manager of this project.' });
  });
});

describe('tolerant fields', () => {
  it('missing, null or mistyped values read as undefined', () => {
    expect(text.parse('a')).toBe('a');
    expect(text.parse(3)).toBeUndefined();
    expect(text.parse(null)).toBeNull();
    expect(text.parse(undefined)).toBeUndefined();
    expect(flag.parse(true)).toBe(true);
    expect(flag.parse('yes')).toBeUndefined();
    expect(count.parse(2)).toBe(2);
    expect(count.parse('2')).toBeUndefined();
    expect(jsonObject.parse({ a: 1 })).toEqual({ a: 1 });
    expect(jsonObject.parse([1])).toBeUndefined();
  });
});
