// The languages the console speaks: Waldur's default `LANGUAGE_CHOICES` (mastermind
// `waldur_core/server/base_settings.py`), each named as Waldur names it (its `LANGUAGES` setting),
// and which way it is written. A deployment may enable fewer (`GET /api/configuration/`).

export const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'et', name: 'Eesti' },
  { code: 'lt', name: 'Lietuvių' },
  { code: 'lv', name: 'Latviešu' },
  { code: 'ru', name: 'Русский' },
  { code: 'it', name: 'Italiano' },
  { code: 'de', name: 'Deutsch' },
  { code: 'da', name: 'Dansk' },
  { code: 'sv', name: 'Svenska' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'nb', name: 'Norsk' },
  { code: 'ar', name: 'العربية' },
  { code: 'cs', name: 'Čeština' },
] as const;

export type Language = (typeof LOCALES)[number]['code'];

/**
 * Every language, and the pseudo-locale the tests use to find untranslated text: English made
 * accented, 35 % longer and bracketed (never offered to people; see ./pseudo).
 */
export type Locale = Language | 'en-XA';

export const PSEUDO: Locale = 'en-XA';

const CODES = new Set<string>(LOCALES.map((l) => l.code));

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

/**
 * The languages a deployment enables, from its `WALDUR_CORE.LANGUAGE_CHOICES`: a comma-separated
 * string (or, as HomePort types it, a list). English is always there: the console's own language.
 */
export function enabledLanguages(choices: unknown): Set<string> {
  const codes = Array.isArray(choices)
    ? choices.map(String)
    : typeof choices === 'string'
      ? choices.split(',')
      : LOCALES.map((l) => l.code);
  const enabled = new Set(codes.map((c) => c.trim().toLowerCase()).filter((c) => CODES.has(c)));
  enabled.add('en');
  return enabled;
}
