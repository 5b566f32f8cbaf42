// Words a system entry of the crisis log from its code and data, in French or English (see i18n/systemLog).
import type { SystemData } from '../domain/crisisLog';
import type { Language } from '../domain/workspace';
import { systemLogEn, systemLogFr, systemWordsEn, systemWordsFr } from '../i18n/systemLog';
import { composerEn, composerFr } from '../i18n/composer';
import { incidentsEn, incidentsFr } from '../i18n/incidents';
import { frenchTypography } from '../i18n/frenchTypography';

const CATALOG = { en: systemLogEn, fr: systemLogFr } as const;
const WORDS: Record<Language, Record<string, string>> = { en: systemWordsEn, fr: systemWordsFr };
/** Data keys whose values are codes to put in words; the others (names, titles, notes) are shown as written. */
const WORD_KEYS = new Set(['status', 'state', 'severity', 'from', 'to', 'level', 'kind', 'channel', 'role']);
const SUFFIX: Record<Language, string> = { fr: 'Fr', en: 'En' };
/** Data keys holding an instant, stored in UTC and read in the reader's format and zone. */
const DATE_KEYS = new Set(['start', 'awarenessAt', 'previousAwarenessAt', 'dueAt', 'sentAt']);
const LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A state, severity, level, kind or channel code in words (the code itself when it is none of those). */
export function codeWord(code: string, language: Language): string {
  return Object.hasOwn(WORDS[language], code) ? WORDS[language][code]! : code;
}

/**
 * Screens sign for a person who gave no name with a placeholder in their own language ("Someone at this
 * computer"); that placeholder is stored as written, so it is put back in the reader's language here.
 */
const PLACEHOLDERS: readonly Record<Language, string>[] = [
  { en: composerEn.someone, fr: composerFr.someone },
  { en: incidentsEn.operator.unnamed, fr: incidentsFr.operator.unnamed },
];

/** A person's name as stored, or the reader's own wording of a no-name placeholder. */
export function personName(name: string, language: Language): string {
  const placeholder = PLACEHOLDERS.find((p) => p.en === name || p.fr === name);
  return placeholder ? placeholder[language] : name;
}

const RULES = { en: composerEn.check.rules, fr: composerFr.check.rules } as const;

/** Draft-check flags stored as `fr:missingEmpathy,en:…` in words: "FR: No empathy; EN: …". */
function flagWords(codes: string, language: Language): string {
  return codes
    .split(',')
    .map((code) => {
      const [lang, rule] = code.includes(':') ? code.split(':', 2) : ['', code];
      const rules: Record<string, string> = RULES[language];
      const words = rule && Object.hasOwn(rules, rule) ? rules[rule]! : (rule ?? code);
      return lang ? `${lang.toUpperCase()} ${words}` : words;
    })
    .join(', ');
}

/**
 * The entry in words, or null when its code is unknown or its data lacks a value the wording needs. Instants are
 * shown in `timeZone` (a report's zone), else in this computer's.
 */
export function wordSystemEntry(code: string | null, data: SystemData | null, language: Language, timeZone?: string): string | null {
  if (!code || !Object.hasOwn(CATALOG[language], code)) return null;
  const template = CATALOG[language][code as keyof typeof systemLogEn];
  const values = data ?? {};
  const value = (key: string): string | null => {
    // Names given in both languages are kept as `<key>Fr` / `<key>En`.
    const raw = values[`${key}${SUFFIX[language]}`] ?? values[key];
    if (raw === undefined || raw === null || raw === '') return null;
    const text = String(raw);
    if (key === 'openFlags') return flagWords(text, language);
    if (DATE_KEYS.has(key) && !Number.isNaN(Date.parse(text))) {
      return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(text));
    }
    return WORD_KEYS.has(key) ? codeWord(text, language) : personName(text, language);
  };
  /** A piece of template with its values, or null when one of them is missing. */
  const fill = (text: string): string | null => {
    let complete = true;
    const filled = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const v = value(key);
      if (v === null) complete = false;
      return v ?? '';
    });
    return complete ? filled : null;
  };
  let worded = '';
  for (const part of template.split(/(\[\[[\s\S]*?\]\])/)) {
    if (part.startsWith('[[')) {
      worded += fill(part.slice(2, -2)) ?? '';
      continue;
    }
    const filled = fill(part);
    if (filled === null) return null;
    worded += filled;
  }
  return language === 'fr' ? frenchTypography(worded) : worded;
}
