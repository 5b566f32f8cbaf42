// Freezes what an alert said when an incident was opened from it: its level, the why-card's signals as
// sentences in the report language, and the sample mentions.
import type { Alert, Signal } from '../../../shared/domain/detection';
import type { AlertSnapshot } from '../../../shared/domain/incident';
import type { Language } from '../../../shared/domain/workspace';

const round = (value: number, digits = 1) => Number(value.toFixed(digits)).toLocaleString('en-US').replace(/,/g, ' ');

function sentence(signal: Signal, language: Language): string {
  const items = signal.items.slice(0, 5).join(', ');
  const fr = language === 'fr';
  switch (signal.kind) {
    case 'volume':
      // value: the last hour against the usual level of that hour (×); reference: that usual level, per hour.
      return signal.reference === null
        ? fr
          ? `Volume inhabituel : ×${round(signal.value)}`
          : `Unusual volume: ×${round(signal.value)}`
        : fr
          ? `Volume ×${round(signal.value)} par rapport au niveau habituel de cette heure (${round(signal.reference, 0)} mentions/h)`
          : `Volume ×${round(signal.value)} the usual level for this hour (${round(signal.reference, 0)} mentions/h)`;
    case 'negativeShare':
      // value: the last hour's negative share (%); reference: the watch's own baseline share (%).
      return fr
        ? `Part négative ${round(signal.value)} % (habituellement ${round(signal.reference ?? 0)} %)`
        : `Negative share ${round(signal.value)}% (usually ${round(signal.reference ?? 0)}%)`;
    case 'audience':
      return fr ? `Auteurs influents : ${items}` : `Influential authors: ${items}`;
    case 'vocabulary':
      return fr ? `Vocabulaire de crise : ${items}` : `Crisis vocabulary: ${items}`;
    case 'emergingTerms':
      return fr ? `Termes émergents : ${items}` : `Emerging terms: ${items}`;
  }
}

export function snapshotOf(alert: Alert, language: Language): AlertSnapshot {
  const fired = alert.explanation.signals.filter((s) => s.level !== 'calm');
  return {
    alertId: String(alert.id),
    level: alert.level,
    watch: alert.watchName,
    watchId: alert.watchId,
    raisedAt: alert.openedAt,
    why: fired.map((s) => sentence(s, language)).slice(0, 10),
    mentions: alert.explanation.samples.map((m) => ({
      author: m.author ?? undefined,
      text: m.text.slice(0, 5000),
      publishedAt: m.publishedAt,
    })),
  };
}
