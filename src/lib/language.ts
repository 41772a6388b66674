// Which language the console speaks, and loading it: the reader's choice (kept per browser), else
// the browser's languages; each language's catalogue is its own file, fetched only for it (at
// boot in parallel with the app's start, so the first row waits for no extra round trip).
//
// A catalogue comes in two parts (scripts/catalogues.ts): the words of the first screen (the code
// the list's first download holds) and the rest. The first part is what the first row waits for;
// the rest follows once the page is idle, or as soon as code loaded on demand asks for it:
// `withWords(import('./dialog'))` resolves only when the language's every word is here too, so a
// dialog never opens with English in it (docs/decisions/0015-catalogue-in-two-parts.md).
import { applyLocale, type Catalogue, getLocale, type LoadedLanguage } from './i18n';
import { isLocale, type Language, type Locale, PSEUDO, pickLanguage } from './locales';

const KEY = 'volume-console:locale';

/** Set by the build (scripts/catalogues.ts): a hash of every catalogue, for their URLs. */
declare const __CATALOGUE_VERSION__: string;

/** The two files of a language's catalogue (`src/locales/<code>.json`, built to `assets/locales/`). */
type Part = 'first' | 'rest';

async function fetchCatalogue(locale: Locale, part: Part): Promise<Record<string, string>> {
  const url = `${import.meta.env.BASE_URL}assets/locales/${locale}.${part}.json?v=${__CATALOGUE_VERSION__}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * The rest of the catalogue of the language being loaded or spoken, once asked for: `locale` and
 * the load (started on the first ask; dropped if it fails, so that the next ask tries again).
 */
let rest: { locale: Locale; load: () => Promise<void>; loading: Promise<void> | null } | null =
  null;

/**
 * What a language needs beyond English: its catalogue, and how it writes numbers and dates
 * (`Intl`, created here, so that the first render finds ICU's data loaded). English needs
 * neither; the pseudo-locale is English made longer. `complete`: both parts of the catalogue
 * (a switch of language); otherwise the first part, the rest when asked for (`withWords`).
 */
export async function loadLanguage(locale: Locale, complete = false): Promise<LoadedLanguage> {
  if (locale === 'en') return { catalogue: null, formats: null };
  if (locale === PSEUDO)
    return { catalogue: (await import('./pseudo-locale')).pseudoCatalogue, formats: null };
  const messages: Record<string, string> = {};
  const load = async () => {
    Object.assign(messages, await fetchCatalogue(locale, 'rest'));
  };
  // Registered before anything is awaited: code loaded on demand while the first part is on its
  // way already knows which words to wait for.
  rest = complete ? null : { locale, load, loading: null };
  const [first, { createFormats }] = await Promise.all([
    fetchCatalogue(locale, 'first'),
    import('./locale-formats'),
    complete ? load() : null,
  ]);
  Object.assign(messages, first);
  // An empty translation is one not written yet: English says it meanwhile.
  const catalogue: Catalogue = (key) => messages[key] || undefined;
  return { catalogue, formats: createFormats(locale) };
}

/**
 * Resolves when every word of the language being spoken (or started in) is here: at once for
 * English, the pseudo-locale and a language switched to, else when the rest of its catalogue has
 * arrived (fetched now if it was not asked for yet). A rest that cannot be fetched (offline) does
 * not hold the code back: its words show in English, and the next ask tries again.
 */
function allWords(): Promise<void> {
  const current = rest;
  if (!current || current.locale !== (starting ?? getLocale())) return Promise.resolve();
  current.loading ??= current.load().catch(() => {
    current.loading = null;
  });
  return current.loading;
}

/** `load` (code fetched on demand), once the reader's language has every word it may show. */
export async function withWords<T>(load: Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([load, allWords()]);
  return loaded;
}

export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The language being started in, until it is applied: the first requests (the page's data,
 * fetched while its catalogue loads) already ask Waldur for it.
 */
let starting: Locale | null = null;

/** The language to start in: the one chosen in this browser, else the browser's own. */
export function initialLocale(): Locale {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  starting = storedLocale() ?? pickLanguage(languages);
  return starting;
}

/** The console starts speaking `locale` (English if its files could not be loaded). */
export function applyStartingLocale(locale: Locale, loaded: LoadedLanguage | undefined) {
  applyLocale(loaded ? locale : 'en', loaded);
  starting = null;
}

/**
 * Switches the console to `locale`, kept for this browser: its catalogue first, then the page
 * renders again in it (no reload; the page, a dialog's input and the scroll stay).
 */
export async function switchLanguage(locale: Locale) {
  applyLocale(locale, await loadLanguage(locale, true));
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // the choice lasts as long as the page
  }
}

/** The language Waldur is asked to answer in (`Accept-Language`): Waldur's code for it. */
export function requestLanguage(): Language {
  const locale = starting ?? getLocale();
  return locale === PSEUDO ? 'en' : (locale as Language);
}

/**
 * Another tab switched language: follow it, as the choice is this browser's. The page stays as it
 * is (a dialog's input, the scroll); only its words change.
 */
export function followOtherTabs() {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY && isLocale(event.newValue) && event.newValue !== getLocale())
      void switchLanguage(event.newValue);
  });
}
