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
      return signal.reference && signal.reference > 0
        ? fr
          ? `Volume ×${round(signal.value / signal.reference)} par rapport au niveau habituel (${round(signal.value, 0)} contre ${round(signal.reference, 0)})`
          : `Volume ×${round(signal.value / signal.reference)} the usual level (${round(signal.value, 0)} against ${round(signal.reference, 0)})`
        : fr
          ? `Volume inhabituel : ${round(signal.value, 0)} mentions`
          : `Unusual volume: ${round(signal.value, 0)} mentions`;
    case 'negativeShare':
      return fr
        ? `Part négative +${round(signal.value)} points au-dessus de la référence`
        : `Negative share +${round(signal.value)} points above baseline`;
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
