// Freezes what an alert said when an incident was opened from it: its level, the why-card's fired signals
// (kept as data, so each reader sees them in their own language) with their sentences in the report
// language for the record, and the sample mentions.
import type { Alert } from '../../../shared/domain/detection';
import type { AlertSnapshot } from '../../../shared/domain/incident';
import type { Language } from '../../../shared/domain/workspace';
import { whySentence } from '../../../shared/detection/whySentence';
import { translator } from '../../platform/i18n/translator';

const MAX_SIGNALS = 10;

export function snapshotOf(alert: Alert, language: Language): AlertSnapshot {
  const fired = alert.explanation.signals.filter((s) => s.level !== 'calm').slice(0, MAX_SIGNALS);
  const t = translator(language);
  return {
    alertId: String(alert.id),
    level: alert.level,
    watch: alert.watchName,
    watchId: alert.watchId,
    raisedAt: alert.openedAt,
    why: fired.map((s) => whySentence(s, t)),
    signals: fired,
    mentions: alert.explanation.samples.map((m) => ({
      author: m.author ?? undefined,
      text: m.text.slice(0, 5000),
      publishedAt: m.publishedAt,
    })),
  };
}
