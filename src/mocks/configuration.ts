// The demo deployment's public settings (`/api/configuration/`, ./handlers/configuration): which
// languages it enables, its currency, whether it conceals prices. Tests change them on the backend.

/** mastermind `base_settings.py`: `LANGUAGES` and the default `LANGUAGE_CHOICES`. */
export const WALDUR_LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['et', 'Eesti'],
  ['lt', 'Lietuvių'],
  ['lv', 'Latviešu'],
  ['ru', 'Русский'],
  ['it', 'Italiano'],
  ['de', 'Deutsch'],
  ['da', 'Dansk'],
  ['sv', 'Svenska'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['nb', 'Norsk'],
  ['ar', 'العربية'],
  ['cs', 'Čeština'],
];

export interface DemoConfiguration {
  languageChoices: string;
  currency: string;
  concealPrices: boolean;
}

export const DEFAULT_CONFIGURATION: DemoConfiguration = {
  languageChoices: WALDUR_LANGUAGES.map(([code]) => code).join(','),
  currency: 'EUR',
  concealPrices: false,
};
