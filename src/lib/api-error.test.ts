// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, htmlTitle, isApiError } from './api-error';

const request = { method: 'POST', url: 'https://h/api/openstack-volumes/x/extend/' };
const http = (status: number, body?: unknown) =>
  new ApiError({ kind: 'http', status, request, body });

describe('ApiError reads every body shape Waldur sends', () => {
  it('a serializer’s field errors, with non-field errors apart', () => {
    const error = http(400, {
      disk_size: ['Too small.', 'Whole GiB.'],
      non_field_errors: ['Snapshot or size should be defined'],
      name: 'A string, not a list.',
      nested: { a: 1 },
      empty: [],
    });
    expect(error.fieldErrors).toEqual({
      disk_size: ['Too small.', 'Whole GiB.'],
      name: ['A string, not a list.'],
      nested: ['{"a":1}'],
    });
    expect(error.nonFieldErrors).toEqual(['Snapshot or size should be defined']);
    expect(error.hasFieldErrors).toBe(true);
    expect(error.generalMessages).toEqual(['Snapshot or size should be defined']);
    expect(error.message).toBe('Snapshot or size should be defined');
    expect(error.isValidation).toBe(true);
  });

  it('a bare list (quotas), and a list with odd items', () => {
    const error = http(400, [
      'One or more quotas were exceeded: storage quota limit: 1, requires 2',
      3,
    ]);
    expect(error.listErrors).toEqual([
      'One or more quotas were exceeded: storage quota limit: 1, requires 2',
      '3',
    ]);
    expect(error.hasFieldErrors).toBe(false);
    expect(error.message).toBe(
      'One or more quotas were exceeded: storage quota limit: 1, requires 2 3',
    );
  });

  it('`detail` first among the general messages', () => {
    const error = http(409, { detail: 'Valid states for operation: OK.', non_field_errors: ['x'] });
    expect(error.detail).toBe('Valid states for operation: OK.');
    expect(error.generalMessages).toEqual(['Valid states for operation: OK.', 'x']);
    expect(error.fieldErrors).toEqual({});
    expect(error.isConflict).toBe(true);
  });

  it('field errors alone make the message when nothing general is said', () => {
    expect(http(400, { size: ['Too big.'], type: ['Bad.'] }).message).toBe(
      'size: Too big. type: Bad.',
    );
    expect(http(418, {}).message).toBe('The request failed (HTTP 418).');
    expect(http(400, 'plain text').message).toBe('The request failed (HTTP 400).');
  });

  it('401, 403 and 404 use Waldur’s words, or their own', () => {
    expect(http(401, { detail: 'Invalid token.' }).message).toBe('Invalid token.');
    expect(http(401).message).toBe('Your session has ended. Sign in again.');
    expect(http(403).message).toBe('You do not have permission to perform this action.');
    expect(http(404).message).toBe('Not found.');
    expect(http(404, { detail: 'No Volume matches the given query.' }).message).toBe(
      'No Volume matches the given query.',
    );
    expect(http(401).isUnauthorized).toBe(true);
    expect(http(403).isForbidden).toBe(true);
    expect(http(404, { detail: 'Not found.' }).isNotFound).toBe(true);
    // A 404 page from a proxy or a static server is not Waldur's answer about the object.
    expect(http(404, '<h1>Not Found</h1>').isNotFound).toBe(false);
    expect(http(404).isNotFound).toBe(false);
    expect(http(404).isRetryable).toBe(true);
    expect(http(404, { detail: 'Not found.' }).isRetryable).toBe(false);
  });

  it('a server error names its HTML page and is worth retrying; a 4xx is not', () => {
    const page = '<html><head><title>Server Error (500)</title></head><body></body></html>';
    const error = http(502, page);
    expect(error.message).toBe(
      'The server failed to handle the request (HTTP 502: Server Error (500)). Try again; if it keeps failing, report it with the details.',
    );
    expect(http(500).message).toBe(
      'The server failed to handle the request (HTTP 500). Try again; if it keeps failing, report it with the details.',
    );
    expect(error.isServerError).toBe(true);
    expect(error.isRetryable).toBe(true);
    expect(http(499).isServerError).toBe(false);
    expect(http(429).isRetryable).toBe(true);
    expect(http(400).isRetryable).toBe(false);
    expect(http(409).isRetryable).toBe(false);
  });

  it('no answer at all, and an answer it cannot read', () => {
    const network = ApiError.network(request, new TypeError('Failed to fetch'));
    expect(network).toMatchObject({ kind: 'network', status: null });
    expect(network.isRetryable).toBe(true);
    expect(network.isServerError).toBe(false);
    expect(network.message).toMatch(/^Could not reach the server/);
    const invalid = ApiError.invalidResponse(request, 200, { x: 1 }, new Error('Expected array'));
    expect(invalid.message).toBe(
      'The server answered with something this console does not understand (HTTP 200).',
    );
    expect(invalid.isRetryable).toBe(false);
    expect(invalid.toReport()).toContain('Parse error: Expected array');
  });

  it('a report for a ticket: request, status, message, body (cut at 4000 characters)', () => {
    const report = http(409, { detail: 'Nope.' }).toReport();
    expect(report).toBe(
      [
        `POST ${request.url}`,
        'Status: 409 (http)',
        'Message: Nope.',
        'Response body:',
        JSON.stringify({ detail: 'Nope.' }, null, 2),
      ].join('\n'),
    );
    expect(ApiError.network(request, null).toReport()).toBe(
      `POST ${request.url}\nStatus: no response (network)\nMessage: Could not reach the server. Check your connection (or the API URL) and try again.`,
    );
    const long = http(500, 'x'.repeat(5000)).toReport();
    expect(long.endsWith(`${'x'.repeat(4000)}…`)).toBe(true);
    expect(http(500, '').toReport()).not.toContain('Response body');
  });

  it('helpers: HTML titles, type check, a message for anything thrown', () => {
    expect(htmlTitle('<h1>Not Found</h1>')).toBe('Not Found');
    expect(htmlTitle('<title> </title>')).toBeNull();
    expect(htmlTitle('plain')).toBeNull();
    expect(isApiError(http(400))).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(errorMessage(http(404))).toBe('Not found.');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('text')).toBe('text');
  });

  it('each status answers only its own question', () => {
    const statuses = [400, 401, 403, 404, 409, 500];
    const flags = statuses.map((status) => {
      const e = http(status, { detail: 'Waldur said so.' });
      return [
        e.isValidation,
        e.isUnauthorized,
        e.isForbidden,
        e.isNotFound,
        e.isConflict,
        e.isServerError,
      ];
    });
    // One true per row, on the diagonal.
    expect(flags).toEqual(statuses.map((_, row) => statuses.map((__, column) => row === column)));
  });

  it('lists of strings pass as they are; a list with other items is stringified item by item', () => {
    expect(http(400, { size: ['a', 'b'] }).fieldErrors.size).toEqual(['a', 'b']);
    expect(http(400, { size: [{ code: 1 }, 'b'] }).fieldErrors.size).toEqual(['{"code":1}', 'b']);
    expect(http(400, { size: 7, flag: true, none: null }).fieldErrors).toEqual({});
    expect(http(400, { detail: 42 }).detail).toBeNull();
  });

  it('the thrown value is an Error named ApiError whose message is the sentence (and a 404 is not a server error)', () => {
    const error = http(404);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.message).toBe('Not found.');
    expect(new ApiError({ kind: 'http', status: 500, request, message: 'set' }).message).toMatch(
      /^The server failed/,
    );
  });

  it('an HTML page names its server error only when it is text; a JSON detail is read as usual', () => {
    expect(http(503, { title: 'x' }).message).toBe(
      'The server failed to handle the request (HTTP 503). Try again; if it keeps failing, report it with the details.',
    );
    expect(htmlTitle('<TITLE lang="en">Bad Gateway</TITLE>')).toBe('Bad Gateway');
    expect(htmlTitle('<h1 class="x">Gone</h1>')).toBe('Gone');
    expect(htmlTitle('<title></title>')).toBeNull();
  });

  it('a field error reads "field: messages" with a space between fields', () => {
    expect(http(400, { size: ['Too big.', 'Whole GiB.'] }).message).toBe(
      'size: Too big. Whole GiB.',
    );
  });

  it('the report cuts only bodies over 4000 characters, and names a parse error only for an unreadable answer', () => {
    const exact = http(500, 'y'.repeat(4000)).toReport();
    expect(exact.endsWith('y'.repeat(4000))).toBe(true);
    expect(exact).not.toContain('…');
    const long = http(500, 'z'.repeat(5000)).toReport();
    expect(long.endsWith(`\n${'z'.repeat(4000)}…`)).toBe(true);
    const withCause = new ApiError({
      kind: 'http',
      status: 500,
      request,
      cause: new Error('deep'),
    });
    expect(withCause.toReport()).not.toContain('Parse error');
    const invalidWithoutError = ApiError.invalidResponse(request, 200, 'x', 'not an Error');
    expect(invalidWithoutError.toReport()).not.toContain('Parse error');
  });

  it('another 4xx (a throttle) says what Waldur said, not that the server failed', () => {
    const throttled = http(429, {
      detail: 'Request was throttled. Expected available in 5 seconds.',
    });
    expect(throttled.isServerError).toBe(false);
    expect(throttled.message).toBe('Request was throttled. Expected available in 5 seconds.');
  });

  it('errorMessage uses an ApiError’s sentence', () => {
    const error = http(400, { detail: 'Fix it.' });
    expect(errorMessage(error)).toBe('Fix it.');
  });
});
