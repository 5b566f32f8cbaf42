// One fired signal of a why-card as a sentence, worded by the caller's i18next `t` (main for the stored
// record, the screen for its reader), numbers in that language's form ("4,7" in French).
import type { Signal } from '../domain/detection';

type Translate = (key: string, options: Record<string, unknown>) => string;

export function whySentence(signal: Signal, t: Translate): string {
  const key = (name: string) => `incidents.overview.whySignal.${name}`;
  const items = signal.items.slice(0, 5).join(', ');
  switch (signal.kind) {
    case 'volume':
      // value: the last hour against the usual level of that hour (×); reference: that usual level, per hour.
      return signal.reference === null
        ? t(key('volumeUnusual'), { value: signal.value })
        : t(key('volume'), { value: signal.value, reference: signal.reference });
    case 'negativeShare':
      // value: the last hour's negative share (%); reference: the watch's own baseline share (%).
      return t(key('negativeShare'), { value: signal.value, reference: signal.reference ?? 0 });
    case 'audience':
    case 'vocabulary':
    case 'emergingTerms':
      return t(key(signal.kind), { items });
  }
}
