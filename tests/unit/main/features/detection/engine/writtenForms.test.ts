import { describe, expect, it } from 'vitest';
import { shownTerms, writtenForms } from '../../../../../../src/main/features/detection/engine/writtenForms';

const LEAK = [
  'Fuite de données chez Helvetia : mes infos bancaires en ligne #HelvetiaLeak',
  '#HelvetiaLeak la fuite de données touche des milliers de clients',
  'Données volées ? FUITE DE DONNÉES confirmée #helvetialeak #HelvetiaLeak',
  'Data leak at Helvetia, my account was hacked #HelvetiaLeak',
  'Another data leak: Helvetia says nothing',
];

describe('written forms of the engine’s keys', () => {
  it('shows the most frequent written form: accents kept, hashtags with their capitals, words in lower case', () => {
    const forms = writtenForms(LEAK, new Set(['donnees', '#helvetialeak', 'fuite', 'hameconnage']));
    expect(forms.get('donnees')).toBe('données');
    expect(forms.get('#helvetialeak')).toBe('#HelvetiaLeak');
    expect(forms.get('fuite')).toBe('fuite');
    expect(forms.has('hameconnage')).toBe(false);
  });

  it('joins words the posts write as one phrase, in French and English, and leaves the others alone', () => {
    const shown = shownTerms(LEAK, ['fuite', '#helvetialeak', 'donnees', 'data', 'leak', 'milliers', 'clients', 'hacked']);
    expect(shown).toEqual([
      { shown: 'fuite de données', keys: ['fuite', 'donnees'] },
      { shown: '#HelvetiaLeak', keys: ['#helvetialeak'] },
      { shown: 'data leak', keys: ['data', 'leak'] },
      // "des milliers de clients": together in one post only, a phrase needs two.
      { shown: 'milliers', keys: ['milliers'] },
      { shown: 'clients', keys: ['clients'] },
      { shown: 'hacked', keys: ['hacked'] },
    ]);
  });

  it('does not join words across punctuation, links or handles, nor words usually apart', () => {
    const texts = [
      'Une fuite. Données publiques ici',
      'fuite https://x.example/a données',
      'fuite @donnees encore',
      'la fuite est grave, les données aussi',
      'fuite données',
    ];
    expect(shownTerms(texts, ['fuite', 'donnees']).map((t) => t.shown)).toEqual(['fuite', 'données']);
  });
});
