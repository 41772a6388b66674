// The pseudo-locale (`en-XA`): every message in English made accented, about 35 % longer and
// bracketed, "⟦Ðéléţé {name}?·····⟧". Text on screen that is not bracketed was never translated;
// text that is cut off or overflows will be in a longer language too. Only the tests and curious
// developers use it (`localStorage['volume-console:locale'] = 'en-XA'`); it is never offered.
import type { Catalogue } from './i18n';
import { type Part, parseMessage } from './icu';
import { serialize } from './icu-tools';

const ACCENTS: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ü',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  I: 'Í',
  N: 'Ñ',
  O: 'Ö',
  S: 'Š',
  U: 'Ü',
  Y: 'Ý',
};

export const accent = (text: string) => text.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c);

function transform(parts: Part[]): Part[] {
  return parts.map((part) => {
    if (typeof part === 'string') return accent(part);
    if (typeof part !== 'object') return part;
    if ('tag' in part) return { ...part, children: transform(part.children) };
    if ('cases' in part)
      return {
        ...part,
        cases: Object.fromEntries(
          Object.entries(part.cases).map(([key, branch]) => [key, pad(transform(branch))]),
        ),
      };
    return part;
  });
}

/** A message's text length, without its syntax (for the padding). */
function length(parts: Part[]): number {
  let total = 0;
  for (const part of parts) {
    if (typeof part === 'string') total += part.length;
    else if (typeof part === 'object' && 'tag' in part) total += length(part.children);
    else total += 4;
  }
  return total;
}

function pad(parts: Part[]): Part[] {
  const extra = Math.ceil(length(parts) * 0.35);
  return extra > 0 ? [...parts, '·'.repeat(extra)] : parts;
}

/** English message (its key in a catalogue, maybe with a context) → the pseudo-localized one. */
export const pseudoCatalogue: Catalogue = (key) => {
  const message = key.includes('\u0004') ? key.slice(key.indexOf('\u0004') + 1) : key;
  try {
    const parts = parseMessage(message);
    return `⟦${serialize(pad(transform(parts)))}⟧`;
  } catch {
    return `⟦${message}⟧`;
  }
};
