// Each language named in itself, as Waldur names it (its `LANGUAGES` setting), for the language
// menu. Apart from ./locales so that the first download carries only the codes.
import type { Language } from './locales';

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  et: 'Eesti',
  lt: 'Lietuvių',
  lv: 'Latviešu',
  ru: 'Русский',
  it: 'Italiano',
  de: 'Deutsch',
  da: 'Dansk',
  sv: 'Svenska',
  es: 'Español',
  fr: 'Français',
  nb: 'Norsk',
  ar: 'العربية',
  cs: 'Čeština',
};
