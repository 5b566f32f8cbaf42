import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../../../src/main/features/incidents/alertSnapshot';
import type { Alert, Signal } from '../../../../../src/shared/domain/detection';

const at = '2026-03-02T09:00:00.000Z';

function alertWith(signals: Signal[]): Alert {
  return {
    id: 7,
    watchId: 1,
    watchName: 'Banque Léman',
    level: 'alert',
    openedAt: at,
    updatedAt: at,
    closedAt: null,
    status: 'open',
    statusReason: null,
    statusBy: null,
    statusAt: null,
    explanation: {
      at,
      windowMinutes: 60,
      mentions: 120,
      signals,
      topTerms: [],
      topAuthors: [],
      sources: [],
      languages: [],
      tone: { negative: 80, neutral: 30, positive: 10, unknown: 0 },
      samples: [],
      emerging: [],
    },
  };
}

describe('alert snapshot', () => {
  const signals: Signal[] = [
    { kind: 'volume', level: 'alert', value: 6.2, reference: 40, items: ['z=7.1', '60 min'] },
    { kind: 'negativeShare', level: 'vigilance', value: 52.5, reference: 18.1, items: [] },
    { kind: 'vocabulary', level: 'vigilance', value: 9, reference: 3, items: ['fuite de données', 'scandale'] },
    { kind: 'emergingTerms', level: 'calm', value: 0, reference: 5, items: [] },
  ];

  it('words the fired signals in the report language, numbers and spacing in its form, the volume as a ratio against the usual hour', () => {
    expect(snapshotOf(alertWith(signals), 'fr').why).toEqual([
      'Volume ×6,2 par rapport au niveau habituel de cette heure (40 mentions/h)',
      'Part négative 52,5 % (habituellement 18,1 %)',
      'Vocabulaire de crise\u202f: fuite de données, scandale',
    ]);
    expect(snapshotOf(alertWith(signals), 'en').why).toEqual([
      'Volume ×6.2 against the usual level for this hour (40 mentions/h)',
      'Negative share 52.5% (usually 18.1%)',
      'Crisis vocabulary: fuite de données, scandale',
    ]);
  });

  it('keeps the fired signals as data, so a reader in another language gets them in theirs', () => {
    expect(snapshotOf(alertWith(signals), 'fr').signals).toEqual(signals.slice(0, 3));
  });
});
