// Shipped regulatory obligation presets, with their legal sources and wording in French and English.
import type { DeadlineLimit, LimitAnchor, Obligation, ObligationStep } from './plan';

const step = (id: string, name: [string, string], due: [string, string], ...limits: DeadlineLimit[]): ObligationStep => ({
  id,
  name: { fr: name[0], en: name[1] },
  due: { fr: due[0], en: due[1] },
  limits,
});
const limit = (from: LimitAnchor, after: string, extra: Partial<DeadlineLimit> = {}): DeadlineLimit => ({ from, after, months: 0, ...extra });

/** Shipped presets: the cell keeps those that apply to the firm, edits them, and adds its own. */
export const OBLIGATION_PRESETS: readonly Obligation[] = [
  {
    id: 'dora-major-ict',
    name: { fr: 'DORA — incident majeur lié aux TIC', en: 'DORA — major ICT-related incident' },
    source: {
      fr: 'Règlement (UE) 2022/2554 (DORA), art. 19 ; règlement délégué (UE) 2025/301, art. 5',
      en: 'Regulation (EU) 2022/2554 (DORA), Art. 19; Commission Delegated Regulation (EU) 2025/301, Art. 5',
    },
    recipient: { fr: 'Autorité compétente', en: 'Competent authority' },
    ownerRole: 'legal',
    steps: [
      step(
        'initial',
        ['Notification initiale', 'Initial notification'],
        [
          'Notification initiale dans les 4 h suivant la classification comme majeur, au plus tard 24 h après en avoir eu connaissance.',
          'Initial notification within 4 hours of classification as major, and at the latest 24 hours after becoming aware.',
        ],
        limit('classification', 'PT4H'),
        limit('awareness', 'PT24H'),
      ),
      step(
        'intermediate',
        ['Rapport intermédiaire', 'Intermediate report'],
        ['Rapport intermédiaire dans les 72 h suivant la notification initiale.', 'Intermediate report within 72 hours of the initial notification.'],
        limit('stepSent', 'PT72H', { step: 'initial' }),
      ),
      step(
        'final',
        ['Rapport final', 'Final report'],
        ['Rapport final au plus tard un mois après le dernier rapport intermédiaire.', 'Final report at the latest one month after the latest intermediate report.'],
        limit('stepSent', 'PT0M', { step: 'intermediate', months: 1 }),
      ),
    ],
  },
  {
    id: 'gdpr-art33',
    name: { fr: 'RGPD art. 33 — violation de données personnelles', en: 'GDPR Art. 33 — personal data breach' },
    source: { fr: 'Règlement (UE) 2016/679 (RGPD), art. 33, paragraphe 1', en: 'Regulation (EU) 2016/679 (GDPR), Art. 33(1)' },
    recipient: { fr: 'Autorité de contrôle', en: 'Supervisory authority' },
    ownerRole: 'legal',
    steps: [
      step(
        'notification',
        ['Notification à l’autorité', 'Notification to the authority'],
        [
          'Notifier la violation à l’autorité de contrôle dans les meilleurs délais et au plus tard 72 h après en avoir pris connaissance.',
          'Notify the breach to the supervisory authority without undue delay and not later than 72 hours after becoming aware of it.',
        ],
        limit('awareness', 'PT72H'),
      ),
    ],
  },
  {
    id: 'nis2-significant',
    name: { fr: 'NIS2 — incident important', en: 'NIS2 — significant incident' },
    source: { fr: 'Directive (UE) 2022/2555 (NIS2), art. 23, paragraphe 4', en: 'Directive (EU) 2022/2555 (NIS2), Art. 23(4)' },
    recipient: { fr: 'CSIRT ou autorité compétente', en: 'CSIRT or competent authority' },
    ownerRole: 'itSecurity',
    steps: [
      step(
        'early-warning',
        ['Alerte précoce', 'Early warning'],
        ['Alerte précoce dans les 24 h après avoir eu connaissance de l’incident important.', 'Early warning within 24 hours of becoming aware of the significant incident.'],
        limit('awareness', 'PT24H'),
      ),
      step(
        'notification',
        ['Notification d’incident', 'Incident notification'],
        ['Notification d’incident dans les 72 h après en avoir eu connaissance.', 'Incident notification within 72 hours of becoming aware of the significant incident.'],
        limit('awareness', 'PT72H'),
      ),
      step(
        'final',
        ['Rapport final', 'Final report'],
        ['Rapport final au plus tard un mois après la notification d’incident.', 'Final report not later than one month after the incident notification.'],
        limit('stepSent', 'PT0M', { step: 'notification', months: 1 }),
      ),
    ],
  },
  {
    id: 'finma-cyber',
    name: { fr: 'FINMA — cyberattaque critique', en: 'FINMA — critical cyber-attack' },
    source: {
      fr: 'Art. 29, al. 2 LFINMA ; communication FINMA sur la surveillance 05/2020',
      en: 'Art. 29(2) FINMASA; FINMA Guidance 05/2020',
    },
    recipient: { fr: 'FINMA (plateforme de saisie et de demande, EHP)', en: 'FINMA (survey and application platform, EHP)' },
    ownerRole: 'legal',
    steps: [
      step(
        'initial',
        ['Annonce initiale', 'Initial report'],
        ['Annonce initiale dans les 24 h après la détection d’une cyberattaque critique.', 'Initial report within 24 hours of detecting a critical cyber-attack.'],
        limit('awareness', 'PT24H'),
      ),
      step(
        'details',
        ['Annonce complète', 'Full report'],
        ['Annonce complète dans les 72 h après la détection.', 'Full report within 72 hours of detection.'],
        limit('awareness', 'PT72H'),
      ),
    ],
  },
  {
    id: 'board-2h',
    name: { fr: 'Information du conseil d’administration', en: 'Inform the board' },
    source: { fr: 'Règle interne de l’entreprise', en: 'Firm’s own rule' },
    recipient: { fr: 'Président du conseil d’administration', en: 'Chair of the board' },
    ownerRole: 'decisionMaker',
    steps: [
      step(
        'inform',
        ['Information du conseil', 'Board informed'],
        ['Informer le conseil d’administration dans les 2 h suivant la classification.', 'Inform the board within 2 hours of classification.'],
        limit('classification', 'PT2H'),
      ),
    ],
  },
];

