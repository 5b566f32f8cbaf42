import { describe, expect, it } from 'vitest';
import { frenchBaseForms } from '../../../../../src/main/features/tone/frenchInflections';
import { loadLexicons } from '../../../../../src/main/features/tone/lexicon';
import { scoreWithLexicon } from '../../../../../src/main/features/tone/lexiconScorer';
import { tokenize } from '../../../../../src/main/features/tone/textTokens';
import { elongationForms, hashtagWords } from '../../../../../src/main/features/tone/wordForms';

const fr = loadLexicons().fr;
const tone = (text: string) => scoreWithLexicon(text, fr);

describe('French tone rules', () => {
  it('negation scope: ne … pas, pas, jamais, aucun and sans flip the words they reach', () => {
    expect(tone('Je ne suis pas content').toneClass).toBe('negative');
    expect(tone('pas content').toneClass).toBe('negative');
    expect(tone('jamais satisfait de ce service').toneClass).toBe('negative');
    expect(tone('aucun problème avec eux').toneClass).toBe('positive');
    expect(tone('sans problème').toneClass).toBe('positive');
  });

  it('negation stops at the clause: comma, full stop and "mais"', () => {
    expect(tone('pas de réponse, génial').toneClass).toBe('positive');
    expect(tone('Pas le temps. Génial').toneClass).toBe('positive');
    expect(tone('pas vu mais génial').toneClass).toBe('positive');
  });

  it('restrictive "ne … que" does not negate, "ne … pas que" still does', () => {
    expect(tone("Je n'ai que des problèmes").toneClass).toBe('negative');
    expect(tone("Il n'y a que du bonheur").toneClass).toBe('positive');
  });

  it('set phrases that only look negative are read as such', () => {
    expect(tone('sans doute demain').hits).toBe(0);
    expect(tone("pas mal de problèmes aujourd'hui").toneClass).toBe('negative');
    expect(tone("c'est pas mal").toneClass).toBe('positive');
  });

  it('"personne" and "point" are nouns unless a "ne" negates', () => {
    expect(tone('une personne très gentille').toneClass).toBe('positive');
    expect(tone('un point positif').toneClass).toBe('positive');
    expect(tone('personne ne répond, nul').toneClass).toBe('negative');
  });

  it('intensifiers and diminishers scale the next word', () => {
    expect(tone('vraiment nul').negative).toBeGreaterThan(tone('nul').negative);
    expect(tone('incroyablement nul').negative).toBeGreaterThan(tone('nul').negative);
    expect(tone('moyennement content').positive).toBeLessThan(tone('content').positive);
    expect(tone('trop cher').toneClass).toBe('negative');
  });

  it('elongations are read as the word, with emphasis', () => {
    expect(elongationForms('trooop')).toEqual(['troop', 'trop']);
    expect(elongationForms('belle')).toBeNull();
    expect(tone('nuuuul').toneClass).toBe('negative');
    expect(tone('nuuuul').negative).toBeGreaterThan(tone('nul').negative);
    expect(tone('trooop bien').positive).toBeGreaterThan(tone('bien').positive);
    // A stretched "nooon" is an exclamation, not a negation reaching the next words.
    expect(tone('nooon génial').toneClass).toBe('positive');
  });

  it('emojis and emoticons, including ^^, -_- and T_T', () => {
    expect(tone('😡').toneClass).toBe('negative');
    expect(tone('😍').toneClass).toBe('positive');
    expect(tone('à demain ^^').toneClass).toBe('positive');
    expect(tone('encore en retard -_-').negative).toBeGreaterThan(tone('encore en retard').negative);
    expect(tone('T_T').toneClass).toBe('negative');
    expect(tokenize('</3').map((t) => t.kind)).toEqual(['emoticon']);
  });

  it('hashtags are split into words: camelCase, underscores and digits', () => {
    expect(hashtagWords('HelvetiaLeak')).toEqual(['helvetia', 'leak']);
    expect(hashtagWords('fuite_de_données')).toEqual(['fuite', 'de', 'données']);
    expect(hashtagWords('COVID19Scandale')).toEqual(['covid', '19', 'scandale']);
    expect(hashtagWords('BNPScandale')).toEqual(['bnp', 'scandale']);
    expect(hashtagWords('boycott')).toEqual(['boycott']);
    const breach = tone('#FuiteDeDonnées chez eux');
    expect(breach.toneClass).toBe('negative');
    expect(breach.crisisTerms).toContain('fuite de données');
    expect(tone('#ServiceNul').toneClass).toBe('negative');
  });

  it('explicit irony markers turn positive words negative', () => {
    expect(tone('Service génial #ironie').toneClass).toBe('negative');
    expect(tone('Service génial #Sarcasme').toneClass).toBe('negative');
    expect(tone('Merci pour ce cadeau 🙃').toneClass).toBe('negative');
    expect(tone('Service génial').toneClass).toBe('positive');
  });

  it('inflected forms are read back to the listed word', () => {
    expect(frenchBaseForms('déçues')).toContain('déçu');
    expect(frenchBaseForms('cruelles')).toContain('cruel');
    expect(frenchBaseForms('heureuses')).toContain('heureux');
    expect(frenchBaseForms('détestent')).toContain('détester');
    expect(frenchBaseForms('pas')).toEqual([]);
    expect(tone('clients furieuses').toneClass).toBe('negative');
    // An ambiguous word the lexicon sets aside is not reached through an inflection either.
    expect(tone('des forts').hits).toBe(0);
  });
});
