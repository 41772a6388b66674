// The translation runtime: ICU messages parsed and formatted, plurals by each language's CLDR
// rules (Lithuanian's three forms, Arabic's six, Czech's and Russian's), numbers, sizes and dates
// in the reader's language, the pseudo-locale, and catalogues' fallbacks.
import { render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { enabledLanguages } from './configuration';
import { formatAge, formatDate, formatDateTime, formatInteger, formatRelative } from './format';
import { applyLocale, formatNumber, msg, pluralCategory, T, t } from './i18n';
import { MessageSyntaxError, parseMessage } from './icu';
import { serialize, signature } from './icu-tools';
import { loadLanguage } from './language';
import { createFormats } from './locale-formats';
import { pickLanguage } from './locales';
import { pseudoCatalogue } from './pseudo-locale';
import { formatSize } from './units';

const VOLUMES = '{count, plural, one {# volume} other {# volumes}}';

afterEach(() => {
  applyLocale('en');
});

/** A language with its formats and, optionally, a catalogue. */
const speak = (
  locale: Parameters<typeof applyLocale>[0],
  catalogue: ((key: string) => string | undefined) | null = null,
) => applyLocale(locale, { catalogue, formats: locale === 'en' ? null : createFormats(locale) });

/** A catalogue of one message. */
const one = (key: string, translation: string) => (k: string) =>
  k === key ? translation : undefined;

describe('ICU messages', () => {
  it('arguments, numbers, plurals with # and =N, selects, tags', () => {
    expect(t('Attach {name} to an instance', { name: 'data-01' })).toBe(
      'Attach data-01 to an instance',
    );
    expect(t(VOLUMES, { count: 1 })).toBe('1 volume');
    expect(t(VOLUMES, { count: 1536 })).toBe('1,536 volumes');
    expect(t('{n, plural, =0 {none} one {one} other {#}}', { n: 0 })).toBe('none');
    expect(t('{state, select, OK {fine} other {not fine}}', { state: 'OK' })).toBe('fine');
    expect(t('{state, select, OK {fine} other {not fine}}', { state: 'ERRED' })).toBe('not fine');
    expect(t('Delete <b>{name}</b>?', { name: 'x' })).toBe('Delete x?');
  });

  it('apostrophes are text; doubled or quoting a brace, as ICU says', () => {
    expect(t("Waldur's answer")).toBe("Waldur's answer");
    expect(t("It''s {name}", { name: 'x' })).toBe("It's x");
    expect(t("a '{literal}' brace")).toBe('a {literal} brace');
  });

  it('reports a syntax error, and shows a broken message as its words rather than failing', () => {
    expect(() => parseMessage('{count, plural, one {#}}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('Unclosed {name')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('<b>unclosed')).toThrow(MessageSyntaxError);
    expect(t('Unclosed {name')).toBe('Unclosed {name');
  });

  it('knows the placeholders and tags a translation must keep, and writes a message back', () => {
    const parts = parseMessage(`<b>{name}</b>: ${VOLUMES}`);
    expect(signature(parts)).toEqual({ args: new Set(['name', 'count']), tags: new Set(['b']) });
    expect(parseMessage(serialize(parts))).toEqual(parts);
    expect(serialize(parseMessage("a '{x}' b"))).toBe("a '{'x'}' b");
  });

  it('rich text: tags and values become elements, never concatenated markup', () => {
    const link = createElement('a', { href: '/x' }, 'there');
    render(
      createElement(T, {
        m: 'Delete <b>{name}</b>? Go {link}.',
        v: { name: 'data-01', link },
        tags: { b: (c) => createElement('strong', null, c) },
      }),
    );
    expect(screen.getByText('data-01').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: 'there' })).toHaveAttribute('href', '/x');
  });
});

describe('plural rules per language (CLDR, through Intl)', () => {
  const forms = (locale: Parameters<typeof applyLocale>[0], numbers: number[]) => {
    speak(locale);
    return numbers.map((n) => pluralCategory(n));
  };
  it('English: one and other, by hand', () => {
    expect(forms('en', [0, 1, 2, 21])).toEqual(['other', 'one', 'other', 'other']);
  });
  it('Lithuanian: one (1, 21), few (2–9, 22), other (10–20), many (fractions)', () => {
    expect(forms('lt', [1, 21, 2, 9, 22, 10, 11, 20, 1.5])).toEqual([
      'one',
      'one',
      'few',
      'few',
      'few',
      'other',
      'other',
      'other',
      'many',
    ]);
  });
  it('Arabic: zero, one, two, few, many, other', () => {
    expect(forms('ar', [0, 1, 2, 3, 10, 11, 99, 100, 102])).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'few',
      'many',
      'many',
      'other',
      'other',
    ]);
  });
  it('Czech: one, few (2–4), other, many (fractions)', () => {
    expect(forms('cs', [1, 2, 4, 5, 1.5])).toEqual(['one', 'few', 'few', 'other', 'many']);
  });
  it('Russian: one (1, 21), few (2–4, 22), many (5–20, 11), other (fractions)', () => {
    expect(forms('ru', [1, 21, 2, 22, 5, 11, 20, 1.5])).toEqual([
      'one',
      'one',
      'few',
      'few',
      'many',
      'many',
      'many',
      'other',
    ]);
  });
  it('a translated plural picks the reader’s form', () => {
    speak(
      'lt',
      one(VOLUMES, '{count, plural, one {# tomas} few {# tomai} many {# tomo} other {# tomų}}'),
    );
    expect([1, 3, 10, 21].map((count) => t(VOLUMES, { count }))).toEqual([
      '1 tomas',
      '3 tomai',
      '10 tomų',
      '21 tomas',
    ]);
  });
});

describe('numbers, sizes and dates in the reader’s language', () => {
  const date = new Date(Date.UTC(2026, 10, 27, 13, 5, 9));
  it('English by hand (no Intl), as before', () => {
    expect(formatInteger(1536)).toBe('1,536');
    expect(formatNumber(1.25, 2)).toBe('1.25');
    expect(formatNumber(-0.001, 2)).toBe('0');
    expect(formatSize(10 * 1024)).toBe('10 GiB');
    expect(formatSize(1536)).toBe('1,536 MiB');
    expect(formatDateTime(date, 60)).toBe('27 Nov 2026, 14:05:09 UTC+01:00');
    expect(formatDate('2027-01-03')).toBe('3 Jan 2027');
    expect(formatRelative(new Date(0), 3 * 60_000)).toBe('3 minutes ago');
    expect(formatAge(5_000)).toBe('5 s');
  });
  it('German: its separators, month names and relative phrases', () => {
    speak('de');
    expect(formatInteger(1536)).toBe('1.536');
    expect(formatNumber(1.25, 2)).toBe('1,25');
    expect(formatDate('2027-01-03')).toBe('3. Jan. 2027');
    expect(formatRelative(new Date(0), 3 * 60_000)).toBe('vor 3 Minuten');
    expect(formatDateTime(date)).toMatch(/^27\. Nov\. 2026, \d\d:05:09 GMT/);
  });
  it('Arabic: CLDR’s digits and words', () => {
    speak('ar');
    expect(formatInteger(1536)).toBe(new Intl.NumberFormat('ar').format(1536));
    expect(formatRelative(new Date(0), 3 * 60_000)).toMatch(/^قبل/);
  });
});

describe('languages and catalogues', () => {
  it('picks the first browser language the console has and the deployment enables', () => {
    expect(pickLanguage(['de-AT', 'en'])).toBe('de');
    expect(pickLanguage(['no-NO'])).toBe('nb');
    expect(pickLanguage(['nn'])).toBe('nb');
    expect(pickLanguage(['pt-BR', 'fr'])).toBe('fr');
    expect(pickLanguage(['pt-BR'])).toBe('en');
    expect(pickLanguage(['de', 'et'], enabledLanguages('en,et'))).toBe('et');
  });
  it('reads a deployment’s LANGUAGE_CHOICES as a string or a list; English is always there', () => {
    expect([...enabledLanguages('et, de,xx')].sort()).toEqual(['de', 'en', 'et']);
    expect([...enabledLanguages(['lt'])].sort()).toEqual(['en', 'lt']);
    expect(enabledLanguages(undefined).size).toBe(14);
  });
  it('an untranslated or empty message falls back to English; a context keeps homonyms apart', () => {
    speak(
      'de',
      (key) => ({ Order: '', 'noun\u0004Order': 'Bestellung' })[key as 'Order'] || undefined,
    );
    expect(t('Order')).toBe('Order');
    expect(t('Order', {}, 'noun')).toBe('Bestellung');
    expect(t('Not in the catalogue')).toBe('Not in the catalogue');
  });
  it('English needs nothing loaded; another language its catalogue and formats', async () => {
    expect(await loadLanguage('en')).toEqual({ catalogue: null, formats: null });
    expect(await loadLanguage('en-XA')).toEqual({ catalogue: pseudoCatalogue, formats: null });
    const german = await loadLanguage('de');
    expect(german.formats?.number(1536, 0)).toBe('1.536');
    expect(typeof german.catalogue).toBe('function');
  });
  it('the pseudo-locale: accented, longer, bracketed, placeholders and tags intact', () => {
    applyLocale('en-XA', { catalogue: pseudoCatalogue, formats: null });
    const text = t('Delete <b>{name}</b>?', { name: 'data-01' });
    expect(text).toMatch(/^⟦Ðéļéţé data-01\?·+⟧$/);
    expect(text.length).toBeGreaterThanOrEqual(Math.ceil('Delete data-01?'.length * 1.3));
    expect(t(VOLUMES, { count: 2 })).toMatch(/^⟦2 ṽöļüɱéš|^⟦2 vöļüɱéš/);
    expect(msg('Plain')).toBe('Plain');
  });
});
