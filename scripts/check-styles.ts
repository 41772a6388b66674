// `npm run lint` runs this: it fails when one selector sets one property in two stylesheets whose
// order in the page is not fixed. A stylesheet comes with the code that imports it, and code loads
// on demand (a dialog's, the volume page's, a component's within a page), so of two equal rules the
// one that wins is whichever file arrived last: a phone rule in one file for a selector styled in a
// file that loads later silently lost (the dialogs on a phone kept the desktop's width; the volume
// history kept two columns). An override lives in the same file as the rule it overrides, or both
// files are among those loaded before any page, in the order below.
//
//   tsx scripts/check-styles.ts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The stylesheets every page loads before its own, in the order they apply: main.tsx imports the
 * first four, app/layout.tsx the last two. Among these a later file may override an earlier one.
 */
export const FIXED_ORDER = [
  'styles/tokens.css',
  'styles/base.css',
  'styles/controls.css',
  'styles/components.css',
  'app/layout.css',
  'styles/phone.css',
];

/**
 * One property a selector sets. Where it is set (inside `@media`, say) is left out on purpose: a
 * phone rule in one file and the desktop rule in another are exactly the pair this check is for.
 */
export interface Declaration {
  selector: string;
  property: string;
}

/** Every (selector, property) a stylesheet sets, in and out of at-rules; selector lists are split. */
export function declarations(css: string): Declaration[] {
  const found: Declaration[] = [];
  const open: string[] = [];
  let text = '';
  for (const token of css.replace(/\/\*[\s\S]*?\*\//g, '').split(/([{}])/)) {
    if (token === '{') {
      open.push(text.trim());
      text = '';
    } else if (token === '}') {
      const prelude = open.pop() ?? '';
      // A style rule (not an at-rule, not a keyframe's `from` / `50%`).
      if (!prelude.startsWith('@') && !open.some((at) => at.startsWith('@keyframes'))) {
        const properties = text
          .split(';')
          .map((part) => part.split(':')[0]!.trim())
          .filter((property) => property && !property.startsWith('--'));
        for (const selector of prelude.split(',').map((s) => s.trim().replace(/\s+/g, ' '))) {
          for (const property of properties) found.push({ selector, property });
        }
      }
      text = '';
    } else {
      text = token;
    }
  }
  return found;
}

/**
 * Selectors that set the same property in more than one file whose relative order is not fixed:
 * `selector { property }` with the files, sorted.
 */
export function overridesAcrossFiles(files: Record<string, string>): string[] {
  const where = new Map<string, Set<string>>();
  for (const [file, css] of Object.entries(files)) {
    for (const { selector, property } of declarations(css)) {
      const key = `${selector} { ${property} }`;
      if (!where.has(key)) where.set(key, new Set());
      where.get(key)!.add(file);
    }
  }
  const found: string[] = [];
  for (const [key, set] of where) {
    if (set.size < 2) continue;
    if ([...set].every((file) => FIXED_ORDER.includes(file))) continue;
    found.push(`${key}: ${[...set].sort().join(', ')}`);
  }
  return found.sort();
}

function stylesheets(dir: string, root: string, out: Record<string, string>) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) stylesheets(path, root, out);
    else if (name.endsWith('.css')) out[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return out;
}

function main() {
  const root = resolve('src');
  const files = stylesheets(root, root, {});
  const found = overridesAcrossFiles(files);
  if (found.length > 0) {
    process.stderr.write(
      `A selector sets a property in stylesheets that load in no fixed order (keep the override next to its rule):\n${found.map((line) => `  ${line}\n`).join('')}`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `Styles: ${Object.keys(files).length} stylesheets, no override across files.\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
