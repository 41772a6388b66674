// Money in the reader's language and the deployment's currency (`CURRENCY_NAME`, an ISO code such
// as "EUR" in Waldur's default settings). Prices are shown only where someone decides (dialogs,
// the overview), never on the way to the first row, so `Intl` is fine here (decision 0006).
// Small amounts keep more digits, as HomePort shows them: 2 decimals, 3 under 0.05, 4 under 0.005.
import { getLocale, t } from './i18n';
import { PSEUDO } from './locales';

const cache = new Map<string, Intl.NumberFormat | null>();

function digitsFor(value: number) {
  const size = Math.abs(value);
  if (size === 0) return 2;
  if (size < 0.005) return 4;
  if (size < 0.05) return 3;
  return 2;
}

function formatter(currency: string, digits: number): Intl.NumberFormat | null {
  const locale = getLocale() === PSEUDO ? 'en' : getLocale();
  const key = `${locale} ${currency} ${digits}`;
  if (!cache.has(key)) {
    let format: Intl.NumberFormat | null = null;
    try {
      // A name that is not an ISO 4217 code (a deployment may write "€" or "credits") throws.
      format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: digits,
      });
    } catch {
      format = null;
    }
    cache.set(key, format);
  }
  return cache.get(key) ?? null;
}

/** "€0.016", "0,016 €", or "0.016 credits" for a currency that is not an ISO code. */
export function formatMoney(value: number, currency: string): string {
  const digits = digitsFor(value);
  const format = formatter(currency, digits);
  if (format) return format.format(value);
  const number = new Intl.NumberFormat(getLocale() === PSEUDO ? 'en' : getLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value);
  return t('{amount} {currency}', { amount: number, currency });
}

/** A difference: "+€0.50" or "−€0.50". */
export function formatMoneyChange(value: number, currency: string): string {
  const amount = formatMoney(Math.abs(value), currency);
  return value < 0 ? `−${amount}` : `+${amount}`;
}
