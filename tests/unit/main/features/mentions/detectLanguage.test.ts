import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, textForDetection } from '../../../../../src/main/features/mentions/detectLanguage';
import { sharedData } from '../../../../support/paths';

describe('detectLanguage', () => {
  it('trusts the language the source announced', () => {
    expect(detectLanguage('This is plainly English text about a bank', 'fr-CH')).toBe('fr');
  });

  it('recognises French, English and other languages from the text', () => {
    expect(detectLanguage("La banque a encore eu une panne ce matin, impossible d'accéder à mon compte")).toBe('fr');
    expect(detectLanguage('The bank had another outage this morning, I cannot reach my account')).toBe('en');
    expect(detectLanguage('Die Bank hatte heute Morgen wieder einen Ausfall, ich komme nicht an mein Konto')).toBe('de');
  });

  it('gives no language for text that is only links, handles and hashtags', () => {
    expect(detectLanguage('@user http://t.co/abc #fail')).toBeNull();
  });

  it('labels the French and English posts of tone-dev as the medium database did, with the smaller one', () => {
    const posts = (['english', 'french'] as const).flatMap((dir) =>
      ['train', 'val'].flatMap((split) =>
        readFileSync(sharedData('tone-dev', dir, `${split}_text.txt`), 'utf8')
          .split('\n')
          .map(textForDetection)
          .filter((t): t is string => t !== null)
          .map((text) => ({ text, language: dir === 'english' ? 'en' : 'fr' })),
      ),
    );
    const wrong = posts.filter((p) => detectLanguage(p.text) !== p.language).length;
    expect(posts.length).toBeGreaterThan(4000);
    // 7 of 4,324 with either database (extrasmall: 11).
    expect(wrong).toBeLessThanOrEqual(7);
  });
});
