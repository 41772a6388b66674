// A small ICU MessageFormat parser and formatter: what the console's messages use, and nothing
// more. Arguments `{name}`, numbers `{n, number}`, `{n, plural, =0 {…} one {# volume} other {…}}`
// (with `#`), `{state, select, OK {…} other {…}}`, and tags `<strong>…</strong>` for rich text.
// Quoting follows ICU: `''` is an apostrophe, and `'{'` a literal brace; any other apostrophe is
// text, so "Waldur's" needs no escaping.
//
// Messages are parsed when first used and kept (docs/decisions/0011): an English message is its
// own key in code, and another language's catalogue holds the same messages translated.

export type Part = string | Arg | Plural | Select | Tag | typeof POUND;
export interface Arg {
  arg: string;
  /** `{n, number}`: formatted as a number whatever the value's type. */
  number?: true;
}
export interface Plural {
  plural: string;
  cases: Record<string, Part[]>;
}
export interface Select {
  select: string;
  cases: Record<string, Part[]>;
}
export interface Tag {
  tag: string;
  children: Part[];
}
/** `#` inside a plural: the number, formatted. */
export const POUND = 0;

export class MessageSyntaxError extends Error {
  override readonly name = 'MessageSyntaxError';
}

export function parseMessage(message: string): Part[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new MessageSyntaxError(`${what} at ${i}: ${message}`);
  };
  const space = () => {
    while (/\s/.test(message[i] ?? '')) i++;
  };
  const word = () => {
    space();
    const start = i;
    while (i < message.length && /[^\s,{}<>]/.test(message[i]!)) i++;
    if (i === start) fail('name expected');
    return message.slice(start, i);
  };

  /** Parts until `}` (inside a case), `</` (inside a tag) or the end. */
  const parts = (inPlural: boolean, closing: '' | '}' | '</'): Part[] => {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (i < message.length) {
      const c = message[i]!;
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") {
          text += "'";
          i += 2;
        } else if (next === '{' || next === '}' || next === '#' || next === '<') {
          const end = message.indexOf("'", i + 1);
          if (end === -1) fail('unclosed quote');
          text += message.slice(i + 1, end);
          i = end + 1;
        } else {
          text += c;
          i++;
        }
      } else if (c === '{') {
        flush();
        i++;
        out.push(argument());
      } else if (c === '}') {
        if (closing !== '}') fail('stray }');
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push(POUND);
        i++;
      } else if (c === '<') {
        if (message[i + 1] === '/') {
          if (closing !== '</') fail('stray closing tag');
          break;
        }
        flush();
        i++;
        const tag = word();
        if (message[i] !== '>') fail('> expected');
        i++;
        const children = parts(inPlural, '</');
        if (!message.startsWith(`</${tag}>`, i)) fail(`</${tag}> expected`);
        i += tag.length + 3;
        out.push({ tag, children });
      } else {
        text += c;
        i++;
      }
    }
    if (closing && i >= message.length) fail(`${closing} expected`);
    flush();
    return out;
  };

  const cases = (inPlural: boolean): Record<string, Part[]> => {
    const result: Record<string, Part[]> = {};
    for (;;) {
      space();
      if (message[i] === '}') break;
      const key = word();
      space();
      if (message[i] !== '{') fail('{ expected');
      i++;
      result[key] = parts(inPlural, '}');
      i++; // the case's }
    }
    if (!('other' in result)) fail('other case missing');
    return result;
  };

  const argument = (): Part => {
    const name = word();
    space();
    if (message[i] === '}') {
      i++;
      return { arg: name };
    }
    if (message[i] !== ',') fail(', or } expected');
    i++;
    const kind = word();
    space();
    if (kind === 'number') {
      if (message[i] !== '}') fail('} expected');
      i++;
      return { arg: name, number: true };
    }
    if (kind !== 'plural' && kind !== 'select') fail(`unknown type ${kind}`);
    if (message[i] !== ',') fail(', expected');
    i++;
    const options = cases(kind === 'plural');
    i++; // the argument's }
    return kind === 'plural' ? { plural: name, cases: options } : { select: name, cases: options };
  };

  const result = parts(false, '');
  if (i < message.length) fail('stray text');
  return result;
}
