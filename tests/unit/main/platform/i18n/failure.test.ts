// Every sentence main words from a catalogue key exists in both catalogues, and a failure carries what the
// screens need to word it again in their reader's language.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { uiCatalogs } from '../../../../../src/shared/i18n/index';
import { failure, inEnglish } from '../../../../../src/main/platform/i18n/failure';
import { translator } from '../../../../../src/main/platform/i18n/translator';
import { sourceFiles } from '../../../../support/prose/proseLiterals';
import { repoPath } from '../../../../support/paths';

/** Calls whose second argument (the first for `inEnglish`) is a catalogue key; `refuse` are local shorthands of `failure`. */
const WORDING_CALLS = new Set(['failure', 'failed', 'refuse', 'inEnglish', 'issue']);

/** The literal catalogue keys passed to `failure(code, key, …)`, `failed(code, key, …)`, `issue(path, key, …)` and `inEnglish(key, …)` in src/main. */
function wordedKeys(): { where: string; key: string }[] {
  return sourceFiles(repoPath('src/main')).flatMap((path) => {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: { where: string; key: string }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && WORDING_CALLS.has(node.expression.text)) {
        const arg = node.arguments[node.expression.text === 'inEnglish' ? 0 : 1];
        // A key chosen by a condition is checked on both branches.
        const keys = arg && ts.isConditionalExpression(arg) ? [arg.whenTrue, arg.whenFalse] : arg ? [arg] : [];
        for (const key of keys.filter(ts.isStringLiteral)) {
          found.push({ where: `${relative(repoPath('.'), path)}:${source.getLineAndCharacterOfPosition(key.getStart()).line + 1}`, key: key.text });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}

function hasSentence(catalog: unknown, key: string): boolean {
  const at = (k: string) => k.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
  return typeof at(key) === 'string' || (typeof at(`${key}_one`) === 'string' && typeof at(`${key}_other`) === 'string');
}

describe('failures worded from the catalogues', () => {
  it('finds every key main words in the English and the French catalogue', () => {
    const keys = wordedKeys();
    expect(keys.length).toBeGreaterThan(0);
    const missing = keys.flatMap(({ where, key }) =>
      (['en', 'fr'] as const).filter((lang) => !hasSentence(uiCatalogs[lang], key)).map((lang) => `${where} ${key} (${lang})`),
    );
    expect(missing).toEqual([]);
  });

  it('carries its key and values, worded in English for logs and in French from the same key', () => {
    const error = failure('NOT_FOUND', 'watches.failures.noWatch', { id: 7 });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No watch 7.');
    expect(error.wording).toEqual({ key: 'watches.failures.noWatch', values: { id: 7 } });
    expect(translator('fr')(error.wording!.key, error.wording!.values)).toBe('Aucune veille 7.');
    expect(inEnglish('watches.failures.noWatch', { id: 3 })).toBe('No watch 3.');
  });
});
