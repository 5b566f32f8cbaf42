// Finds the string and template literals of TypeScript sources that read as prose (two words of letters or
// more) outside the few places where words are not for people: imports, type literals, object keys, logger
// calls, internal Errors, SQL. What it returns must come from the catalogues instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface ProseLiteral {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Two words of letters side by side, once `${…}` holes are counted as words. */
const PROSE = /\p{L}{2,}[’']?\p{L}*[ \u00a0\u202f]+(?:\p{L}{2,}|\u2026)/u;
const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|PRAGMA|REPLACE)\b/i;
const LOGGER_METHODS = new Set(['debug', 'info', 'warn', 'error', 'trace', 'log']);

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('x');
  return null;
}

/** Whether the literal sits in a place whose words are for developers or machines, not for people. */
function exempt(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === at) return true;
    if (ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && /Error$/.test(parent.expression.text)) return true;
    if (ts.isCallExpression(parent)) {
      const callee = parent.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const target = callee.expression.getText();
        if (LOGGER_METHODS.has(method) && /(^|\.)(logger|log|console)$/i.test(target)) return true;
        if (['prepare', 'exec', 'pragma'].includes(method)) return true;
      }
    }
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

export function proseLiterals(path: string, root: string): ProseLiteral[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: ProseLiteral[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null) {
      if (PROSE.test(text) && !SQL.test(text) && !exempt(node)) {
        found.push({ file: relative(root, path), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}
