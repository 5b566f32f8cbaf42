// A desktop notification names the level and the watch and gives the why-card's weightiest line, FR and EN.
import { describe, expect, it } from 'vitest';
import { alertNotice, isAlertRise } from '../../../src/shared/detection/alertNotice';
import type { Explanation, Signal } from '../../../src/shared/domain/detection';
import { translator } from '../../../src/main/platform/i18n/translator';

const explanation = (signals: Signal[]): Explanation => ({
  at: '2026-12-07T10:00:00.000Z',
  windowMinutes: 60,
  mentions: 26,
  signals,
  topTerms: [],
  topAuthors: [],
  sources: [],
  languages: [],
  tone: { negative: 20, neutral: 6, positive: 0, unknown: 0 },
  samples: [],
  emerging: [],
});

const volume: Signal = { kind: 'volume', level: 'alert', value: 4.2, reference: 6, items: [] };
const audience: Signal = { kind: 'audience', level: 'crisis', value: 250_000, reference: 50_000, items: ['Claire Martin', 'Le Temps'] };
const quietVocabulary: Signal = { kind: 'vocabulary', level: 'calm', value: 0, reference: null, items: [] };

describe('alert notice', () => {
  it('says the level and watch, then the strongest fired signal, in English', () => {
    const notice = alertNotice({ level: 'crisis', watchName: 'Harbour Mutual', explanation: explanation([quietVocabulary, volume, audience]) }, translator('en'));
    expect(notice).toEqual({ title: 'Crisis — Harbour Mutual', body: 'Influential authors: Claire Martin, Le Temps' });
  });

  it('says the same in French, with French numbers and typography', () => {
    const notice = alertNotice({ level: 'alert', watchName: 'Mutuelle du Jura', explanation: explanation([volume]) }, translator('fr'));
    expect(notice.title).toBe('Alerte — Mutuelle du Jura');
    expect(notice.body).toBe('Volume ×4,2 par rapport au niveau habituel de cette heure (6 mentions/h)');
  });

  it('keeps the first of equally strong signals, and sends the reader to the app when none fired', () => {
    const louder: Signal = { ...volume, kind: 'negativeShare', value: 60, reference: 20 };
    expect(alertNotice({ level: 'alert', watchName: 'W', explanation: explanation([volume, louder]) }, translator('en')).body).toMatch(/^Volume ×4\.2/);
    expect(alertNotice({ level: 'alert', watchName: 'W', explanation: explanation([quietVocabulary]) }, translator('fr')).body).toBe(
      'Ouvrez Tocsin pour voir pourquoi',
    );
  });

  it('rings for a new alert or a rise to crisis, not for vigilance nor a fall', () => {
    expect(isAlertRise('alert', 'calm')).toBe(true);
    expect(isAlertRise('alert', 'vigilance')).toBe(true);
    expect(isAlertRise('crisis', 'alert')).toBe(true);
    expect(isAlertRise('vigilance', 'calm')).toBe(false);
    expect(isAlertRise('alert', 'crisis')).toBe(false);
    expect(isAlertRise('alert', 'alert')).toBe(false);
  });
});
