// `npm run lint` runs this: it reads every import in src/ (static, re-exports and dynamic
// `import()`) and fails on
// - a cycle between files;
// - an import against the dependency direction (docs/decisions/0007-dependency-direction.md):
//   between top-level folders, between features, and between the folders of a feature, which go
//   model → api → state → hooks → components → dialogs → pages (each may import only those before
//   it, and itself);
// - code loaded on demand without its words: every `import()` is `withWords(import(…))` (the rest
//   of the reader's catalogue comes with it: docs/decisions/0015-catalogue-in-two-parts.md), but
//   for the first screen's own code and what shows no words (FIRST_SCREEN_LOADS).
//
//   tsx scripts/check-imports.ts [--graph]   (--graph prints the folder-level graph)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve('src');
const EXTENSIONS = ['.ts', '.tsx'];

export const FEATURE_LAYERS = [
  'model',
  'api',
  'state',
  'hooks',
  'components',
  'dialogs',
  'pages',
] as const;

/** Which top-level folders each may import (besides itself). main.tsx, at the top, may import all. */
const TOP_LEVEL: Record<string, string[]> = {
  lib: [],
  components: ['lib'],
  features: ['lib', 'components'],
  app: ['lib', 'components', 'features'],
  mocks: ['lib'],
  styles: [],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return EXTENSIONS.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return null; // a package
  const candidates = EXTENSIONS.some((ext) => base.endsWith(ext))
    ? [base]
    : EXTENSIONS.map((ext) => base + ext);
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next extension
    }
  }
  return null; // CSS, JSON and assets are not modules we order
}

export function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const found = new Set<string>();
  for (const match of source.matchAll(IMPORT)) {
    const target = resolveImport(file, (match[1] ?? match[2])!);
    if (target) found.add(target);
  }
  return [...found];
}

/**
 * The `import()`s that need not wait for the rest of the catalogue: the first screen's code (its
 * words are in the catalogue's first part: scripts/catalogues.ts) and code that shows no words.
 */
const FIRST_SCREEN_LOADS: Record<string, string[]> = {
  'main.tsx': ['./app/start', './mocks/browser'],
  'app/page-code.ts': ['@/features/volumes/pages/volume-list-page'],
  'lib/language.ts': ['./pseudo-locale', './locale-formats'],
};

/** The `import()`s of `source` (the file `rel`, under src/) that are not `withWords(import(…))`. */
export function loadsWithoutWords(rel: string, source: string): string[] {
  if (/\.test\.tsx?$/.test(rel) || rel.startsWith('mocks/')) return [];
  const code = source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const match of code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const wrapped = /withWords\(\s*$/.test(code.slice(0, match.index));
    if (!wrapped && !FIRST_SCREEN_LOADS[rel]?.includes(match[1]!)) found.push(match[1]!);
  }
  return found;
}

/** Strongly connected components with more than one file (Tarjan): each is a cycle. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowlinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!));
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indices.get(next)!));
      }
    }
    if (lowlinks.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

interface Place {
  top: string;
  feature?: string;
  layer?: string;
}

function placeOf(file: string): Place {
  const parts = relative(ROOT, file).split('/');
  if (parts.length === 1) return { top: '' }; // main.tsx
  const top = parts[0]!;
  if (top !== 'features') return { top };
  return { top, feature: parts[1], layer: parts.length > 3 ? parts[2] : undefined };
}

export function violation(from: string, to: string): string | null {
  // Tests drive the app from the outside: they may use anything (the demo backend, test helpers).
  if (/\.test\.tsx?$/.test(from)) return null;
  const a = placeOf(from);
  const b = placeOf(to);
  if (a.top === '') return null;
  if (a.top !== b.top) {
    return (TOP_LEVEL[a.top] ?? []).includes(b.top) ? null : `${a.top}/ may not import ${b.top}/`;
  }
  if (a.top !== 'features') return null;
  if (a.feature !== b.feature) return `features do not import each other (${b.feature})`;
  const rank = (layer: string | undefined) =>
    FEATURE_LAYERS.indexOf(layer as (typeof FEATURE_LAYERS)[number]);
  const ra = rank(a.layer);
  const rb = rank(b.layer);
  if (ra === -1) return `${a.layer ?? '(feature root)'}/ is not a layer of a feature`;
  if (rb === -1) return `${b.layer ?? '(feature root)'}/ is not a layer of a feature`;
  return rb <= ra ? null : `${a.layer}/ may not import ${b.layer}/ (it comes later)`;
}

function main() {
  const graph = new Map<string, string[]>();
  for (const file of files(ROOT)) graph.set(file, importsOf(file));
  const problems: string[] = [];
  for (const cycle of cycles(graph)) {
    problems.push(`cycle: ${cycle.map((f) => relative(ROOT, f)).join(' → ')}`);
  }
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const why = violation(from, to);
      if (why) problems.push(`${relative(ROOT, from)} → ${relative(ROOT, to)}: ${why}`);
    }
  }
  for (const file of files(ROOT))
    for (const specifier of loadsWithoutWords(relative(ROOT, file), readFileSync(file, 'utf8')))
      problems.push(
        `${relative(ROOT, file)}: import('${specifier}') without its words: withWords(import(…))`,
      );
  if (process.argv.includes('--graph')) {
    const folder = (file: string) => dirname(relative(ROOT, file));
    const edges = new Set<string>();
    for (const [from, targets] of graph)
      for (const to of targets)
        if (folder(from) !== folder(to)) edges.add(`${folder(from)} → ${folder(to)}`);
    process.stdout.write(`${[...edges].sort().join('\n')}\n`);
  }
  if (problems.length > 0) {
    process.stderr.write(`Imports:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `Imports: ${graph.size} files, no cycle, every import follows the direction, every load on demand waits for its words.\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
