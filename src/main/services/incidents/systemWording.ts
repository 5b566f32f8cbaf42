// Plain wording of the system entries incidents write to the crisis log, in the workspace's report language.
// The UI can word them again from the entry's code and data; this text is what exports and audits read.
import type { Language } from '../../../shared/domain/workspace';

type Words = Record<string, string | number>;

const templates: Record<string, Record<Language, string>> = {
  'incident.opened': { fr: 'Incident ouvert : {title} (gravité {severity})', en: 'Incident opened: {title} (severity {severity})' },
  'incident.openedFromAlert': {
    fr: 'Incident ouvert depuis l’alerte {alertId} : {title}',
    en: 'Incident opened from alert {alertId}: {title}',
  },
  'incident.status': { fr: 'Statut : {from} → {to}', en: 'Status: {from} → {to}' },
  'incident.severity': { fr: 'Gravité : {from} → {to}', en: 'Severity: {from} → {to}' },
  'role.handover': { fr: 'Passation {role} : {from} → {to}', en: 'Handover {role}: {from} → {to}' },
  'role.duty': { fr: '{role} ({person}) : {state}', en: '{role} ({person}): {state}' },
  'mobilisation.started': {
    fr: 'Mobilisation de la cellule : {count} personnes alertées',
    en: 'Crisis cell mobilised: {count} people alerted',
  },
  'mobilisation.acknowledged': {
    fr: '{person} ({role}) a accusé réception après {minutes} min',
    en: '{person} ({role}) acknowledged after {minutes} min',
  },
  'checklist.status': { fr: 'Check-list « {item} » : {status}', en: 'Checklist “{item}”: {status}' },
  'situation.report': {
    fr: 'Point de situation établi : {conditions} constats, {actions} actions, {needs} besoins',
    en: 'Situation report made: {conditions} conditions, {actions} actions, {needs} needs',
  },
};

const stateWords: Record<string, Record<Language, string>> = {
  monitoring: { fr: 'surveillance', en: 'monitoring' },
  active: { fr: 'active', en: 'active' },
  stabilised: { fr: 'stabilisée', en: 'stabilised' },
  closed: { fr: 'close', en: 'closed' },
  low: { fr: 'faible', en: 'low' },
  medium: { fr: 'moyenne', en: 'medium' },
  high: { fr: 'élevée', en: 'high' },
  critical: { fr: 'critique', en: 'critical' },
  todo: { fr: 'à faire', en: 'to do' },
  in_progress: { fr: 'en cours', en: 'in progress' },
  done: { fr: 'fait', en: 'done' },
  skipped: { fr: 'sans objet', en: 'skipped' },
  onDuty: { fr: 'de service', en: 'on duty' },
  offDuty: { fr: 'hors service', en: 'off duty' },
};

/** A state word in the language, or the value itself when it is not a known state. */
export const stateWord = (value: string, language: Language): string => stateWords[value]?.[language] ?? value;

export function systemBody(code: string, words: Words, language: Language): string {
  const template = templates[code]?.[language] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in words ? String(words[key]) : whole));
}
