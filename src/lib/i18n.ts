// The console's words, in the reader's language (docs/decisions/0011).
//
// A message is written once, in English, as an ICU message where it is used:
//
//   t('{count, plural, one {# volume} other {# volumes}} selected', { count })
//   <T m="Delete <b>{name}</b>?" v={{ name }} tags={{ b: (c) => <strong>{c}</strong> }} />
//
// The English text is the message's key: another language's catalogue (`src/locales/<code>.json`,
// loaded only for that language) maps it to the translation. `msg('…')` marks a message kept in a
// table and translated where it is shown (`t(LABELS[state])`). `npm run lint` checks that every
// message in code is in every catalogue, with the same placeholders and tags, and nothing else.
//
// Components read words with `useT()` (or `<T>`): they render again when the language changes, so
// switching keeps the page, its scroll and a dialog's input. Code outside components calls `t`
// directly; what it returns is in the language of the moment.
//
// English numbers and plurals are done by hand: the first `Intl` object of a page loads ICU's
// locale data (about 10 ms), and the English first row does not pay it (decision 0006). Other
// languages use `Intl` (./locale-formats), loaded with their catalogue and created before the
// page renders.
import {
  createElement,
  Fragment,
  type ReactElement,
  type ReactNode,
  useSyncExternalStore,
} from 'react';
import { type Part, POUND, parseMessage } from './icu';
import type { LocaleFormats } from './locale-formats';
import { directionOf, type Locale } from './locales';
import { createStore } from './store';

/** A language's translations: the English message (with its context) → the translated one. */
export type Catalogue = (key: string) => string | undefined;

/** A language as loaded: its catalogue and its formats (both null for English). */
export interface LoadedLanguage {
  catalogue: Catalogue | null;
  formats: LocaleFormats | null;
}

interface State extends LoadedLanguage {
  locale: Locale;
}

const store = createStore<State>({ locale: 'en', catalogue: null, formats: null });

export const getLocale = () => store.get().locale;

/** How the current language writes numbers and dates (null: English, by hand). */
export const getFormats = () => store.get().formats;

/** Switches to `locale` as loaded (./language); the page renders again in it. */
export function applyLocale(locale: Locale, loaded: LoadedLanguage = EMPTY) {
  store.set({ locale, ...loaded });
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale === 'en-XA' ? 'en' : locale;
    document.documentElement.dir = directionOf(locale);
  }
}

export const subscribeLocale = store.subscribe;

const EMPTY: LoadedLanguage = { catalogue: null, formats: null };

// Messages are parsed once, when first used: English ones from code, others from the catalogue.
const parsed = new Map<string, Part[]>();
function compile(text: string): Part[] {
  let parts = parsed.get(text);
  if (!parts) {
    try {
      parts = parseMessage(text);
    } catch {
      parts = [text]; // `npm run lint` reports it; a reader still sees the words
    }
    parsed.set(text, parts);
  }
  return parts;
}

/** The key of a message in a catalogue: gettext's context separator, when there is a context. */
export const messageKey = (message: string, context?: string) =>
  context ? `${context}\u0004${message}` : message;

// Numbers and plurals: English by hand, other languages through their formats (./locale-formats).

function groupEnglish(value: number, fractionDigits: number): string {
  const rounded = Math.abs(value).toFixed(fractionDigits);
  // Trailing zeros of the decimals go ("1.50" → "1.5"); an integer's zeros stay.
  const fixed = fractionDigits > 0 ? rounded.replace(/\.?0+$/, '') : rounded;
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = fraction ? `${grouped}.${fraction}` : grouped;
  return value < 0 && Number(fixed) !== 0 ? `-${digits}` : digits;
}

/**
 * A number in the reader's language: "1,536" or "1.536" or "١٬٥٣٦", with at most
 * `maximumFractionDigits` decimals (0: rounded to an integer).
 */
export function formatNumber(value: number, maximumFractionDigits = 0): string {
  const formats = getFormats();
  return formats
    ? formats.number(value, maximumFractionDigits)
    : groupEnglish(value, maximumFractionDigits);
}

/** CLDR's plural category of `n` in the reader's language ("one", "few", "other"…). */
export function pluralCategory(n: number): string {
  const formats = getFormats();
  return formats ? formats.plural(n) : n === 1 ? 'one' : 'other';
}

// Formatting.

export type Value = string | number | null | undefined;
export type Values = Readonly<Record<string, Value>>;
export type RichValues = Readonly<Record<string, Value | ReactElement>>;
/** How each tag of a rich message is shown: `(children) => <strong>{children}</strong>`. */
export type Tags = Readonly<Record<string, (children: ReactNode) => ReactNode>>;

/**
 * A value in a message. In a right-to-left language a text value (a name, an ID, a path) is
 * isolated with Unicode's first-strong isolate (U+2068 … U+2069), so that "data-01" or a UUID
 * keeps its own direction and does not reorder the sentence around it (what `<bdi>` does).
 */
function show(value: Value | ReactElement): ReactNode {
  if (typeof value === 'number') return formatNumber(value, 2);
  if (typeof value === 'string' && value && directionOf(store.get().locale) === 'rtl')
    return `\u2068${value}\u2069`;
  return value ?? '';
}

function format(
  parts: Part[],
  values: RichValues,
  tags: Tags | null,
  pound: number | null,
  out: ReactNode[],
) {
  for (const part of parts) {
    if (typeof part === 'string') out.push(part);
    else if (part === POUND) out.push(formatNumber(pound ?? 0, 2));
    else if ('arg' in part) {
      const value = values[part.arg];
      out.push(part.number ? formatNumber(Number(value), 2) : show(value));
    } else if ('tag' in part) {
      const children: ReactNode[] = [];
      format(part.children, values, tags, pound, children);
      const render = tags?.[part.tag];
      if (render) out.push(render(createElement(Fragment, null, ...children)));
      else if (tags) out.push(createElement(Fragment, null, ...children));
      else out.push(children.join(''));
    } else if ('plural' in part) {
      const n = Number(values[part.plural]);
      const branch = part.cases[`=${n}`] ?? part.cases[pluralCategory(n)] ?? part.cases.other!;
      format(branch, values, tags, n, out);
    } else {
      const key = String(values[part.select] ?? '');
      const branch = Object.hasOwn(part.cases, key) ? part.cases[key]! : part.cases.other!;
      format(branch, values, tags, pound, out);
    }
  }
}

function lookup(message: string, context?: string): string {
  return store.get().catalogue?.(messageKey(message, context)) ?? message;
}

/** A message as text, in the reader's language (a rich message's tags become plain text). */
export function t(message: string, values: Values = {}, context?: string): string {
  const out: ReactNode[] = [];
  format(compile(lookup(message, context)), values, null, null, out);
  return out.join('');
}

/**
 * Marks a message kept in a table (or a constant) for translation where it is shown: `msg` returns
 * it as it is, and `npm run lint` finds it in the code like a `t(…)`.
 */
export const msg = <M extends string>(message: M): M => message;

/** The translator, for components: they render again in the new language when it changes. */
export function useT(): typeof t {
  useSyncExternalStore(store.subscribe, getLocale, getLocale);
  return t;
}

/** The reader's language, for components that format by it. */
export function useLocale(): Locale {
  return useSyncExternalStore(store.subscribe, getLocale, getLocale);
}

/**
 * A rich message: tags become elements (`tags`), and values may be elements too (a link, a
 * `<bdi>` around an ID), so nothing is ever built by concatenating strings.
 */
export function T({
  m,
  v = {},
  tags = {},
  context,
}: {
  m: string;
  v?: RichValues;
  tags?: Tags;
  context?: string;
}) {
  useLocale();
  const out: ReactNode[] = [];
  format(compile(lookup(m, context)), v, tags, null, out);
  return createElement(Fragment, null, ...out);
}
