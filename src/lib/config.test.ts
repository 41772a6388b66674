import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, skipResponseContractCheck } from '../../test/setup';
import { loadConfig, normalizeApiUrl } from './config';
import { describeConfigProblem } from './config-problem';

describe('normalizeApiUrl', () => {
  it('keeps the origin and any prefix, without a trailing slash or /api', () => {
    expect(normalizeApiUrl('https://waldur.example.com/api/')).toBe('https://waldur.example.com');
    expect(normalizeApiUrl(' https://h.example/waldur/ ')).toBe('https://h.example/waldur');
    expect(normalizeApiUrl('ftp://h.example')).toBeNull();
    expect(normalizeApiUrl('https://h.example/waldur//')).toBe('https://h.example/waldur');
    expect(normalizeApiUrl('https://h.example/apis/')).toBe('https://h.example/apis');
    expect(normalizeApiUrl('https://h.example/api/waldur/')).toBe('https://h.example/api/waldur');
  });

  it('resolves a relative address only against a base', () => {
    expect(normalizeApiUrl('/')).toBeNull();
    expect(normalizeApiUrl('waldur.example.com')).toBeNull();
    expect(normalizeApiUrl('/', 'https://console.example.org')).toBe('https://console.example.org');
    expect(normalizeApiUrl('/waldur/api/', 'https://console.example.org')).toBe(
      'https://console.example.org/waldur',
    );
  });
});

describe('loadConfig', () => {
  // config.json is the deployment's file, not Waldur's API: outside the contract.
  const serve = (body: { apiUrl: string | null }) => {
    skipResponseContractCheck();
    server.use(http.get('http://localhost/config.json', () => HttpResponse.json(body)));
  };

  it('"apiUrl": "/" is the Waldur proxied under the console’s own origin', async () => {
    serve({ apiUrl: '/' });
    expect(await loadConfig('http://localhost/config.json')).toEqual({
      apiUrl: window.location.origin,
      problem: null,
    });
  });

  it('an absolute apiUrl is used as it is; null runs the demo', async () => {
    serve({ apiUrl: 'https://waldur.example.com/' });
    expect((await loadConfig('http://localhost/config.json')).apiUrl).toBe(
      'https://waldur.example.com',
    );
    serve({ apiUrl: null });
    expect(await loadConfig('http://localhost/config.json')).toEqual({
      apiUrl: null,
      problem: null,
    });
  });

  it('a missing, unreachable or broken config.json runs the demo and says why', async () => {
    skipResponseContractCheck();
    const url = 'http://localhost/config.json';
    server.use(http.get(url, () => new HttpResponse('Not found', { status: 404 })));
    expect(await loadConfig(url)).toEqual({
      apiUrl: null,
      problem: { kind: 'status', status: 404 },
    });
    server.use(http.get(url, () => HttpResponse.error()));
    expect(await loadConfig(url)).toEqual({
      apiUrl: null,
      problem: { kind: 'unreachable' },
    });
    server.use(http.get(url, () => new HttpResponse('{oops', { status: 200 })));
    expect(await loadConfig(url)).toEqual({
      apiUrl: null,
      problem: { kind: 'invalid' },
    });
    server.use(http.get(url, () => HttpResponse.json({ apiUrl: 42 })));
    const { problem } = await loadConfig(url);
    expect(problem && describeConfigProblem(problem)).toBe(
      'config.json is not valid; running on the demo backend.',
    );
  });

  it('a blank apiUrl runs the demo; one that is no web address is named', async () => {
    serve({ apiUrl: '   ' });
    expect(await loadConfig('http://localhost/config.json')).toEqual({
      apiUrl: null,
      problem: null,
    });
    serve({ apiUrl: ' ftp://waldur.example.com ' });
    expect(await loadConfig('http://localhost/config.json')).toEqual({
      apiUrl: null,
      problem: { kind: 'bad-url', value: 'ftp://waldur.example.com' },
    });
  });
});
