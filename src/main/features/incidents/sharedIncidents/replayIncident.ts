// The incident's read model from the cell's changes: the state its opening carried, then every genuine change in
// clock order (hybrid clock, then laptop, then id), each laptop doing the same, so concurrent changes end in the
// same state everywhere: the last by clock wins, and the history keeps the others.
import type { Person } from '../../../../shared/domain/plan';
import type { ChangeRow } from '../incidentChangeRepository';
import type { IncidentRepository } from '../incidentRepository';
import { changeDataSchemas, type ChangeData, type Opened } from './incidentChange';

export interface Replayed {
  /** Who held the role just before each handover replayed, by change id. */
  readonly previousHolder: ReadonlyMap<string, string>;
}

/**
 * Replays `changes` (the incident's genuine ones, in order) onto the read model; undefined while its opening has not
 * arrived. A handover puts its holder on duty only when it is new here, so a later local duty change stays.
 */
export function replayIncident(repo: IncidentRepository, incidentId: string, changes: readonly ChangeRow[], fresh: ReadonlySet<string>): Replayed | undefined {
  const openingRow = changes.find((c) => c.kind === 'opened');
  if (!openingRow) return undefined;
  const opening = changeDataSchemas.opened.parse(JSON.parse(openingRow.dataJson));
  if (repo.get(incidentId)) {
    repo.resetState(incidentId, { ...opening, updatedAt: openingRow.at });
  } else {
    insertOpened(repo, incidentId, opening);
  }
  for (const role of opening.roles) repo.insertRoleIfMissing({ ...role, incidentId, onDuty: 0, shiftStartedAt: null });
  repo.replaceHolders(incidentId, opening.holders);
  for (const item of opening.items) {
    if (repo.item(incidentId, item.id)) repo.updateItem({ ...item, updatedAt: openingRow.at });
    else repo.insertItem({ ...item, incidentId, updatedAt: openingRow.at });
  }
  const previousHolder = new Map<string, string>();
  for (const change of changes) {
    if (change === openingRow || change.kind === 'opened') continue;
    const kind = change.kind as Exclude<keyof ChangeData, 'opened'>;
    const parsed = changeDataSchemas[kind].safeParse(JSON.parse(change.dataJson));
    if (!parsed.success) continue;
    apply(repo, incidentId, change, { kind, data: parsed.data } as Applied, fresh.has(change.id), previousHolder);
  }
  return { previousHolder };
}

type Applied = { [K in Exclude<keyof ChangeData, 'opened'>]: { kind: K; data: ChangeData[K] } }[Exclude<keyof ChangeData, 'opened'>];

function apply(repo: IncidentRepository, incidentId: string, change: ChangeRow, applied: Applied, fresh: boolean, previousHolder: Map<string, string>): void {
  switch (applied.kind) {
    case 'status':
      repo.setStatus(incidentId, applied.data.to, change.at);
      return;
    case 'severity':
      repo.setSeverity(incidentId, applied.data.to, change.at);
      return;
    case 'handover': {
      if (!repo.role(incidentId, applied.data.roleId)) return;
      const current = repo.holders(incidentId).find((h) => h.roleId === applied.data.roleId && h.untilAt === null);
      previousHolder.set(change.id, current ? (JSON.parse(current.personJson) as Person).name : '—');
      repo.handOver(incidentId, applied.data.roleId, applied.data.personJson, change.at, change.by, applied.data.note);
      if (fresh) repo.setDuty(incidentId, applied.data.roleId, true, change.at);
      return;
    }
    case 'checklist':
      if (!repo.item(incidentId, applied.data.itemId)) return;
      repo.updateItem({ id: applied.data.itemId, status: applied.data.status, doneBy: applied.data.doneBy, doneAt: applied.data.doneAt, note: applied.data.note, updatedAt: change.at });
      return;
  }
}

/** A laptop that learns of the incident from the cell: its alert is another laptop's, its watches are this one's. */
function insertOpened(repo: IncidentRepository, incidentId: string, o: Opened): void {
  repo.insertIncident({
    id: incidentId,
    title: o.title,
    scenarioKind: o.scenarioKind,
    scenarioId: o.scenarioId,
    severity: o.severity,
    status: o.status,
    summary: o.summary,
    openedAt: o.openedAt,
    openedBy: o.openedBy,
    alertId: null,
    alertSnapshotJson: o.alertSnapshotJson,
    activeAt: o.activeAt,
    stabilisedAt: o.stabilisedAt,
    closedAt: o.closedAt,
    updatedAt: o.openedAt,
    periodStart: o.periodStart,
    periodEnd: o.closedAt,
  });
  repo.setScopeWatches(incidentId, repo.activeWatchIds());
}

/** What a laptop tells the cell when it opens an incident (or joins with it already open): the whole of it. */
export function openingOf(repo: IncidentRepository, incidentId: string): Opened | undefined {
  const row = repo.get(incidentId);
  if (!row) return undefined;
  return {
    title: row.title,
    scenarioKind: row.scenarioKind as Opened['scenarioKind'],
    scenarioId: row.scenarioId,
    severity: row.severity as Opened['severity'],
    status: row.status as Opened['status'],
    summary: row.summary,
    openedAt: row.openedAt,
    openedBy: row.openedBy,
    alertSnapshotJson: row.alertSnapshotJson,
    activeAt: row.activeAt,
    stabilisedAt: row.stabilisedAt,
    closedAt: row.closedAt,
    periodStart: row.periodStart,
    roles: repo.roles(incidentId).map(({ roleId, position, nameJson, missionJson, instructionsJson, deputiesJson, callsJson }) => ({ roleId, position, nameJson, missionJson, instructionsJson, deputiesJson, callsJson })),
    holders: repo.holders(incidentId),
    items: repo.items(incidentId).map(({ id, planItemId, position, phase, textJson, ownerRole, deadlineMinutes, status, doneBy, doneAt, note }) => ({
      id,
      planItemId,
      position,
      phase: phase as Opened['items'][number]['phase'],
      textJson,
      ownerRole,
      deadlineMinutes,
      status: status as Opened['items'][number]['status'],
      doneBy,
      doneAt,
      note,
    })),
  };
}
