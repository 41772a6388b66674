// One error type for every way a call to Waldur can fail. Waldur (Django REST Framework) answers with
// several body shapes; this class normalises them so that forms and pages never parse bodies themselves:
//
// - `{"detail": "..."}`                       401, 403, 404, 405, 409, some 400s
// - `{"field": ["msg"], "non_field_errors": [...]}`   400 from a serializer
// - `["msg"]`                                  400 raised outside a serializer (quota errors, pull without backend ID)
// - an HTML page                               500 (no JSON handler is configured) and unrouted 404s
//
// The request is kept (method and URL, never headers, so the token cannot leak into a report).
//
// The console's own sentences (`describe()`) are in the reader's language; Waldur's own messages
// (`detail`, a 400's field messages) are data, already in that language (`Accept-Language`).
import { t } from './i18n';

export type ApiErrorKind = 'http' | 'network' | 'invalid-response';

export interface RequestSummary {
  method: string;
  url: string;
}

interface ApiErrorInit {
  kind: ApiErrorKind;
  status: number | null;
  request: RequestSummary;
  body?: unknown;
  cause?: unknown;
  message?: string;
}

const NON_FIELD_KEYS = new Set(['detail', 'non_field_errors']);

function toMessages(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  if (value && typeof value === 'object') return [JSON.stringify(value)];
  return [];
}

/** Pulls the `<title>` (or the first heading) out of an HTML error page, e.g. "Server Error (500)". */
export function htmlTitle(html: string): string | null {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html) ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(html);
  const text = match?.[1]?.trim();
  return text ? text : null;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; null when no response arrived. */
  readonly status: number | null;
  readonly request: RequestSummary;
  /** The parsed JSON body, or the text of a non-JSON body. */
  readonly body: unknown;
  readonly detail: string | null;
  readonly fieldErrors: Readonly<Record<string, string[]>>;
  readonly nonFieldErrors: readonly string[];
  /** A bare JSON list of messages (quota errors come this way). */
  readonly listErrors: readonly string[];

  constructor(init: ApiErrorInit) {
    // Replaced below by `describe()`, the sentence people read; this one is for a debugger only.
    super(init.message ?? `Request failed: ${init.request.method} ${init.request.url}`, {
      cause: init.cause,
    });
    this.kind = init.kind;
    this.status = init.status;
    this.request = init.request;
    this.body = init.body;

    let detail: string | null = null;
    const fieldErrors: Record<string, string[]> = {};
    let nonFieldErrors: string[] = [];
    let listErrors: string[] = [];
    const body = init.body;
    if (Array.isArray(body)) {
      listErrors = toMessages(body);
    } else if (body && typeof body === 'object') {
      const record = body as Record<string, unknown>;
      if (typeof record.detail === 'string') detail = record.detail;
      nonFieldErrors = toMessages(record.non_field_errors);
      for (const [key, value] of Object.entries(record)) {
        if (NON_FIELD_KEYS.has(key)) continue;
        const messages = toMessages(value);
        if (messages.length > 0) fieldErrors[key] = messages;
      }
    }
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.nonFieldErrors = nonFieldErrors;
    this.listErrors = listErrors;
    this.message = this.describe();
  }

  static network(request: RequestSummary, cause: unknown): ApiError {
    return new ApiError({ kind: 'network', status: null, request, cause });
  }

  static invalidResponse(request: RequestSummary, status: number, body: unknown, cause: unknown) {
    return new ApiError({ kind: 'invalid-response', status, request, body, cause });
  }

  get isUnauthorized() {
    return this.status === 401;
  }
  get isForbidden() {
    return this.status === 403;
  }
  /**
   * Waldur says the object does not exist (or is hidden from this user): a 404 with its JSON
   * `detail`. A 404 without one came from something in between (a proxy, a static server, a demo
   * worker that was restarting), and says nothing about the object.
   */
  get isNotFound() {
    return this.status === 404 && this.detail !== null;
  }
  get isConflict() {
    return this.status === 409;
  }
  get isServerError() {
    return this.status !== null && this.status >= 500;
  }
  get isValidation() {
    return this.status === 400;
  }
  get hasFieldErrors() {
    return Object.keys(this.fieldErrors).length > 0;
  }
  /** Whether trying the same request again may help (network faults and server errors). */
  /** Network faults, 5xx, throttling, and a 404 that did not come from Waldur (see isNotFound). */
  get isRetryable() {
    return (
      this.kind === 'network' ||
      this.isServerError ||
      this.status === 429 ||
      (this.status === 404 && !this.isNotFound)
    );
  }

  /** Messages that belong to no single form field: `detail`, `non_field_errors` and bare lists. */
  get generalMessages(): string[] {
    const messages = [...this.nonFieldErrors, ...this.listErrors];
    if (this.detail) messages.unshift(this.detail);
    return messages;
  }

  /**
   * One sentence a person can act on, in the reader's language of the moment (called again where
   * the error is shown, so that it follows a language switch).
   */
  describe(): string {
    // An HTTP status is a code, not a quantity: shown as it is, never in another script's digits.
    const status = String(this.status);
    if (this.kind === 'network') {
      return t('Could not reach the server. Check your connection (or the API URL) and try again.');
    }
    if (this.kind === 'invalid-response') {
      return t(
        'The server answered with something this console does not understand (HTTP {status}).',
        { status },
      );
    }
    const general = this.generalMessages;
    switch (this.status) {
      case 401:
        return general[0] ?? t('Your session has ended. Sign in again.');
      case 403:
        return general[0] ?? t('You do not have permission to perform this action.');
      case 404:
        return general[0] ?? t('Not found.');
      default:
        break;
    }
    if (this.isServerError) {
      const title = typeof this.body === 'string' ? htmlTitle(this.body) : null;
      return title
        ? t(
            'The server failed to handle the request (HTTP {status}: {title}). Try again; if it keeps failing, report it with the details.',
            { status, title },
          )
        : t(
            'The server failed to handle the request (HTTP {status}). Try again; if it keeps failing, report it with the details.',
            { status },
          );
    }
    if (general.length > 0) return general.join(' ');
    const fields = Object.entries(this.fieldErrors);
    if (fields.length > 0) {
      // The field's name and Waldur's messages are data; only how they are joined is ours.
      return fields
        .map(([field, messages]) =>
          t('{field}: {messages}', { field, messages: messages.join(' ') }),
        )
        .join(' ');
    }
    return t('The request failed (HTTP {status}).', { status });
  }

  /**
   * Whether `describe()` says Waldur's own words (its `detail`, `non_field_errors` or a bare list):
   * shown as data (`data-source="waldur"`), in the language Waldur answered in.
   */
  get saysWaldursWords(): boolean {
    return this.kind === 'http' && this.generalMessages.length > 0 && !this.isServerError;
  }

  /**
   * A plain-text report to paste into a support ticket. Never contains credentials. Its labels
   * ("Status:", "Response body:") stay in English whatever the reader's language: a ticket is read
   * by support engineers, who search and compare reports; only `Message:` is the reader's sentence.
   */
  toReport(): string {
    const lines = [
      `${this.request.method} ${this.request.url}`,
      `Status: ${this.status ?? 'no response'} (${this.kind})`,
      `Message: ${this.message}`,
    ];
    if (this.body !== undefined && this.body !== '') {
      const body = typeof this.body === 'string' ? this.body : JSON.stringify(this.body, null, 2);
      lines.push('Response body:', body.length > 4000 ? `${body.slice(0, 4000)}…` : body);
    }
    if (this.kind === 'invalid-response' && this.cause instanceof Error) {
      lines.push(`Parse error: ${this.cause.message}`);
    }
    return lines.join('\n');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Whether `errorMessage(error)` is Waldur's own words (data), not a sentence of the console. */
export function isWaldursMessage(error: unknown): boolean {
  return error instanceof ApiError && error.saysWaldursWords;
}

/** A readable message for any thrown value (an API error's in the reader's language of the moment). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}
