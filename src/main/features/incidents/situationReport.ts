// Assembles a situation report (conditions / actions / needs) from the incident, its log and checklist,
// as the scribe would read them out at a status meeting.
import type { LogEntry } from '../../../shared/domain/crisisLog';
import type {
  IncidentChecklistItem,
  IncidentSummary,
  Mobilisation,
  RosterRole,
  SituationLine,
} from '../../../shared/domain/incident';
import type { Language } from '../../../shared/domain/workspace';
import { codeWord } from '../../../shared/crisisLog/wordSystemEntry';

export interface SituationInput {
  readonly incident: IncidentSummary;
  readonly roster: readonly RosterRole[];
  readonly mobilisation: Mobilisation | null;
  readonly checklist: readonly IncidentChecklistItem[];
  /** The incident's log entries, newest first. */
  readonly log: readonly LogEntry[];
  /** Actions are what happened since this instant (the previous report, or the incident's start). */
  readonly since: string;
  readonly now: string;
}

export interface SituationSections {
  readonly conditions: SituationLine[];
  readonly actions: SituationLine[];
  readonly needs: SituationLine[];
}

const MAX_LINES = 12;
const same = (text: string) => ({ fr: text, en: text });
const both = (make: (l: Language) => string) => ({ fr: make('fr'), en: make('en') });

export function assembleSituation(input: SituationInput): SituationSections {
  const { incident, roster, mobilisation, checklist, log, since, now } = input;
  const current = log.filter((e) => e.correctedById === null);
  const roleName = new Map(roster.map((r) => [r.roleId, r.name]));

  const conditions: SituationLine[] = [
    {
      kind: 'status',
      text: both(
        (l) =>
          `${l === 'fr' ? 'Statut' : 'Status'}: ${codeWord(incident.status, l)} — ${l === 'fr' ? 'gravité' : 'severity'}: ${codeWord(incident.severity, l)}`,
      ),
    },
  ];
  if (incident.alert) {
    for (const why of incident.alert.why.slice(0, 3)) conditions.push({ kind: 'alert', text: same(why) });
  }
  for (const e of current.filter((x) => x.pinned).slice(0, MAX_LINES)) conditions.push({ kind: 'pinned', text: same(e.body) });
  for (const e of current
    .filter((x) => !x.pinned && x.kind === 'information' && (x.verification === 'verified' || x.verification === 'released'))
    .slice(0, 5)) {
    conditions.push({ kind: 'verifiedInfo', text: same(e.body) });
  }

  const actions: SituationLine[] = [];
  for (const item of checklist.filter((i) => i.status === 'done' && i.doneAt !== null && i.doneAt >= since)) {
    actions.push({ kind: 'done', text: both((l) => `${item.text[l]} (${item.doneBy ?? ''})`) });
  }
  for (const e of current.filter((x) => x.enteredAt >= since && (x.kind === 'decision' || x.kind === 'communication' || x.kind === 'action'))) {
    actions.push({ kind: e.kind === 'decision' ? 'decision' : e.kind === 'communication' ? 'communication' : 'done', text: same(e.body) });
  }

  const needs: SituationLine[] = [];
  for (const item of checklist.filter((i) => (i.status === 'todo' || i.status === 'in_progress') && i.dueAt < now)) {
    const owner = roleName.get(item.ownerRole);
    needs.push({ kind: 'overdue', text: both((l) => `${item.text[l]} — ${owner ? owner[l] : item.ownerRole}`) });
  }
  for (const call of mobilisation?.calls.filter((c) => c.acknowledgedAt === null) ?? []) {
    const name = roleName.get(call.roleId);
    needs.push({ kind: 'unanswered', text: both((l) => `${call.personName} — ${name ? name[l] : call.roleId}`) });
  }
  for (const role of roster.filter((r) => r.holder === null)) needs.push({ kind: 'vacant', text: role.name });
  const toVerify = current.filter((e) => e.verification === 'to_verify' || e.verification === 'being_verified');
  for (const e of toVerify.slice(0, MAX_LINES)) needs.push({ kind: 'toVerify', text: same(e.body) });

  return { conditions, actions: actions.slice(0, 3 * MAX_LINES), needs };
}
