// The catalogue check (`npm run lint`): every message in the console's code against every
// language's catalogue (`src/locales/<code>.json`). It fails on
// - a message in code that a catalogue lacks (or leaves empty),
// - a catalogue key that no code uses,
// - a translation that drops, adds or renames a placeholder or a tag,
// - a plural that lacks a category the language needs (Arabic's zero…many, Lithuanian's few…),
// - an ICU syntax error, in code or in a translation,
// - a `t(…)`, `msg(…)` or `<T m=…>` whose message is not written out as a string.
//
// Messages are found in the code's syntax tree (Vite's parser): `t('…', values?, context?)`,
// `msg('…')` and `<T m="…" context="…" />`. `--write` adds what is missing to every catalogue as
// "" (a translator's to-do; an empty translation shows the English until it is written) and drops
// unused keys; `--list` prints the messages; `--code` checks the code's messages only.
//
//   tsx scripts/check-messages.ts [--write] [--list] [--code]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
import { MessageSyntaxError, type Part, parseMessage } from '../src/lib/icu';
import { signature } from '../src/lib/icu-tools';
import { LANGUAGES } from '../src/lib/locales';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const CATALOGUES = join(SRC, 'locales');
const SKIP = [/\.test\.tsx?$/, /^mocks\//, /^locales\//];

interface Found {
  key: string;
  message: string;
  where: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    const rel = relative(SRC, path);
    return /\.tsx?$/.test(name) && !SKIP.some((p) => p.test(rel)) ? [path] : [];
  });
}

type AstNode = { type: string; start: number; [key: string]: unknown };

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

/** A string literal's value, or undefined for anything else. */
function literal(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0)
    return ((node.quasis as { value: { cooked: string } }[])[0]?.value.cooked ?? '') as string;
  if (node.type === 'JSXExpressionContainer') return literal(node.expression);
  return undefined;
}

function lineOf(source: string, offset: number) {
  return source.slice(0, offset).split('\n').length;
}

export function extract(): { found: Found[]; problems: string[] } {
  const found: Found[] = [];
  const problems: string[] = [];
  for (const path of files(SRC)) {
    const source = readFileSync(path, 'utf8');
    const ast = parseAst(source, { lang: path.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown;
    const rel = relative(ROOT, path);
    const add = (message: string | undefined, context: string | undefined, node: AstNode) => {
      const where = `${rel}:${lineOf(source, node.start)}`;
      if (message === undefined) {
        problems.push(`${where}: the message must be a string written out in the code`);
        return;
      }
      found.push({ key: context ? `${context}\u0004${message}` : message, message, where });
    };
    const visit = (node: unknown) => {
      if (Array.isArray(node)) {
        for (const child of node) visit(child);
        return;
      }
      if (!isNode(node)) return;
      if (node.type === 'CallExpression') {
        const callee = node.callee as AstNode;
        const args = node.arguments as AstNode[];
        if (callee.type === 'Identifier' && (callee.name === 't' || callee.name === 'msg')) {
          const first = args[0];
          // `t(LABELS[x])`: a message marked with msg() where it is written; found there.
          const dynamic = first && !['Literal', 'TemplateLiteral'].includes(first.type);
          if (!(callee.name === 't' && dynamic)) add(literal(first), literal(args[2]), node);
        }
      }
      if (node.type === 'JSXOpeningElement') {
        const name = node.name as AstNode;
        if (name.type === 'JSXIdentifier' && name.name === 'T') {
          const attributes = node.attributes as AstNode[];
          const attr = (key: string) =>
            attributes.find((a) => (a.name as AstNode | undefined)?.name === key)?.value;
          add(literal(attr('m')), literal(attr('context')), node);
        }
      }
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'type' && key !== 'start' && key !== 'end') visit(value);
      }
    };
    visit(ast);
  }
  return { found, problems };
}

/** Plural arguments of a message, with the categories each lists. */
function plurals(parts: Part[], out: Map<string, Set<string>> = new Map()) {
  for (const part of parts) {
    if (typeof part !== 'object') continue;
    if ('tag' in part) plurals(part.children, out);
    else if ('cases' in part) {
      if ('plural' in part) {
        const seen = out.get(part.plural) ?? new Set<string>();
        for (const key of Object.keys(part.cases)) if (!key.startsWith('=')) seen.add(key);
        out.set(part.plural, seen);
      }
      for (const branch of Object.values(part.cases)) plurals(branch, out);
    }
  }
  return out;
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const list = (set: Set<string>) => [...set].sort().join(', ') || '—';

export function check(write = false, codeOnly = false) {
  const { found, problems } = extract();
  const messages = new Map<string, Found>();
  for (const item of found) {
    if (!messages.has(item.key)) messages.set(item.key, item);
    try {
      parseMessage(item.message);
    } catch (error) {
      if (error instanceof MessageSyntaxError) problems.push(`${item.where}: ${error.message}`);
      else throw error;
    }
  }
  const sources = new Map(
    [...messages].map(([key, item]) => {
      try {
        return [key, parseMessage(item.message)] as const;
      } catch {
        return [key, null] as const;
      }
    }),
  );

  const summary: string[] = [];
  for (const code of codeOnly ? [] : LANGUAGES) {
    if (code === 'en') continue;
    const path = join(CATALOGUES, `${code}.json`);
    let catalogue: Record<string, string> = {};
    try {
      catalogue = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    } catch {
      if (!write) problems.push(`src/locales/${code}.json: missing or not JSON`);
    }
    const categories = new Set(new Intl.PluralRules(code).resolvedOptions().pluralCategories);
    let missing = 0;
    for (const [key, item] of messages) {
      const translation = catalogue[key];
      if (!translation) {
        missing++;
        if (!write)
          problems.push(`src/locales/${code}.json: missing “${item.message}” (${item.where})`);
        continue;
      }
      const source = sources.get(key);
      let parts: Part[];
      try {
        parts = parseMessage(translation);
      } catch (error) {
        problems.push(`src/locales/${code}.json: “${item.message}”: ${(error as Error).message}`);
        continue;
      }
      if (!source) continue;
      const want = signature(source);
      const got = signature(parts);
      if (!same(want.args, got.args))
        problems.push(
          `src/locales/${code}.json: “${item.message}” has placeholders {${list(got.args)}}, not {${list(want.args)}}`,
        );
      if (!same(want.tags, got.tags))
        problems.push(
          `src/locales/${code}.json: “${item.message}” has tags <${list(got.tags)}>, not <${list(want.tags)}>`,
        );
      for (const [arg, cases] of plurals(parts)) {
        const lacking = [...categories].filter((c) => !cases.has(c) && c !== 'other');
        // `other` is required by the syntax; a form the language needs must be there too.
        if (lacking.length > 0)
          problems.push(
            `src/locales/${code}.json: “${item.message}”: the plural of {${arg}} lacks ${lacking.join(', ')} (${code} needs ${list(categories)})`,
          );
      }
    }
    const unused = Object.keys(catalogue).filter((key) => !messages.has(key));
    if (!write)
      for (const key of unused)
        problems.push(`src/locales/${code}.json: “${key}” is used nowhere in the code`);
    if (write) {
      const next: Record<string, string> = {};
      for (const key of [...messages.keys()].sort()) next[key] = catalogue[key] ?? '';
      writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
    }
    summary.push(`${code}: ${messages.size - missing}/${messages.size}`);
  }
  return { messages, problems, summary };
}

if (process.argv[1]?.endsWith('check-messages.ts')) {
  const write = process.argv.includes('--write');
  // --code: the messages in the code only (syntax, written out), not the catalogues.
  const { messages, problems, summary } = check(write, process.argv.includes('--code'));
  if (process.argv.includes('--list'))
    for (const key of messages.keys()) process.stdout.write(`${key}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\nMessages: ${problems.length} problems.\n`);
    process.exit(1);
  }
  process.stdout.write(
    `Messages: ${messages.size} in the code; catalogues ${summary.join(', ')}.\n`,
  );
}
