// Responses shaped like Waldur's (Django REST Framework 3.15 with Waldur's exception handler). Plain
// fetch `Response`s, so the same backend answers MSW in the browser, MSW in Node, and a real HTTP server.
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Thrown inside a handler to answer with a DRF error body; caught by the request wrapper. */
export class DrfError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }

  toResponse(): Response {
    return json(this.body, this.status, this.headers);
  }
}

export const detail = (status: number, message: string, headers?: Record<string, string>) =>
  new DrfError(status, { detail: message }, headers);

export const notAuthenticated = (message: string) =>
  detail(401, message, { 'WWW-Authenticate': 'Token' });

export const permissionDenied = () =>
  detail(403, 'You do not have permission to perform this action.');

export const methodNotAllowed = (method: string) => detail(405, `Method "${method}" not allowed.`);

/** 409 from Waldur's state validators (`IncorrectStateException`). */
export const conflict = (message: string) => detail(409, message);

/** 400 from a serializer: `{"field": ["message"]}` or `{"non_field_errors": [...]}`. */
export const fieldErrors = (errors: Record<string, string[]>) => new DrfError(400, errors);

/** 400 raised outside `is_valid()` (quota errors, pull without a backend ID): a bare list. */
export const listError = (...messages: string[]) => new DrfError(400, messages);

/** Django's own HTML pages: unrouted paths give a 404 page, unhandled exceptions a 500 page. */
export function djangoNotFoundPage(path: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head><title>Not Found</title></head>
<body><h1>Not Found</h1><p>The requested resource was not found on this server.</p><!-- ${path.replace(/--/g, '')} --></body>
</html>`;
  return new Response(html, {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

export function djangoServerErrorPage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head><title>Server Error (500)</title></head>
<body><h1>Server Error (500)</h1><p></p></body>
</html>`;
  return new Response(html, {
    status: 500,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

/** How Python would name the type of a JSON value, for DRF's messages ("received int"). */
export function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}
