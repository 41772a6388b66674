// The messages written in one source file: `t('…', values?, context?)`, `msg('…')` and
// `<T m="…" context="…" />`, found in its syntax tree (Vite's parser). Used by the catalogue check
// (./check-messages.ts) and by the build, to split each catalogue by the code that shows its
// messages (./catalogues.ts).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';

const ROOT = join(import.meta.dirname, '..');

export interface Found {
  key: string;
  message: string;
  where: string;
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

export function messagesIn(path: string, found: Found[] = [], problems: string[] = []) {
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
  return { found, problems };
}
