import { describe, expect, it } from 'vitest';
import { evaluateTone } from '../../../../../scripts/eval/tone/evaluateTone';
import { loadLexicons } from '../../../../../src/main/features/tone/lexicon';
import { scoreWithLexicon } from '../../../../../src/main/features/tone/lexiconScorer';
import { sharedData } from '../../../../support/paths';

const lex = loadLexicons();

describe('lexicon tone', () => {
  it('reads plain positive and negative posts in both languages', () => {
    expect(scoreWithLexicon('Merci pour votre aide, service génial !', lex.fr).toneClass).toBe('positive');
    expect(scoreWithLexicon('Service client nul, je suis vraiment déçu', lex.fr).toneClass).toBe('negative');
    expect(scoreWithLexicon('Thanks, the new app is great', lex.en).toneClass).toBe('positive');
    expect(scoreWithLexicon('Worst bank ever, totally useless', lex.en).toneClass).toBe('negative');
  });

  it('handles negation, including elided French negation', () => {
    expect(scoreWithLexicon("Je ne suis pas content du tout", lex.fr).toneClass).toBe('negative');
    expect(scoreWithLexicon("Franchement c'est pas mal", lex.fr).toneClass).toBe('positive');
    expect(scoreWithLexicon("I don't love this update", lex.en).toneClass).toBe('negative');
  });

  it('intensifiers and shouting raise the valence', () => {
    const plain = scoreWithLexicon('bad service', lex.en);
    const strong = scoreWithLexicon('very BAD service', lex.en);
    expect(strong.negative).toBeGreaterThan(plain.negative);
  });

  it('scores emojis and finds crisis vocabulary, with or without accents', () => {
    expect(scoreWithLexicon('😡😡', lex.fr).toneClass).toBe('negative');
    const breach = scoreWithLexicon('Encore une fuite de donnees chez eux, #boycott', lex.fr);
    expect(breach.toneClass).toBe('negative');
    expect(breach.crisisTerms).toEqual(expect.arrayContaining(['fuite de données', 'boycott']));
  });

  it('ignores machine-translation artefacts of the base list ("or", "plus", "comme")', () => {
    expect(scoreWithLexicon('Plus de trains comme hier, or le prix reste le même', lex.fr).hits).toBe(0);
  });
});

describe('eval:tone on the tone-dev val split (evaluation only)', () => {
  it('meets the lexicon and local-model targets', () => {
    const results = evaluateTone(sharedData('tone-dev'), 'val', { share: false });
    const en = results.find((r) => r.language === 'en')!;
    const fr = results.find((r) => r.language === 'fr')!;
    expect(en.lexicon.macroF1).toBeGreaterThanOrEqual(0.6);
    // 0.533 before the French rules of issue #18, 0.563 after.
    expect(fr.lexicon.macroF1).toBeGreaterThanOrEqual(0.56);
    expect(en.model!.macroF1).toBeGreaterThanOrEqual(0.64);
    expect(fr.model!.macroF1).toBeGreaterThanOrEqual(0.58);
  });
});
