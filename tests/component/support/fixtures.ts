// Stored objects as the backend returns them, valid against the contract; each test overrides what it is about.
import defaultPlanJson from '../../../resources/plans/default-plan.json';
import type { StoredPlan } from '../../../src/shared/contract/plan';
import { crisisPlanSchema, type CrisisPlan } from '../../../src/shared/domain/plan';
import type { LogEntry } from '../../../src/shared/domain/crisisLog';
import type { Alert } from '../../../src/shared/domain/detection';
import type { IncidentChecklistItem, IncidentDetail, RosterRole } from '../../../src/shared/domain/incident';
import type { Source } from '../../../src/shared/domain/source';
import type { StatementDetail } from '../../../src/shared/domain/statement';
import type { Watch } from '../../../src/shared/domain/watch';
import type { Workspace } from '../../../src/shared/domain/workspace';

export const AT = '2025-03-14T09:30:00.000Z';

export const workspace = (overrides: Partial<Workspace> = {}): Workspace => ({
  id: 'live',
  kind: 'live',
  createdAt: AT,
  settings: { displayName: 'Cellule de crise', organisation: 'Acme', reportLanguage: 'fr', statusMeetingHours: 2, sealed: false, backupHours: 24, retentionMonths: 0 },
  ...overrides,
});

export const source = (overrides: Partial<Source> = {}): Source => ({
  id: 1,
  kind: 'rss',
  name: 'Le Monde',
  config: { url: 'https://www.lemonde.fr/rss/une.xml' },
  credentialKeys: [],
  intervalSeconds: 600,
  paused: false,
  createdAt: AT,
  health: {
    state: 'ok',
    lastAttemptAt: AT,
    lastSuccessAt: AT,
    lastError: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    consecutiveFailures: 0,
    nextAttemptAt: null,
    lagSeconds: null,
    itemsLastHour: 0,
  },
  ...overrides,
});

export const watch = (overrides: Partial<Watch> = {}): Watch => ({
  id: 7,
  name: 'Acme',
  keywords: ['acme'],
  exclusions: [],
  languages: [],
  authors: [],
  sourceIds: [],
  enabled: true,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

export const INCIDENT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

export const rosterRole = (overrides: Partial<RosterRole> = {}): RosterRole => ({
  roleId: 'communicationLead',
  name: { fr: 'Responsable communication', en: 'Communication lead' },
  mission: { fr: 'Porte la parole de l’entreprise.', en: 'Speaks for the company.' },
  instructions: [],
  holder: { name: 'Claire Petit', title: 'Dircom', phone: '+33 6 11 22 33 44', altPhone: '', email: '' },
  deputies: [{ name: 'Hugo Blanc', title: 'Adjoint', phone: '+33 6 55 66 77 88', altPhone: '', email: '' }],
  calls: [],
  onDuty: true,
  shiftStartedAt: AT,
  history: [],
  ...overrides,
});

export const checklistItem = (overrides: Partial<IncidentChecklistItem> = {}): IncidentChecklistItem => ({
  id: '9b2f4a4e-5f3c-4b8e-9d5a-2c1e7f6a8b90',
  planItemId: 'item-holding',
  phase: 'respond',
  text: { fr: 'Publier une déclaration d’attente', en: 'Publish a holding statement' },
  ownerRole: 'communicationLead',
  deadlineMinutes: 60,
  dueAt: '2099-01-01T00:00:00.000Z',
  status: 'todo',
  doneBy: null,
  doneAt: null,
  note: '',
  ...overrides,
});

export const incident = (overrides: Partial<IncidentDetail> = {}): IncidentDetail => ({
  id: INCIDENT_ID,
  title: 'Rappel de lots Acme',
  scenarioKind: 'productDefect',
  scenarioId: null,
  severity: 'high',
  status: 'active',
  summary: '',
  openedAt: AT,
  openedBy: 'Marie Durand',
  activeAt: AT,
  stabilisedAt: null,
  closedAt: null,
  alert: null,
  scope: { watchIds: [1], start: AT, end: null },
  roster: [rosterRole()],
  mobilisation: null,
  checklist: [checklistItem()],
  reports: [],
  nextMeetingAt: null,
  ...overrides,
});

export const logEntry = (overrides: Partial<LogEntry> = {}): LogEntry => ({
  id: '3e1f1b6c-8c1a-4d0e-a6f1-5b0c2d9e7a11',
  seq: 1,
  incidentId: INCIDENT_ID,
  kind: 'information',
  occurredAt: AT,
  enteredAt: AT,
  author: 'Marie Durand',
  authorRole: 'crisisLead',
  body: 'Un journaliste du Parisien appelle au sujet du rappel.',
  source: null,
  verification: 'to_verify',
  pinned: false,
  correctsId: null,
  correctedById: null,
  systemCode: null,
  data: null,
  history: [],
  hash: 'a'.repeat(64),
  origin: null,
  ...overrides,
});

const explanation = (): Alert['explanation'] => ({
  at: AT,
  windowMinutes: 60,
  mentions: 120,
  signals: [{ kind: 'volume', level: 'alert', value: 6.2, reference: 19, items: [] }],
  topTerms: [{ term: 'rappel', count: 48 }],
  topAuthors: [],
  sources: [],
  languages: [],
  tone: { negative: 80, neutral: 30, positive: 2, unknown: 8 },
  samples: [],
  emerging: [],
  peak: { at: AT, mentions: 120 },
});

export const alert = (overrides: Partial<Alert> = {}): Alert => ({
  id: 31,
  watchId: 7,
  watchName: 'Acme',
  level: 'alert',
  openedAt: AT,
  updatedAt: AT,
  closedAt: null,
  status: 'open',
  statusReason: null,
  statusBy: null,
  statusAt: null,
  explanation: explanation(),
  opening: explanation(),
  ...overrides,
});

/** Who this computer says is typing, as the incident screens remember it. */
export const rememberOperator = (name: string, role: string | null): void =>
  window.localStorage.setItem('tocsin.operator', JSON.stringify({ name, role }));

/** The plan Tocsin ships, as the plan store reads it. */
export const plan = (): CrisisPlan => crisisPlanSchema.parse(defaultPlanJson);

export const storedPlan = (overrides: Partial<StoredPlan> = {}): StoredPlan => ({
  revision: 3,
  schemaVersion: 1,
  savedAt: AT,
  origin: 'edit',
  author: 'Marie Durand',
  note: '',
  lesson: null,
  roleChanges: null,
  plan: plan(),
  ...overrides,
});

export const STATEMENT_ID = '5a0e7c1d-2b3f-4e5a-9c6d-7e8f9a0b1c2d';

export const statementDetail = (overrides: Partial<StatementDetail['statement']> = {}): StatementDetail => ({
  statement: {
    id: STATEMENT_ID,
    incidentId: INCIDENT_ID,
    kind: 'holding',
    title: 'Déclaration d’attente',
    textFr: 'Nous avons connaissance de la situation.',
    textEn: 'We are aware of the situation.',
    channels: ['website'],
    variants: {},
    templateId: null,
    replyToMentionId: null,
    revision: 2,
    contentHash: 'c'.repeat(64),
    createdBy: 'Marie Durand',
    createdAt: AT,
    updatedAt: AT,
    approvalState: 'draft',
    requiredRoles: ['crisisLead', 'legal'],
    approvedRoles: [],
    ...overrides,
  },
  decisions: [],
  diffSinceApproval: [],
  outbox: [],
});
