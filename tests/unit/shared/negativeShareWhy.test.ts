// The why-card says how sure the negative share is, in the reader's language.
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src/shared/domain/detection';
import { sureness, whySentence } from '../../../src/shared/detection/whySentence';
import { translator } from '../../../src/main/platform/i18n/translator';

const N = '\u202f';
const signal = (band?: Signal['band']): Signal => ({ kind: 'negativeShare', level: 'alert', value: 42.5, reference: 18, items: [], ...(band ? { band } : {}) });

describe('negative share on the why-card', () => {
  it('grades a band by its width: firm within ±5 points, rough within ±12.5, loose beyond', () => {
    expect(sureness(8)).toBe('firm');
    expect(sureness(20)).toBe('rough');
    expect(sureness(40)).toBe('loose');
  });

  it('says the likely range, how sure it is and whether it is corrected, in English', () => {
    const t = translator('en');
    expect(whySentence(signal({ low: 38.2, high: 46.9, corrected: true }), t)).toBe(
      'Negative share 42.5% (usually 18%), likely between 38% and 47%: a firm figure, corrected for the tone model’s known errors',
    );
    expect(whySentence(signal({ low: 20, high: 66, corrected: false }), t)).toBe(
      'Negative share 42.5% (usually 18%), likely between 20% and 66%: a loose figure, from few posts, as the tone model classified the posts (too few analyst corrections yet to correct its errors)',
    );
  });

  it('says the same in French, with French numbers and typography', () => {
    const t = translator('fr');
    expect(whySentence(signal({ low: 31, high: 54, corrected: true }), t)).toBe(
      `Part négative 42,5 % (habituellement 18 %), probablement entre 31 % et 54 %${N}: chiffre approximatif, corrigé des erreurs connues du modèle de tonalité`,
    );
  });

  it('keeps the former sentence for a signal stored without a band', () => {
    expect(whySentence(signal(), translator('en'))).toBe('Negative share 42.5% (usually 18%)');
  });
});
