// The words of one alert in the person's language: incident, level, the role asked for, what to do and where the
// cell meets. Written once when the message is queued, so every retry sends the same text.
import type { EscalationStage } from '../../../shared/domain/notify';
import type { LocalizedName, LocalizedText } from '../../../shared/domain/plan';
import type { Language } from '../../../shared/domain/workspace';
import { localeOf, translator } from '../../platform/i18n/translator';
import type { AlertLevel } from './escalationSteps';

export interface AlertFacts {
  readonly title: string;
  readonly level: AlertLevel;
  readonly stage: EscalationStage;
  readonly roleName: LocalizedName;
  /** The role's holder, named in the messages that say nobody answered. */
  readonly holder: string;
  readonly minutes: number;
  readonly meetingAt: Date;
  readonly meetingPlace: LocalizedText;
}

export interface AlertText {
  readonly subject: string;
  readonly text: string;
  readonly values: Record<string, string>;
}

export function alertMessage(facts: AlertFacts, language: Language): AlertText {
  const t = translator(language, 'notify');
  const level = t(`levels.${facts.level}`);
  const role = facts.roleName[language];
  const time = new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(facts.meetingAt);
  const place = facts.meetingPlace[language];
  const lines = [
    t(`message.${facts.stage}`, { role, title: facts.title, level, holder: facts.holder, minutes: facts.minutes }),
    t('message.todo'),
    ...(place ? [t('message.meeting', { time, place })] : []),
  ];
  const subject = t('message.subject', { level, title: facts.title });
  const text = lines.join('\n');
  return { subject, text, values: { subject, text, incident: facts.title, level, role } };
}

export function testMessage(language: Language): AlertText {
  const t = translator(language, 'notify');
  const text = t('message.test');
  return { subject: text, text, values: { subject: text, text, incident: '', level: '', role: '' } };
}
