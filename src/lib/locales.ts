// The languages the console speaks: Waldur's default `LANGUAGE_CHOICES` (mastermind
// `waldur_core/server/base_settings.py`), and which way each is written. A deployment may enable
// fewer (`GET /api/configuration/`).

/** Waldur's codes, in its order. Their names are in ./language-names (only the menu needs them). */
export const LANGUAGES = [
  'en',
  'et',
  'lt',
  'lv',
  'ru',
  'it',
  'de',
  'da',
  'sv',
  'es',
  'fr',
  'nb',
  'ar',
  'cs',
] as const;

export type Language = (typeof LANGUAGES)[number];

/**
 * Every language, and the pseudo-locale the tests use to find untranslated text: English made
 * accented, 35 % longer and bracketed (never offered to people; see ./pseudo).
 */
export type Locale = Language | 'en-XA';

export const PSEUDO: Locale = 'en-XA';

const CODES = new Set<string>(LANGUAGES);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (CODES.has(value) || value === PSEUDO);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The first of the browser's languages the console has and the deployment enables: `de-AT` is
 * German, `no` and `nn` are Norwegian Bokmål (Waldur's only Norwegian). English when none is.
 */
export function pickLanguage(
  preferred: readonly string[],
  enabled: ReadonlySet<string> = CODES,
): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    const code = primary === 'no' || primary === 'nn' ? 'nb' : primary;
    if (CODES.has(code) && enabled.has(code)) return code as Language;
  }
  return 'en';
}
