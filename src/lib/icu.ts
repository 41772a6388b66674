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
    throw new MessageSyntaxError(`${what} at ${i} in “${message}”`);
  };
  const space = () => {
    while (/\s/.test(message[i] ?? '')) i++;
  };
  const word = () => {
    space();
    const start = i;
    while (i < message.length && /[^\s,{}<>]/.test(message[i]!)) i++;
    if (i === start) fail('Expected a name');
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
          if (end === -1) fail('Unclosed quote');
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
        if (closing !== '}') fail('Unexpected }');
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push(POUND);
        i++;
      } else if (c === '<') {
        if (message[i + 1] === '/') {
          if (closing !== '</') fail('Unexpected closing tag');
          break;
        }
        flush();
        i++;
        const tag = word();
        if (message[i] !== '>') fail('Expected > after the tag name');
        i++;
        const children = parts(inPlural, '</');
        if (!message.startsWith(`</${tag}>`, i)) fail(`Expected </${tag}>`);
        i += tag.length + 3;
        out.push({ tag, children });
      } else {
        text += c;
        i++;
      }
    }
    if (closing && i >= message.length) fail(`Expected ${closing}`);
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
      if (message[i] !== '{') fail(`Expected { after ${key}`);
      i++;
      result[key] = parts(inPlural, '}');
      i++; // the case's }
    }
    if (!('other' in result)) fail('A plural or select needs an other case');
    return result;
  };

  const argument = (): Part => {
    const name = word();
    space();
    if (message[i] === '}') {
      i++;
      return { arg: name };
    }
    if (message[i] !== ',') fail('Expected , or }');
    i++;
    const kind = word();
    space();
    if (kind === 'number') {
      if (message[i] !== '}') fail('Expected } after number');
      i++;
      return { arg: name, number: true };
    }
    if (kind !== 'plural' && kind !== 'select') fail(`Unknown argument type ${kind}`);
    if (message[i] !== ',') fail('Expected , after the argument type');
    i++;
    const options = cases(kind === 'plural');
    i++; // the argument's }
    return kind === 'plural' ? { plural: name, cases: options } : { select: name, cases: options };
  };

  const result = parts(false, '');
  if (i < message.length) fail('Unexpected text');
  return result;
}

/** The argument names, tags and plural/select shapes a message uses: what a translation must keep. */
export function signature(parts: Part[]): { args: Set<string>; tags: Set<string> } {
  const args = new Set<string>();
  const tags = new Set<string>();
  const walk = (list: Part[]) => {
    for (const part of list) {
      if (typeof part === 'string' || part === POUND) continue;
      if ('arg' in part) args.add(part.arg);
      else if ('tag' in part) {
        tags.add(part.tag);
        walk(part.children);
      } else {
        args.add('plural' in part ? part.plural : part.select);
        for (const branch of Object.values(part.cases)) walk(branch);
      }
    }
  };
  walk(parts);
  return { args, tags };
}

/** Writes parts back as ICU (quoting what would otherwise be syntax). */
export function serialize(parts: Part[], inPlural = false): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') {
        return part.replace(/'/g, "''").replace(inPlural ? /[{}#<]/g : /[{}<]/g, (c) => `'${c}'`);
      }
      if (part === POUND) return '#';
      if ('arg' in part) return part.number ? `{${part.arg}, number}` : `{${part.arg}}`;
      if ('tag' in part) return `<${part.tag}>${serialize(part.children, inPlural)}</${part.tag}>`;
      const [name, kind] = 'plural' in part ? [part.plural, 'plural'] : [part.select, 'select'];
      const cases = Object.entries(part.cases)
        .map(([key, branch]) => `${key} {${serialize(branch, kind === 'plural' || inPlural)}}`)
        .join(' ');
      return `{${name}, ${kind}, ${cases}}`;
    })
    .join('');
}
