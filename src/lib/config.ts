// Runtime configuration, read from `config.json` next to `index.html` at start, so one build serves
// every deployment: `{"apiUrl": "/"}` talks to the Waldur proxied under this origin's `/api/` (the
// recommended deployment), `{"apiUrl": "https://waldur.example.com"}` to that Waldur across origins,
// and `{"apiUrl": null}` runs the built-in demo backend.
import * as z from 'zod/mini';

export interface AppConfig {
  apiUrl: string | null;
  /**
   * Set when config.json could not be read; the app then runs in demo mode and says why. Kept as
   * data and said in words where it is shown (`describeConfigProblem`), in the reader's language.
   */
  problem: ConfigProblem | null;
}

export type ConfigProblem =
  | { kind: 'unreachable' }
  | { kind: 'status'; status: number }
  | { kind: 'invalid' }
  | { kind: 'bad-url'; value: string };

const configSchema = z.object({
  apiUrl: z.optional(z.nullable(z.string())),
});

/**
 * "https://h/api/" or "https://h/" → "https://h": the console adds `/api/...` itself. With `base`, a
 * relative URL ("/", "/waldur/") is resolved against it (config.json, against the console's origin);
 * without, only an absolute URL is an address (what a user types on the sign-in page).
 */
export function normalizeApiUrl(input: string, base?: string): string | null {
  try {
    const url = new URL(input, base); // the URL parser trims surrounding spaces itself
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
    return `${url.origin}${path}`;
  } catch {
    return null;
  }
}

export async function loadConfig(
  url = `${import.meta.env.BASE_URL}config.json`,
): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch {
    return {
      apiUrl: null,
      problem: { kind: 'unreachable' },
    };
  }
  if (!response.ok) {
    return {
      apiUrl: null,
      problem: { kind: 'status', status: response.status },
    };
  }
  const parsed = configSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    return {
      apiUrl: null,
      problem: { kind: 'invalid' },
    };
  }
  const raw = parsed.data.apiUrl?.trim() || null;
  if (raw === null) return { apiUrl: null, problem: null };
  const apiUrl = normalizeApiUrl(raw, window.location.origin);
  if (!apiUrl)
    return {
      apiUrl: null,
      problem: { kind: 'bad-url', value: raw },
    };
  return { apiUrl, problem: null };
}
