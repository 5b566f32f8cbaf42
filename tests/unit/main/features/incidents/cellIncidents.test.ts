// Incidents across the cell: three laptops (core processes, own data folders, loopback 127.0.0.1–3) in one cell.
// An incident opened on A appears on B and C with its roster and checklist; B's changes (severity, status, handover,
// checklist tick) appear on A; changes made on both sides of a partition converge to the same state on every
// laptop, the later by hybrid clock winning and the crisis log keeping both; a change forged into C's document is
// kept as not genuine and changes nothing; a laptop outside the cell gets nothing.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { join } from 'node:path';
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { SqliteStorageAdapter } from '../../../../../src/main/platform/sync/sqliteStorageAdapter';
import { signChange, type IncidentChangesDocument } from '../../../../../src/main/features/incidents/sharedIncidents/incidentChange';
import type { IncidentDetail } from '../../../../../src/shared/domain/incident';
import { crisisIncident, lead } from '../../../../support/alertPlan';
import { cellOf, joinThree, Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';
import { workspaceKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 180_000;
const HOUR = 3_600_000;

let a: Laptop;
let b: Laptop;
let c: Laptop;
let incidentId = '';

useLaptops(3, tempDir, SCENARIO_MS, (laptops) => joinThree(([a, b, c] = laptops)));

afterAll(() => [a, b, c].forEach((laptop) => laptop?.kill()));

const detail = (laptop: Laptop) => laptop.call('incidents:get', { ...ws, incidentId }).catch(() => null);
/** What the cell shares of an incident: the same on every laptop once they have met. */
const sharedState = (d: IncidentDetail | null | undefined) =>
  d && {
    status: d.status,
    severity: d.severity,
    activeAt: d.activeAt,
    stabilisedAt: d.stabilisedAt,
    closedAt: d.closedAt,
    holders: d.roster.map((r) => [r.roleId, r.holder?.name ?? null, r.history.length]),
    checklist: d.checklist.map((i) => [i.id, i.status, i.doneBy, i.doneAt, i.note]),
  };
const logOf = async (laptop: Laptop, code: string) =>
  (await laptop.call('crisisLog:list', { ...ws, filter: { incidentId, limit: 2000 } })).filter((e) => e.systemCode === code);

describe('incidents across the cell', () => {
  it(
    'shows on B and C an incident opened on A, and on A what B changes',
    async () => {
      const opened = await a.call('incidents:open', { ...ws, incident: structuredClone(crisisIncident) });
      incidentId = opened.id;
      const [onB, onC] = await Promise.all([b, c].map((laptop) => until(() => detail(laptop), (d) => d !== null)));
      for (const copy of [onB, onC]) {
        expect(copy).toMatchObject({ id: opened.id, title: crisisIncident.title, severity: 'high', status: opened.status, openedBy: lead.author });
        expect(sharedState(copy)).toEqual(sharedState(opened));
      }
      expect(onB!.checklist.length).toBeGreaterThan(0);
      expect(await logOf(b, 'incident.opened')).toHaveLength(1);

      const role = onB!.roster[0]!;
      const item = onB!.checklist[0]!;
      await b.call('incidents:setSeverity', { ...ws, incidentId, severity: 'critical', actor: { author: 'Bob', authorRole: null } });
      await b.call('incidents:handover', { ...ws, incidentId, roleId: role.roleId, to: { name: 'Bruno Relais', title: '', phone: '+33600000001', altPhone: '', email: '' }, note: 'relève', actor: { author: 'Bob', authorRole: null } });
      await b.call('incidents:setChecklistItem', { ...ws, incidentId, itemId: item.id, status: 'done', note: 'fait', actor: { author: 'Bob', authorRole: null } });
      const afterB = await b.call('incidents:setStatus', { ...ws, incidentId, status: 'stabilised', actor: { author: 'Bob', authorRole: null } });

      const onA = await until(() => detail(a), (d) => JSON.stringify(sharedState(d)) === JSON.stringify(sharedState(afterB)));
      expect(onA).toMatchObject({ severity: 'critical', status: 'stabilised' });
      expect(onA!.roster[0]!.holder?.name).toBe('Bruno Relais');
      expect(onA!.roster[0]!.history.at(-1)).toMatchObject({ handedOverBy: 'Bob', note: 'relève' });
      expect(onA!.checklist[0]).toMatchObject({ status: 'done', doneBy: 'Bob', note: 'fait' });
      await until(() => detail(c), (d) => JSON.stringify(sharedState(d)) === JSON.stringify(sharedState(afterB)));
      expect((await logOf(a, 'incident.severity')).map((e) => e.data?.by)).toEqual(['Bob (Bob)']);
    },
    SCENARIO_MS,
  );

  it(
    'converges to the same state on every laptop after changes made on both sides of a partition',
    async () => {
      await b.call('cell:stop', ws);
      await until(() => cellOf(a), (s) => !s.members.some((m) => m.name === 'Bob' && m.online));
      // A's clock runs an hour ahead: its change, made first, is the later one by hybrid clock on every laptop.
      await a.advance(HOUR);
      await a.call('incidents:setSeverity', { ...ws, incidentId, severity: 'low', actor: lead });
      await a.call('incidents:setStatus', { ...ws, incidentId, status: 'active', actor: lead });
      await b.call('incidents:setSeverity', { ...ws, incidentId, severity: 'medium', actor: { author: 'Bob', authorRole: null } });
      await b.call('incidents:setStatus', { ...ws, incidentId, status: 'closed', actor: { author: 'Bob', authorRole: null } });
      const itemId = (await detail(a))!.checklist[1]!.id;
      await b.call('incidents:setChecklistItem', { ...ws, incidentId, itemId, status: 'in_progress', note: 'de B', actor: { author: 'Bob', authorRole: null } });
      expect((await detail(b))!.status).toBe('closed');

      await b.call('cell:start', { ...ws, host: '127.0.0.2' });
      const states = await until(
        () => Promise.all([a, b, c].map(detail)),
        (all) => all.every((d) => JSON.stringify(sharedState(d)) === JSON.stringify(sharedState(all[0]!))) && all[0]!.severity === 'low',
      );
      expect(states[0]).toMatchObject({ severity: 'low', status: 'active' });
      // Changes to different things both hold: B's checklist change is there too.
      expect(states[0]!.checklist[1]).toMatchObject({ status: 'in_progress', note: 'de B' });
      // The history keeps the overridden changes: each laptop's log names both severities.
      for (const laptop of [a, b]) {
        const severities = (await logOf(laptop, 'incident.severity')).map((e) => e.data?.to);
        expect(severities).toContain('low');
        expect(severities).toContain('medium');
      }
    },
    SCENARIO_MS,
  );

  it(
    'keeps a change forged into a member’s document as not genuine, and it changes nothing',
    async () => {
      const carol = (await cellOf(c)).deviceId;
      await c.close();
      const forgedId = await forgeChange(c.dataDir, carol, incidentId);
      c = c.restarted();
      await c.ready;
      // A genuine change from C afterwards shows C's document did reach A.
      await c.call('incidents:setSeverity', { ...ws, incidentId, severity: 'high', actor: { author: 'Carol', authorRole: null } });
      await until(() => detail(a), (d) => d?.severity === 'high');
      expect((await detail(a))!.status).toBe('active');
      expect((await detail(c))!.status).toBe('active');
      expect((await logOf(a, 'incident.status')).map((e) => e.data?.by)).not.toContain('Mallory');
      const changes = (await detail(a))!.cellChanges ?? [];
      const forged = changes.filter((change) => change.by === 'Mallory');
      expect(forged).toEqual([expect.objectContaining({ kind: 'status', deviceId: carol, memberName: 'Carol', to: 'closed', genuine: false })]);
      expect(forged[0]!.id).not.toBe(forgedId);
      expect(changes.filter((change) => change.deviceId === carol && change.genuine).map((change) => change.to)).toEqual(['high']);
      // Overridden changes stay in the history: both sides of the partition are there.
      expect(changes.filter((change) => change.kind === 'severity' && change.genuine).map((change) => change.to)).toEqual(expect.arrayContaining(['medium', 'low']));
    },
    SCENARIO_MS,
  );

  it(
    'gives nothing to a laptop outside the cell',
    async () => {
      const stranger = new Laptop(a.bundle, tempDir());
      try {
        await stranger.ready;
        await stranger.call('cell:create', { ...ws, memberName: 'Stranger', roles: [] });
        await stranger.call('cell:start', { ...ws, host: '127.0.0.4' });
        const address = (await until(() => cellOf(a), (s) => s.listening !== null)).members.find((m) => m.self)!.addresses[0]!;
        await stranger.call('cell:connect', { ...ws, address });
        await a.call('incidents:setSeverity', { ...ws, incidentId, severity: 'critical', actor: lead });
        await until(() => detail(b), (d) => d?.severity === 'critical');
        expect(await stranger.call('incidents:list', ws)).toEqual([]);
      } finally {
        stranger.kill();
      }
    },
    SCENARIO_MS,
  );
});

/** Writes into a laptop's incidents document, as a program holding its database key would, a change signed by a key of its own. */
async function forgeChange(dataDir: string, deviceId: string, incidentId: string): Promise<string> {
  const db = openDatabase({ path: join(dataDir, 'workspaces', 'live.db'), key: workspaceKey(dataDir, 'live') });
  const repo = new Repo({ storage: new SqliteStorageAdapter(() => db), network: [] });
  try {
    const record = db.prepare("SELECT value_json FROM cell_local WHERE name = 'cell'").get() as { value_json: string };
    const cellDoc = await repo.find<{ members: Record<string, { documents?: Record<string, string> }> }>(JSON.parse(record.value_json).cellUrl as AutomergeUrl);
    const own = await repo.find<IncidentChangesDocument>(cellDoc.doc().members[deviceId]?.documents?.incidents as AutomergeUrl);
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = signChange(
      { id: randomUUID(), incidentId, device: deviceId, hlc: '999999999999999.000000', at: new Date().toISOString(), by: 'Mallory', kind: 'status', data: JSON.stringify({ from: 'active', to: 'closed' }) },
      (data) => sign(null, data, privateKey),
    );
    own.change((doc) => {
      doc.changes[forged.id] = forged;
    });
    await repo.flush();
    return forged.id;
  } finally {
    await repo.shutdown();
    db.close();
  }
}
