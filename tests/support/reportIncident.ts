// Builds a realistic incident in a core: a generated FR crisis ingested through the real pipeline, an
// incident with mobilisation, handover, checklist, log entries, and an approved, published statement.
import type { Core } from '../../src/main/app/createCore';
import { generateScenario } from '../../src/main/features/detection/scenarios/scenarioGenerator';
import { invoke } from './testCore';

export const WS = 'live';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SCENARIO_START = Date.UTC(2026, 0, 5);
export const ONSET = SCENARIO_START + 8 * DAY + 10 * HOUR;

export interface BuiltIncident {
  incidentId: string;
  statementId: string;
  humanEntries: number;
  decisions: number;
}

export async function buildReportIncident(core: Core, setNow: (ms: number) => void): Promise<BuiltIncident> {
  const scenario = generateScenario({
    seed: 7,
    kind: 'crisis',
    language: 'fr',
    brand: 'Banque Léman',
    start: SCENARIO_START,
    days: 9,
    peakPerHour: 30,
    multiplier: 10,
    onsetOffsetMs: ONSET - SCENARIO_START,
    durationHours: 8,
  });
  await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Banque Léman', keywords: ['Banque Léman', 'Léman'] } });
  const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Veille presse', config: {} } });
  const mentions = scenario.mentions;
  for (let i = 0; i < mentions.length; i += 2000) {
    const batch = mentions.slice(i, i + 2000);
    setNow(Date.parse(batch[batch.length - 1]!.publishedAt) + 60_000);
    core.ingest.ingestNow(WS, source.id, batch);
  }

  setNow(ONSET + 2 * HOUR);
  const plan = await invoke(core, 'plan:get', { workspaceId: WS });
  const scenarioId = plan.plan.scenarios[0]?.id ?? null;
  const actor = { author: 'Élodie Rochat', authorRole: 'crisisLead' };
  const opened = await invoke(core, 'incidents:open', {
    workspaceId: WS,
    incident: {
      title: 'Fuite de données — Banque Léman',
      scenarioId,
      scenarioKind: 'dataBreach',
      severity: 'high',
      summary: 'Des données de clients circulent sur les réseaux ; la presse régionale relaie l’affaire.',
      // Opened two hours in, by hand: the cell dates the crisis from its onset.
      scope: { start: new Date(ONSET).toISOString() },
      actor,
    },
  });
  const incidentId = opened.id;
  setNow(ONSET + 2 * HOUR + 5 * 60_000);
  const mobilised = await invoke(core, 'incidents:mobilise', { workspaceId: WS, incidentId, actor });
  const calls = mobilised.mobilisation?.calls ?? [];
  for (const [i, call] of calls.slice(0, 2).entries()) {
    setNow(ONSET + 2 * HOUR + (12 + i * 6) * 60_000);
    await invoke(core, 'incidents:acknowledge', { workspaceId: WS, incidentId, roleId: call.roleId, actor: { author: call.personName, authorRole: call.roleId } });
  }
  const role = mobilised.roster[0];
  if (role) {
    setNow(ONSET + 6 * HOUR);
    await invoke(core, 'incidents:handover', {
      workspaceId: WS,
      incidentId,
      roleId: role.roleId,
      to: { name: 'Jérôme Favre', title: 'Directeur général adjoint', phone: '+41 21 555 00 99' },
      note: 'Relève de nuit',
      actor,
    });
  }
  for (const item of mobilised.checklist.slice(0, 3)) {
    await invoke(core, 'incidents:setChecklistItem', { workspaceId: WS, incidentId, itemId: item.id, status: 'done', actor });
  }

  const entries = [
    { kind: 'information', body: 'Un fichier de 12 000 clients circule sur un forum ; authenticité à vérifier.' },
    { kind: 'decision', body: 'Décision : communiqué d’attente publié avant 14 h, ligne téléphonique dédiée ouverte.' },
    { kind: 'action', body: 'Le service client reçoit le script de réponse validé.' },
    { kind: 'decision', body: 'Décision : plainte pénale déposée ; pas de commentaire sur l’enquête.' },
    { kind: 'communication', body: 'Appel de la journaliste de 24 heures : rappel prévu à 16 h.' },
  ] as const;
  for (const [i, entry] of entries.entries()) {
    setNow(ONSET + 2 * HOUR + (20 + i * 10) * 60_000);
    await invoke(core, 'crisisLog:append', {
      workspaceId: WS,
      entry: { incidentId, kind: entry.kind, author: 'Zoé Müller', authorRole: 'scribe', body: entry.body, occurredAt: new Date(ONSET + 2 * HOUR + i * 9 * 60_000).toISOString() },
    });
  }

  setNow(ONSET + 3 * HOUR);
  const draft = await invoke(core, 'composer:create', {
    workspaceId: WS,
    statement: {
      incidentId,
      kind: 'holding',
      title: 'Communiqué d’attente',
      textFr: 'Nous avons été informés d’une possible fuite de données. Nos équipes vérifient les faits ; nous reviendrons vers vous d’ici 18 h.',
      textEn: 'We have been told of a possible data leak. Our teams are checking the facts; we will update you by 6 pm.',
      channels: ['linkedin'],
      author: 'Camille Python',
    },
  });
  const hash = draft.statement.contentHash;
  await invoke(core, 'composer:approve', { workspaceId: WS, statementId: draft.statement.id, approver: { person: 'Élodie Rochat', role: 'crisisLead' }, contentHash: hash });
  await invoke(core, 'composer:approve', { workspaceId: WS, statementId: draft.statement.id, approver: { person: 'Maître Anaïs Berset', role: 'legal' }, contentHash: hash });
  const queued = await invoke(core, 'composer:queue', { workspaceId: WS, statementId: draft.statement.id, person: 'Camille Python' });
  setNow(ONSET + 3 * HOUR + 20 * 60_000);
  for (const item of queued.outbox) {
    await invoke(core, 'composer:confirmManual', {
      workspaceId: WS,
      outboxId: item.id,
      confirmation: { person: 'Camille Python', publishedAt: new Date(ONSET + 3 * HOUR + 15 * 60_000).toISOString(), url: null },
    });
  }
  setNow(ONSET + 29 * HOUR);
  await invoke(core, 'lessons:submit', {
    workspaceId: WS,
    lesson: {
      author: 'Zoé Müller',
      authorRole: 'scribe',
      wentWell: 'La main courante a été tenue dès la première minute.',
      wentBadly: 'Le communiqué d’attente est sorti trop tard : 1 h 15 après l’ouverture.',
      actions: [{ action: 'Pré-valider un message d’attente « fuite de données »', owner: 'Juriste' }],
    },
  });
  await invoke(core, 'lessons:submit', { workspaceId: WS, lesson: { wentWell: '', wentBadly: 'Trop d’appels entrants sans script.', actions: [] } });
  setNow(ONSET + 30 * HOUR);
  return { incidentId, statementId: draft.statement.id, humanEntries: entries.length, decisions: entries.filter((e) => e.kind === 'decision').length };
}
