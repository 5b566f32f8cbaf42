// Accent- and case-folding shared by watch matching, so "Données" and "donnees" are the same word.

const COMBINING_MARKS = /\p{M}+/gu;

export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}
