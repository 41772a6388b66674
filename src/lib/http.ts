// The one place that talks HTTP to Waldur (or to the demo backend, which answers the same way).
// It knows the base URL, the `Authorization: Token …` header, Waldur's URL conventions (trailing
// slashes, repeated query parameters) and its pagination headers, validates bodies with zod, and turns
// every failure into an `ApiError`.
import type * as z from 'zod/mini';
import { ApiError, type RequestSummary } from './api-error';
import { type PageLinks, parseLinkHeader, parseResultCount } from './link-header';
import {
  rejectsStateChoice,
  type StateSpelling,
  spellingOfBody,
  spellState,
} from './state-spelling';

export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | null | undefined | readonly QueryScalar[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

export interface Page<T> {
  items: T[];
  /** From `X-Result-Count`; falls back to the number of items when a server omits the header. */
  total: number;
  links: PageLinks;
}

export interface RequestOptions {
  params?: QueryParams;
  signal?: AbortSignal;
}

export interface SendOptions extends RequestOptions {
  body?: unknown;
  schema?: z.ZodMiniType;
}

/** A request with a body: typed by its schema when it has one. */
interface Write {
  <S extends z.ZodMiniType>(
    path: string,
    options: SendOptions & { schema: S },
  ): Promise<z.output<S>>;
  (path: string, options?: SendOptions): Promise<unknown>;
}

export interface HttpClientConfig {
  /** Origin (and optional prefix) of the Waldur deployment, e.g. `https://waldur.example.com`. */
  baseUrl: string;
  getToken: () => string | null;
  /** The language Waldur is asked to answer in (`Accept-Language`), so its own messages match. */
  getLanguage?: () => string;
  /** Called for every 401 before the error is thrown, so the session can end in one place. */
  onUnauthorized?: (error: ApiError) => void;
}

function appendParam(search: URLSearchParams, key: string, value: QueryValue) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    // Waldur (django-filter) reads lists as repeated parameters: state=OK&state=ERRED.
    for (const item of value) search.append(key, String(item));
    return;
  }
  const text = String(value);
  if (text !== '') search.append(key, text);
}

/** Adds the trailing slash Django's router requires (it would otherwise answer 301). */
export function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

export function buildUrl(baseUrl: string, path: string, params?: QueryParams): string {
  const isAbsolute = /^https?:\/\//i.test(path);
  const base = baseUrl.replace(/\/+$/, '');
  const url = new URL(isAbsolute ? path : `${base}/${withTrailingSlash(path.replace(/^\/+/, ''))}`);
  if (params) {
    for (const [key, value] of Object.entries(params)) appendParam(url.searchParams, key, value);
  }
  return url.toString();
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  if (!response.headers.get('content-type')?.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text; // a proxy's page labelled JSON: kept as text for the error report
  }
}

/** The `state` filter in a server's spelling (the rest of the query as it is). */
function spellStateParam(params: QueryParams | undefined, spelling: StateSpelling) {
  if (!params || params.state === undefined || params.state === null) return params;
  const { state } = params;
  const spelled = Array.isArray(state)
    ? state.map((s) => spellState(String(s), spelling))
    : spellState(String(state), spelling);
  return { ...params, state: spelled };
}

export class HttpClient {
  /** How this server spells states (see state-spelling.ts); learnt from its answers. */
  private stateSpelling: StateSpelling = 'current';

  constructor(private readonly config: HttpClientConfig) {}

  /** How this client spells the `state` filter now. */
  get spelling(): StateSpelling {
    return this.stateSpelling;
  }

  get baseUrl() {
    return this.config.baseUrl;
  }

  url(path: string, params?: QueryParams) {
    return buildUrl(this.config.baseUrl, path, params);
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions & { body?: unknown } = {},
  ): Promise<{ response: Response; body: unknown; request: RequestSummary }> {
    const spelling = this.stateSpelling;
    try {
      const sent = await this.sendOnce(method, path, {
        ...options,
        params: spellStateParam(options.params, spelling),
      });
      this.stateSpelling = spellingOfBody(sent.body) ?? this.stateSpelling;
      return sent;
    } catch (error) {
      // A `state` filter in the other spelling: learn the server's and ask once more.
      const rejected =
        error instanceof ApiError &&
        error.status === 400 &&
        options.params?.state != null &&
        rejectsStateChoice(
          error.body,
          [options.params.state].flat().map((v) => spellState(String(v), spelling)),
        );
      if (!rejected || this.stateSpelling !== spelling) throw error;
      this.stateSpelling = spelling === 'current' ? 'legacy' : 'current';
      return this.sendOnce(method, path, {
        ...options,
        params: spellStateParam(options.params, this.stateSpelling),
      });
    }
  }

  private async sendOnce(
    method: string,
    path: string,
    options: RequestOptions & { body?: unknown } = {},
  ): Promise<{ response: Response; body: unknown; request: RequestSummary }> {
    const url = this.url(path, options.params);
    const request: RequestSummary = { method, url };
    const headers: Record<string, string> = { Accept: 'application/json' };
    const language = this.config.getLanguage?.();
    if (language) headers['Accept-Language'] = language;
    const token = this.config.getToken();
    if (token) headers.Authorization = `Token ${token}`;
    const init: RequestInit = { method, headers, signal: options.signal };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }

    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      // Our own abort stays an abort (the caller went away); anything else is the network's.
      if (options.signal?.aborted) throw error;
      throw ApiError.network(request, error);
    }
    let body: unknown;
    try {
      body = await readBody(response);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw ApiError.network(request, error);
    }
    if (!response.ok) {
      const error = new ApiError({ kind: 'http', status: response.status, request, body });
      if (response.status === 401) this.config.onUnauthorized?.(error);
      throw error;
    }
    return { response, body, request };
  }

  private parse<S extends z.ZodMiniType>(
    schema: S,
    body: unknown,
    request: RequestSummary,
    status: number,
  ): z.output<S> {
    const result = schema.safeParse(body);
    if (!result.success) throw ApiError.invalidResponse(request, status, body, result.error);
    return result.data;
  }

  async get<S extends z.ZodMiniType>(path: string, schema: S, options: RequestOptions = {}) {
    const { response, body, request } = await this.send('GET', path, options);
    return this.parse(schema, body, request, response.status);
  }

  /** A page of a Waldur list: the body is a bare array; total and links come in headers. */
  async list<S extends z.ZodMiniType>(
    path: string,
    itemSchema: S,
    options: RequestOptions = {},
  ): Promise<Page<z.output<S>>> {
    const { response, body, request } = await this.send('GET', path, options);
    if (!Array.isArray(body)) {
      throw ApiError.invalidResponse(
        request,
        response.status,
        body,
        new Error('Expected a JSON array'),
      );
    }
    const items = body.map((item) => this.parse(itemSchema, item, request, response.status));
    const total = parseResultCount(response.headers.get('x-result-count')) ?? items.length;
    return { items, total, links: parseLinkHeader(response.headers.get('link')) };
  }

  /** POST, PATCH and PUT: with a schema the answer is validated and returned, else as parsed. */
  readonly post = this.writer('POST');
  readonly patch = this.writer('PATCH');
  readonly put = this.writer('PUT');

  delete(path: string, options: SendOptions = {}): Promise<unknown> {
    return this.write('DELETE', path, options);
  }

  private writer(method: string): Write {
    return ((path: string, options: SendOptions = {}) =>
      this.write(method, path, options)) as Write;
  }

  private async write(method: string, path: string, options: SendOptions): Promise<unknown> {
    const { response, body, request } = await this.send(method, path, options);
    if (!options.schema) return body;
    return this.parse(options.schema, body, request, response.status);
  }
}
