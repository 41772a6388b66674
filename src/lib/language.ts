// Which language the console speaks, and loading it: the reader's choice (kept per browser), else
// the browser's languages; each language's catalogue is its own file, fetched only for it (at
// boot in parallel with the app's start, so the first row waits for no extra round trip).
import { applyLocale, type Catalogue, getLocale } from './i18n';
import { isLocale, type Language, type Locale, PSEUDO, pickLanguage } from './locales';

const KEY = 'volume-console:locale';

/** The catalogues, one file each (`src/locales/<code>.json`), loaded on demand. */
const FILES = import.meta.glob<{ default: Record<string, string> }>('../locales/*.json');

/** English needs none (its messages are the code's); the pseudo-locale is made from English. */
export async function loadCatalogue(locale: Locale): Promise<Catalogue | null> {
  if (locale === 'en') return null;
  if (locale === PSEUDO) return (await import('./pseudo-locale')).pseudoCatalogue;
  const load = FILES[`../locales/${locale}.json`];
  if (!load) return null;
  const messages = (await load()).default;
  // An empty translation is one not written yet: English says it meanwhile.
  return (key) => messages[key] || undefined;
}

export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language to start in: the one chosen in this browser, else the browser's own. */
export function initialLocale(): Locale {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return storedLocale() ?? pickLanguage(languages);
}

/**
 * Switches the console to `locale`, kept for this browser: its catalogue first, then the page
 * renders again in it (no reload; the page, a dialog's input and the scroll stay).
 */
export async function switchLanguage(locale: Locale) {
  const catalogue = await loadCatalogue(locale);
  applyLocale(locale, catalogue);
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // the choice lasts as long as the page
  }
}

/** The language Waldur is asked to answer in (`Accept-Language`): Waldur's code for it. */
export function requestLanguage(): Language {
  const locale = getLocale();
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
