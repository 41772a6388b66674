// Working with parsed messages outside the runtime: what a translation must keep (the catalogue
// check), and writing a message back as ICU (the pseudo-locale). Apart from ./icu so that the
// first download carries only the parser.
import { type Part, POUND } from './icu';

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
