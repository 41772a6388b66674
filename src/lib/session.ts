// Who the console talks to and as whom. Three situations:
// - demo: the built-in demo backend, signed in as one of its personas (no sign-in needed);
// - Waldur, signed in: an API URL and a token the user gave (kept for this browser session, or on
//   this device when "remember me" was ticked);
// - Waldur, signed out: the sign-in page (first visit, sign-out, or a 401 that ended the session).
//
// The token lives here and in the `Authorization` header only: never in a URL, a log or a report.
import type { ApiError } from './api-error';
import { HttpClient } from './http';
import { t } from './i18n';
import { requestLanguage } from './language';
import { createStore, useStore } from './store';

/**
 * One of the demo's users, as data: the account menu says who they are (their role and what
 * they may do) in the reader's language, from `id` (`staff`, `admin`, `support`, `member`).
 */
export interface DemoPersona {
  id: string;
  /** The person's name (data, as Waldur would show it). */
  name: string;
  token: string;
}

export type Session =
  | { kind: 'demo'; apiUrl: string; token: string; persona: string; personas: DemoPersona[] }
  | {
      kind: 'waldur';
      apiUrl: string | null;
      token: string | null;
      /** The API URL comes from config.json and cannot be changed on the sign-in page. */
      apiUrlFixed: boolean;
      /** Why the user is signed out (a 401), shown on the sign-in page. */
      endedReason: string | null;
      /** Offered on the sign-in page when the deployment has no API URL of its own. */
      canReturnToDemo: boolean;
    };

const KEY_CONNECTION = 'volume-console:connection';
const KEY_PERSONA = 'volume-console:demo-persona';

interface StoredConnection {
  apiUrl: string;
  token: string | null;
}

function readStored(): { value: StoredConnection; remembered: boolean } | null {
  for (const [storage, remembered] of [
    [sessionStorage, false],
    [localStorage, true],
  ] as const) {
    try {
      const raw = storage.getItem(KEY_CONNECTION);
      if (raw) {
        const value = JSON.parse(raw) as StoredConnection;
        if (typeof value.apiUrl === 'string') return { value, remembered };
      }
    } catch {
      // unreadable storage: behave as if nothing was stored
    }
  }
  return null;
}

function writeStored(value: StoredConnection | null, remember: boolean) {
  try {
    sessionStorage.removeItem(KEY_CONNECTION);
    localStorage.removeItem(KEY_CONNECTION);
    if (value)
      (remember ? localStorage : sessionStorage).setItem(KEY_CONNECTION, JSON.stringify(value));
  } catch {
    // storage disabled: the session lasts as long as the page
  }
}

class SessionStore {
  readonly store = createStore<Session>({
    kind: 'waldur',
    apiUrl: null,
    token: null,
    apiUrlFixed: false,
    endedReason: null,
    canReturnToDemo: false,
  });
  private client: HttpClient | null = null;
  private remembered = false;

  get = () => this.store.get();

  subscribe = (listener: () => void) => this.store.subscribe(listener);

  private get session() {
    return this.store.get();
  }

  private set(session: Session) {
    this.client = null;
    this.store.set(session);
  }

  /** The HTTP client for the current session. */
  api(): HttpClient {
    if (!this.client) {
      const { apiUrl } = this.session;
      this.client = new HttpClient({
        baseUrl: apiUrl ?? window.location.origin,
        getToken: () => this.session.token,
        getLanguage: requestLanguage,
        onUnauthorized: (error) => this.end(error),
      });
    }
    return this.client;
  }

  /**
   * Start-up: a deployment's config.json decides whether a Waldur is fixed; otherwise the demo runs,
   * unless the user chose "Connect to Waldur" earlier in this browser session.
   */
  initWaldur(configApiUrl: string | null) {
    const stored = readStored();
    this.remembered = stored?.remembered ?? false;
    const apiUrl = configApiUrl ?? (stored?.value.apiUrl || null);
    const token =
      stored && (!configApiUrl || stored.value.apiUrl === configApiUrl) ? stored.value.token : null;
    this.set({
      kind: 'waldur',
      apiUrl,
      token,
      apiUrlFixed: configApiUrl !== null,
      endedReason: null,
      canReturnToDemo: configApiUrl === null,
    });
  }

  /** Whether this browser chose to connect to a Waldur instead of the demo (config has no API URL). */
  wantsWaldur() {
    return readStored() !== null;
  }

  initDemo(apiUrl: string, personas: DemoPersona[]) {
    let persona = personas[0]!.id;
    try {
      const stored = sessionStorage.getItem(KEY_PERSONA);
      if (stored && personas.some((p) => p.id === stored)) persona = stored;
    } catch {
      // keep the default persona
    }
    const token = personas.find((p) => p.id === persona)!.token;
    this.set({ kind: 'demo', apiUrl, token, persona, personas });
  }

  switchPersona(id: string) {
    if (this.session.kind !== 'demo') return;
    const persona = this.session.personas.find((p) => p.id === id);
    if (!persona) return;
    try {
      sessionStorage.setItem(KEY_PERSONA, id);
    } catch {
      // the choice lasts as long as the page
    }
    this.set({ ...this.session, persona: id, token: persona.token });
  }

  signIn(apiUrl: string, token: string, remember: boolean) {
    if (this.session.kind !== 'waldur') return;
    this.remembered = remember;
    writeStored({ apiUrl, token }, remember);
    this.set({ ...this.session, apiUrl, token, endedReason: null });
  }

  signOut() {
    if (this.session.kind !== 'waldur') return;
    const { apiUrl } = this.session;
    // Keep the chosen API URL (without the token) so the sign-in page offers it again.
    writeStored(
      apiUrl && !this.session.apiUrlFixed ? { apiUrl, token: null } : null,
      this.remembered,
    );
    this.set({ ...this.session, token: null, endedReason: null });
  }

  /** A 401 anywhere ends the session; the sign-in page explains and leads back. */
  end(error: ApiError) {
    if (this.session.kind !== 'waldur' || !this.session.token) return;
    const { apiUrl } = this.session;
    writeStored(
      apiUrl && !this.session.apiUrlFixed ? { apiUrl, token: null } : null,
      this.remembered,
    );
    const reason = error.detail
      ? t('Waldur ended the session: {detail}', { detail: error.detail })
      : t('Waldur ended the session.');
    this.set({ ...this.session, token: null, endedReason: reason });
  }

  /** From demo mode: reload into the sign-in page for a real Waldur. */
  connectToWaldur() {
    writeStored({ apiUrl: '', token: null }, false);
    window.location.assign(`${import.meta.env.BASE_URL}sign-in`);
  }

  /** From the sign-in page (when config.json names no Waldur): reload into the demo. */
  returnToDemo() {
    writeStored(null, false);
    window.location.assign(import.meta.env.BASE_URL);
  }
}

export const sessionStore = new SessionStore();

export function useSession(): Session {
  return useStore(sessionStore.store);
}

/** The HTTP client of the current session (for query functions and mutations). */
export function api(): HttpClient {
  return sessionStore.api();
}
