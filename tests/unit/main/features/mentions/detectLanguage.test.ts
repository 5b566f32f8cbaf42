import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../../src/main/features/mentions/detectLanguage';

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
});
