// What a desktop notification says about an alert: its level and watch, then the one why-card line that weighs
// most, worded by the caller's `t` (the shell in the UI language, the page in its reader's), so both modes agree.
import { CRISIS_LEVELS, type Alert, type CrisisLevel } from '../domain/detection';
import { whySentence } from './whySentence';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface AlertNotice {
  title: string;
  body: string;
}

const rank = (level: CrisisLevel): number => CRISIS_LEVELS.indexOf(level);

/** A level change worth a notification: up to alert or crisis, the levels that hold an alert. */
export function isAlertRise(level: CrisisLevel, previous: CrisisLevel): boolean {
  return rank(level) >= rank('alert') && rank(level) > rank(previous);
}

export function alertNotice(alert: Pick<Alert, 'level' | 'watchName' | 'explanation'>, t: Translate): AlertNotice {
  const level = t(`detection.level.${alert.level}`);
  const strongest = alert.explanation.signals
    .filter((s) => s.level !== 'calm')
    .reduce<Alert['explanation']['signals'][number] | undefined>((best, s) => (!best || rank(s.level) > rank(best.level) ? s : best), undefined);
  return {
    title: t('desktopAlerts.notice.title', { level, watch: alert.watchName }),
    body: strongest ? whySentence(strongest, (key, options) => t(key, options)) : t('desktopAlerts.notice.noSignal'),
  };
}
