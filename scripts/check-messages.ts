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
import { MessageSyntaxError, type Part, parseMessage } from '../src/lib/icu';
import { signature } from '../src/lib/icu-tools';
import { LANGUAGES } from '../src/lib/locales';
import { type Found, messagesIn } from './messages-in-code';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const CATALOGUES = join(SRC, 'locales');
const SKIP = [/\.test\.tsx?$/, /^mocks\//, /^locales\//];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    const rel = relative(SRC, path);
    return /\.tsx?$/.test(name) && !SKIP.some((p) => p.test(rel)) ? [path] : [];
  });
}

export function extract(): { found: Found[]; problems: string[] } {
  const found: Found[] = [];
  const problems: string[] = [];
  for (const path of files(SRC)) messagesIn(path, found, problems);
  return { found, problems };
}

/** The messages of one source file (added to `found`), and what is wrong with them. */
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
