// Words of the UI catalogues, per language, and the PDF checks built on them: words of the other language's
// catalogue in a document, and catalogue words cut across two lines of it.
import { execFileSync } from 'node:child_process';
import { uiCatalogs } from '../../../src/shared/i18n/index';
import { systemLogEn, systemLogFr } from '../../../src/shared/i18n/systemLog';
import type { Language } from '../../../src/shared/domain/workspace';

const WORD = /\p{L}[\p{L}’'-]*\p{L}/gu;

function leaves(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree.replace(/\{\{[^}]*\}\}/g, ' ')];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(leaves);
  return [];
}

export const wordsOf = (text: string): string[] => (text.match(WORD) ?? []).map((w) => w.toLowerCase());

const catalogue = { en: [uiCatalogs.en, systemLogEn], fr: [uiCatalogs.fr, systemLogFr] } as const;

export function catalogueWords(language: Language): Set<string> {
  return new Set(leaves(catalogue[language]).flatMap(wordsOf));
}

/** Words of at least five letters found only in the other language's catalogue. */
export function otherLanguageWords(language: Language): Set<string> {
  const own = catalogueWords(language);
  const other = catalogueWords(language === 'fr' ? 'en' : 'fr');
  return new Set([...other].filter((w) => w.length >= 5 && !own.has(w) && !w.includes('-')));
}

/** pdftotext in reading order, one text line of the page per line: a cut word ends one line and starts the next. */
export const pdfLines = (path: string): string[] => execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).split(/\n|\f/);

/**
 * Catalogue words printed cut in two without a hyphen: across a line end ("Vérificat" / "ion") or by a space inside a
 * line ("communi cation"), where neither part is a word of its own.
 */
export function cutWords(lines: readonly string[], words: ReadonlySet<string>): string[] {
  const cuts: string[] = [];
  for (const line of lines) {
    // Whole words only: "incident s’est" is two words, not a cut "incidents".
    for (const [, left, right] of line.matchAll(/(?<![\p{L}’'-])(\p{L}+) (?=(\p{L}+)(?![\p{L}’'-]))/gu)) {
      const joined = `${left}${right}`.toLowerCase();
      if (words.has(joined) && !(words.has(left!.toLowerCase()) && words.has(right!.toLowerCase()))) cuts.push(`${left} ${right}`);
    }
  }
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const end = /(\p{L}+)$/u.exec(lines[i]!.trimEnd())?.[1];
    const start = /^(\p{L}+)/u.exec(lines[i + 1]!.trimStart())?.[1];
    if (!end || !start) continue;
    const joined = `${end}${start}`.toLowerCase();
    if (words.has(joined) && !(words.has(end.toLowerCase()) && words.has(start.toLowerCase()))) cuts.push(`${end}|${start}`);
  }
  return cuts;
}
