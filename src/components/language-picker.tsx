// The language menu: the languages the deployment enables (all of them until its settings are
// read, or when they cannot be: on the sign-in page no Waldur may be known yet), each named in
// itself ("Deutsch", "العربية"). Choosing one switches the console at once, without a reload (the
// page, a dialog's input and the scroll stay); the choice is kept for this browser.
import { useId, useState } from 'react';
import { useEnabledLanguages } from '@/lib/configuration';
import { useLocale, useT } from '@/lib/i18n';
import { switchLanguage } from '@/lib/language';
import { LANGUAGE_NAMES } from '@/lib/language-names';
import { isLocale, LANGUAGES, type Locale, PSEUDO } from '@/lib/locales';
import { Select } from './select';

export function LanguagePicker({ inline = false }: { inline?: boolean }) {
  const t = useT();
  const id = useId();
  const locale = useLocale();
  const enabled = useEnabledLanguages();
  // The language being loaded (its catalogue), shown as chosen meanwhile.
  const [pending, setPending] = useState<Locale | null>(null);
  // Its catalogue could not be loaded (offline): said beside the menu, which shows the language
  // the console still speaks (the sign-in page has no notices).
  const [failed, setFailed] = useState(false);
  const errorId = `${id}-error`;
  // The current language stays listed even if the deployment no longer enables it: the menu
  // always shows what the console speaks.
  const languages = LANGUAGES.filter((code) => enabled.has(code) || code === locale).map(
    (code) => ({ code, name: LANGUAGE_NAMES[code] }),
  );

  const choose = async (next: Locale) => {
    if (next === locale) return;
    setPending(next);
    setFailed(false);
    try {
      await switchLanguage(next);
    } catch {
      setFailed(true);
    } finally {
      setPending(null);
    }
  };

  return (
    <div>
      <Select
        id={id}
        label={t('Language')}
        inline={inline}
        value={pending ?? locale}
        aria-busy={pending ? true : undefined}
        aria-invalid={failed || undefined}
        aria-describedby={failed ? errorId : undefined}
        onChange={(event) => {
          const next = event.target.value;
          if (isLocale(next)) void choose(next);
        }}
      >
        {languages.map(({ code, name }) => (
          // Each language's name in itself, marked as that language for screen readers.
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
        {locale === PSEUDO ? (
          // Never offered; listed only while it is on (tests and developers set it by hand).
          <option value={PSEUDO} lang="en">
            {t('Pseudo ({code})', { code: PSEUDO })}
          </option>
        ) : null}
      </Select>
      {failed ? (
        <p className="field__error" id={errorId} role="alert">
          {t('Could not load that language. Check your connection and try again.')}
        </p>
      ) : null}
    </div>
  );
}
