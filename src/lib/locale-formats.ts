// How a language other than English writes numbers, plural forms, dates and times: `Intl`, with
// CLDR's rules. Loaded with that language's catalogue (never for English, whose formats are
// written by hand in ./i18n and ./format so that its first row creates no `Intl` object: decision
// 0006), and created at once, so that ICU's locale data (~10 ms to load) is ready before the page
// renders.

export interface LocaleFormats {
  number(value: number, maximumFractionDigits: number): string;
  plural(n: number): string;
  relative(amount: number, unit: Intl.RelativeTimeFormatUnit): string;
  /** A moment: date, time with seconds, and the offset from UTC. */
  dateTime(date: Date): string;
  /** A calendar day; `utc` for a bare date (a day wherever the reader is). */
  date(date: Date, utc: boolean): string;
  /** A time of day, with seconds. */
  time(date: Date): string;
  /** "5 s", "2 min", "1 h" in the language's narrow units. */
  age(amount: number, unit: 'second' | 'minute' | 'hour'): string;
}

export function createFormats(locale: string): LocaleFormats {
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      numbers.set(digits, format);
    }
    return format;
  };
  const plural = new Intl.PluralRules(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'shortOffset',
  });
  const day = { year: 'numeric', month: 'short', day: 'numeric' } as const;
  const date = new Intl.DateTimeFormat(locale, day);
  const utcDate = new Intl.DateTimeFormat(locale, { ...day, timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const ages = new Map<string, Intl.NumberFormat>();
  const age = (unit: string) => {
    let format = ages.get(unit);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' });
      ages.set(unit, format);
    }
    return format;
  };
  // Created now: the first render finds them ready.
  number(0).format(1);
  number(2).format(1.5);
  return {
    number: (value, digits) => number(digits).format(value),
    plural: (n) => plural.select(n),
    relative: (amount, unit) => relative.format(amount, unit),
    dateTime: (value) => dateTime.format(value),
    date: (value, utc) => (utc ? utcDate : date).format(value),
    time: (value) => time.format(value),
    age: (amount, unit) => age(unit).format(amount),
  };
}
