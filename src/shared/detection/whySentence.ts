// One fired signal of a why-card as a sentence, worded by the caller's i18next `t` (main for the stored
// record, the screen for its reader), numbers in that language's form ("4,7" in French).
import type { Signal } from '../domain/detection';

type Translate = (key: string, options: Record<string, unknown>) => string;

/** How sure a share is, from the width of its 95 % band in points: firm within ±5, rough within ±12.5. */
export function sureness(widthPoints: number): 'firm' | 'rough' | 'loose' {
  if (widthPoints <= 10) return 'firm';
  if (widthPoints <= 25) return 'rough';
  return 'loose';
}

export function whySentence(signal: Signal, t: Translate): string {
  const key = (name: string) => `incidents.overview.whySignal.${name}`;
  const items = signal.items.slice(0, 5).join(', ');
  switch (signal.kind) {
    case 'volume':
      // value: the last hour against the usual level of that hour (×); reference: that usual level, per hour.
      return signal.reference === null
        ? t(key('volumeUnusual'), { value: signal.value })
        : t(key('volume'), { value: signal.value, reference: signal.reference });
    case 'negativeShare': {
      // value: the last hour's negative share (%); reference: the watch's own baseline share (%).
      const { band } = signal;
      if (!band) return t(key('negativeShare'), { value: signal.value, reference: signal.reference ?? 0 });
      return t(key('negativeShareBand'), {
        value: signal.value,
        reference: signal.reference ?? 0,
        low: band.low,
        high: band.high,
        sureness: t(`${key('sureness')}.${sureness(band.high - band.low)}`, {}),
        basis: t(band.corrected ? key('shareCorrected') : key('shareAsClassified'), {}),
      });
    }
    case 'audience':
    case 'vocabulary':
    case 'emergingTerms':
      return t(key(signal.kind), { items });
  }
}
