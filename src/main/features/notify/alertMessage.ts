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

export interface ReminderFacts {
  readonly title: string;
  readonly obligation: LocalizedName;
  readonly step: LocalizedName;
  readonly roleName: LocalizedName;
  readonly percent: number;
  readonly dueAt: Date;
  /** The firm's time zone, the one its deadlines are worded in. */
  readonly timeZone: string;
}

/** A regulatory deadline reminder for the person who answers for it (or the crisis lead). */
export function reminderMessage(facts: ReminderFacts, language: Language): AlertText {
  const t = translator(language, 'notify');
  const due = new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: facts.timeZone, timeZoneName: 'short' }).format(facts.dueAt);
  const obligation = facts.obligation[language];
  const role = facts.roleName[language];
  const subject = t('message.reminderSubject', { obligation, percent: facts.percent });
  const text = [t('message.reminder', { percent: facts.percent, step: facts.step[language], obligation, due, title: facts.title, role }), t('message.reminderTodo')].join('\n');
  return { subject, text, values: { subject, text, incident: facts.title, level: '', role } };
}

/** Every word an exercise sends says so first, in the recipient's language, gateway placeholders included. */
export function markedAsExercise(words: AlertText, language: Language): AlertText {
  const t = translator(language, 'notify');
  const mark = (text: string) => t('message.exercise', { text });
  return { subject: mark(words.subject), text: mark(words.text), values: { ...words.values, subject: mark(words.subject), text: mark(words.text) } };
}
