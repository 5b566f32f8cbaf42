// The items of an alert's signal as the PDF report words them: the volume detector's test in the reader's words,
// as the screen's why-card does, never its internal items ("level, score=…, 5 min").
import { describe, expect, it } from 'vitest';
import { signalItemsText } from '../../../../../src/main/features/reports/signalItems';
import type { Signal } from '../../../../../src/shared/domain/detection';

const volume: Signal = { kind: 'volume', level: 'crisis', value: 27, reference: 0, items: ['level', 'score=7000000000.0', '5 min'] };

describe('signal items in the report', () => {
  it('words the volume test that stood out, in French and English', () => {
    expect(signalItemsText(volume, 'fr')).toBe('ce qui ressort\u202f: le niveau sur 5 min, comparé à la dernière journée');
    expect(signalItemsText(volume, 'en')).toBe('what stood out: the level over 5 min, against the last day');
    expect(signalItemsText({ ...volume, items: ['seasonal', 'score=15.4', '60 min'] }, 'en')).toBe(
      'what stood out: the level over 60 min, against this time of day on previous days',
    );
  });

  it('keeps the names and words other signals carry, as written', () => {
    expect(signalItemsText({ kind: 'audience', level: 'vigilance', value: 250_000, reference: 100_000, items: ['Claire Mercier'] }, 'fr')).toBe('Claire Mercier');
    expect(signalItemsText({ kind: 'vocabulary', level: 'vigilance', value: 108, reference: 3, items: ['fuite de données', 'data leak'] }, 'en')).toBe(
      'fuite de données, data leak',
    );
    expect(signalItemsText({ ...volume, items: [] }, 'en')).toBe('');
  });
});
