// Which language the console speaks, and loading it: the reader's choice (kept per browser), else
// the browser's languages; each language's catalogue is its own file, fetched only for it (at
// boot in parallel with the app's start, so the first row waits for no extra round trip).
import { applyLocale, type Catalogue, getLocale, type LoadedLanguage } from './i18n';
import { isLocale, type Language, type Locale, PSEUDO, pickLanguage } from './locales';

const KEY = 'volume-console:locale';

/** Set by the build (scripts/catalogues.ts): a hash of every catalogue, for their URLs. */
declare const __CATALOGUE_VERSION__: string;

/** A catalogue, one file per language (`src/locales/<code>.json`, built to `assets/locales/`). */
async function fetchCatalogue(locale: Locale): Promise<Record<string, string>> {
  const url = `${import.meta.env.BASE_URL}assets/locales/${locale}.json?v=${__CATALOGUE_VERSION__}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * What a language needs beyond English: its catalogue, and how it writes numbers and dates
 * (`Intl`, created here, so that the first render finds ICU's data loaded). English needs
 * neither; the pseudo-locale is English made longer.
 */
export async function loadLanguage(locale: Locale): Promise<LoadedLanguage> {
  if (locale === 'en') return { catalogue: null, formats: null };
  if (locale === PSEUDO)
    return { catalogue: (await import('./pseudo-locale')).pseudoCatalogue, formats: null };
  const [messages, { createFormats }] = await Promise.all([
    fetchCatalogue(locale),
    import('./locale-formats'),
  ]);
  // An empty translation is one not written yet: English says it meanwhile.
  const catalogue: Catalogue = (key) => messages[key] || undefined;
  return { catalogue, formats: createFormats(locale) };
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
  applyLocale(locale, await loadLanguage(locale));
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
