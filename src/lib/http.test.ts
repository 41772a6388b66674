// The HTTP client against a server answered by MSW (no fetch is mocked): Waldur's URL conventions,
// the token, pagination headers, every failure as an ApiError, 401 reported once, and the state
// spelling of an old server.
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { server, skipResponseContractCheck } from '../../test/setup';
import { ApiError } from './api-error';
import { buildUrl, HttpClient, withTrailingSlash } from './http';

const BASE = 'https://waldur.test';
const item = z.object({ uuid: z.string() });

function client(token: string | null = 'secret', onUnauthorized?: (error: ApiError) => void) {
  skipResponseContractCheck(); // this server is the test's, not the demo backend
  return new HttpClient({ baseUrl: `${BASE}/`, getToken: () => token, onUnauthorized });
}

describe('URLs', () => {
  it('adds the trailing slash, repeats list values, drops empty ones, keeps absolute paths', () => {
    expect(withTrailingSlash('api/x')).toBe('api/x/');
    expect(withTrailingSlash('api/x/')).toBe('api/x/');
    expect(
      buildUrl(`${BASE}//`, '/api/openstack-volumes', {
        state: ['OK', 'ERRED'],
        name: '',
        page: 2,
        flag: false,
        gone: undefined,
        none: null,
      }),
    ).toBe(`${BASE}/api/openstack-volumes/?state=OK&state=ERRED&page=2&flag=false`);
    expect(buildUrl(BASE, 'https://other.test/api/x/?page=2')).toBe(
      'https://other.test/api/x/?page=2',
    );
    expect(client().url('api/x', { q: 'a b' })).toBe(`${BASE}/api/x/?q=a+b`);
    expect(buildUrl(BASE, 'HTTP://plain.test/api/x/')).toBe('http://plain.test/api/x/');
    expect(buildUrl(BASE, '//api/x')).toBe(`${BASE}/api/x/`);
    expect(client().baseUrl).toBe(`${BASE}/`);
  });
});

describe('requests', () => {
  it('an answer without a Content-Type is read as text, not as JSON', async () => {
    // Bytes as the body: the response has no Content-Type at all.
    const bytes = new TextEncoder().encode('{"not": "parsed"}');
    server.use(http.post(`${BASE}/api/things/`, () => new HttpResponse(bytes)));
    expect(await client().post('api/things')).toBe('{"not": "parsed"}');
  });

  it('sends the token and JSON, reads a page with its total and links', async () => {
    let seen: Request | null = null;
    server.use(
      http.get(`${BASE}/api/things/`, ({ request }) => {
        seen = request;
        return HttpResponse.json([{ uuid: 'a' }, { uuid: 'b' }], {
          headers: { 'X-Result-Count': '12', Link: `<${BASE}/api/things/?page=2>; rel="next"` },
        });
      }),
    );
    const page = await client().list('api/things', item, { params: { page_size: 2 } });
    expect(page).toEqual({
      items: [{ uuid: 'a' }, { uuid: 'b' }],
      total: 12,
      links: { next: `${BASE}/api/things/?page=2` },
    });
    expect(seen!.method).toBe('GET');
    expect(seen!.headers.get('authorization')).toBe('Token secret');
    expect(seen!.headers.get('accept')).toBe('application/json');
  });

  it('a list without X-Result-Count counts its items; a body that is no list is refused', async () => {
    server.use(
      http.get(`${BASE}/api/things/`, () => HttpResponse.json([{ uuid: 'a' }])),
      http.get(`${BASE}/api/object/`, () => HttpResponse.json({ uuid: 'a' })),
    );
    expect((await client().list('api/things', item)).total).toBe(1);
    await expect(client().list('api/object', item)).rejects.toMatchObject({
      kind: 'invalid-response',
      status: 200,
      cause: { message: 'Expected a JSON array' },
    });
  });

  it('posts and patches JSON, with or without a schema, and no token when there is none', async () => {
    const received: { method: string; body: unknown; type: string | null; auth: string | null }[] =
      [];
    const record = async ({ request }: { request: Request }) => {
      received.push({
        method: request.method,
        body: request.headers.get('content-type') ? await request.json() : undefined,
        type: request.headers.get('content-type'),
        auth: request.headers.get('authorization'),
      });
      return HttpResponse.json({ uuid: 'x' }, { status: request.method === 'DELETE' ? 202 : 200 });
    };
    server.use(
      http.post(`${BASE}/api/a/`, record),
      http.patch(`${BASE}/api/a/`, record),
      http.put(`${BASE}/api/a/`, record),
      http.delete(`${BASE}/api/a/`, record),
    );
    const anonymous = client(null);
    expect(await anonymous.post('api/a', { body: { n: 1 }, schema: item })).toEqual({ uuid: 'x' });
    expect(await anonymous.patch('api/a', { body: { n: 2 } })).toEqual({ uuid: 'x' });
    expect(await anonymous.put('api/a', { body: { n: 3 }, schema: item })).toEqual({ uuid: 'x' });
    expect(await anonymous.delete('api/a')).toEqual({ uuid: 'x' });
    expect(await anonymous.post('api/a')).toEqual({ uuid: 'x' });
    expect(received).toEqual([
      { method: 'POST', body: { n: 1 }, type: 'application/json', auth: null },
      { method: 'PATCH', body: { n: 2 }, type: 'application/json', auth: null },
      { method: 'PUT', body: { n: 3 }, type: 'application/json', auth: null },
      { method: 'DELETE', body: undefined, type: null, auth: null },
      { method: 'POST', body: undefined, type: null, auth: null },
    ]);
  });

  it('reads empty, text and unparsable JSON bodies as they are', async () => {
    server.use(
      http.post(`${BASE}/api/empty/`, () => new HttpResponse(null, { status: 204 })),
      http.post(`${BASE}/api/blank/`, () => new HttpResponse('', { status: 200 })),
      http.post(
        `${BASE}/api/text/`,
        () => new HttpResponse('plain', { headers: { 'Content-Type': 'text/plain' } }),
      ),
      http.post(
        `${BASE}/api/list-as-text/`,
        () => new HttpResponse('[1]', { headers: { 'Content-Type': 'text/plain' } }),
      ),
      http.post(
        `${BASE}/api/broken/`,
        () => new HttpResponse('{nope', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const c = client();
    expect(await c.post('api/empty')).toBeUndefined();
    expect(await c.post('api/blank')).toBeUndefined();
    expect(await c.post('api/text')).toBe('plain');
    expect(await c.post('api/list-as-text')).toBe('[1]');
    expect(await c.post('api/broken')).toBe('{nope');
  });
});

describe('failures', () => {
  it('an error status is an ApiError with the body; a 401 is also reported to the session', async () => {
    const ended: ApiError[] = [];
    server.use(
      http.get(`${BASE}/api/conflict/`, () =>
        HttpResponse.json({ detail: 'No.' }, { status: 409 }),
      ),
      http.get(`${BASE}/api/expired/`, () =>
        HttpResponse.json({ detail: 'Token has expired.' }, { status: 401 }),
      ),
    );
    const c = client('t', (error) => ended.push(error));
    await expect(c.get('api/conflict', item)).rejects.toMatchObject({
      kind: 'http',
      status: 409,
      detail: 'No.',
      request: { method: 'GET', url: `${BASE}/api/conflict/` },
    });
    expect(ended).toEqual([]);
    await expect(c.get('api/expired', item)).rejects.toMatchObject({ status: 401 });
    expect(ended.map((e) => e.detail)).toEqual(['Token has expired.']);
    // Without a listener a 401 is still the same ApiError.
    await expect(client('t').get('api/expired', item)).rejects.toMatchObject({ status: 401 });
  });

  it('a schema shapes what a write returns; without one the body comes back as sent', async () => {
    server.use(http.post(`${BASE}/api/a/`, () => HttpResponse.json({ uuid: 'x', extra: 1 })));
    expect(await client().post('api/a', { schema: item })).toEqual({ uuid: 'x' });
    expect(await client().post('api/a')).toEqual({ uuid: 'x', extra: 1 });
  });

  it('no answer is a network error; an abort stays an abort', async () => {
    server.use(
      http.get(`${BASE}/api/down/`, () => HttpResponse.error()),
      http.get(`${BASE}/api/slow/`, async () => {
        await delay(1000);
        return HttpResponse.json([]);
      }),
    );
    await expect(client().get('api/down', item)).rejects.toMatchObject({
      kind: 'network',
      status: null,
    });
    const abort = new AbortController();
    const pending = client().list('api/slow', item, { signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a body that breaks the schema is an invalid response with its status', async () => {
    server.use(http.get(`${BASE}/api/odd/`, () => HttpResponse.json({ uuid: 42 })));
    const error = await client()
      .get('api/odd', item)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, body: { uuid: 42 } });
  });
});

describe('an old server’s state spelling (contract-lifecycle E7)', () => {
  it('learns it from a 400 on the filter, asks once more, and keeps to it', async () => {
    const asked: string[][] = [];
    server.use(
      http.get(`${BASE}/api/v/`, ({ request }) => {
        const states = new URL(request.url).searchParams.getAll('state');
        asked.push(states);
        if (states.some((s) => s === 'ERRED' || s === 'UPDATE_SCHEDULED'))
          return HttpResponse.json(
            { state: [`Select a valid choice. ${states[0]} is not one of the available choices.`] },
            { status: 400 },
          );
        return HttpResponse.json([]);
      }),
    );
    const c = client();
    expect(c.spelling).toBe('current');
    await c.list('api/v', item, { params: { state: ['ERRED', 'UPDATE_SCHEDULED'] } });
    expect(c.spelling).toBe('legacy');
    await c.list('api/v', item, { params: { state: 'ERRED' } });
    await c.list('api/v', item);
    await c.list('api/v', item, { params: { page: 2, state: null } });
    expect(asked).toEqual([
      ['ERRED', 'UPDATE_SCHEDULED'],
      ['Erred', 'Update Scheduled'],
      ['Erred'],
      [],
      [],
    ]);
  });

  it('learns it from the states an answer spells, and switches back when a server answers otherwise', async () => {
    server.use(
      http.get(`${BASE}/api/old/`, () =>
        HttpResponse.json([{ uuid: 'a', state: 'Update Scheduled' }]),
      ),
      http.get(`${BASE}/api/new/`, () => HttpResponse.json({ uuid: 'a', state: 'ERRED' })),
      http.get(`${BASE}/api/ok/`, () => HttpResponse.json([{ uuid: 'a', state: 'OK' }])),
    );
    const c = client();
    await c.list('api/old', item);
    expect(c.spelling).toBe('legacy');
    await c.list('api/ok', item);
    expect(c.spelling).toBe('legacy');
    await c.get('api/new', item);
    expect(c.spelling).toBe('current');
  });

  it('a 400 about anything else is not retried', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v/`, () => {
        calls += 1;
        return HttpResponse.json({ name: ['Bad.'] }, { status: 400 });
      }),
    );
    await expect(
      client().list('api/v', item, { params: { state: 'ERRED' } }),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect(calls).toBe(1);
  });

  it('switches back when a current server rejects the old spelling', async () => {
    server.use(
      http.get(`${BASE}/api/old/`, () => HttpResponse.json([{ uuid: 'a', state: 'Erred' }])),
      http.get(`${BASE}/api/v/`, ({ request }) => {
        const states = new URL(request.url).searchParams.getAll('state');
        if (states.includes('Erred'))
          return HttpResponse.json(
            { state: ['Select a valid choice. Erred is not one of the available choices.'] },
            { status: 400 },
          );
        return HttpResponse.json([{ uuid: 'b', state: states[0] }]);
      }),
    );
    const c = client();
    await c.list('api/old', item);
    expect(c.spelling).toBe('legacy');
    await c.list('api/v', item, { params: { state: 'ERRED' } });
    expect(c.spelling).toBe('current');
  });

  it('only a 400 on a request with a state filter is retried', async () => {
    let calls = 0;
    const rejection = {
      state: ['Select a valid choice. ERRED is not one of the available choices.'],
    };
    server.use(
      http.get(`${BASE}/api/conflict/`, () => {
        calls += 1;
        return HttpResponse.json(rejection, { status: 409 });
      }),
      http.post(`${BASE}/api/v/`, () => {
        calls += 1;
        return HttpResponse.json(rejection, { status: 400 });
      }),
    );
    await expect(
      client().list('api/conflict', item, { params: { state: 'ERRED' } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(client().post('api/v', { body: { state: 'ERRED' } })).rejects.toMatchObject({
      status: 400,
    });
    expect(calls).toBe(2);
  });
});
