// Acknowledgement from the member's own laptop: three laptops (core processes, own data folders, loopback
// 127.0.0.1–3) in one cell, a loopback SMTP relay and HTTP gateway. A mobilises a roster in which Bob (laptop B)
// and Carol (laptop C) picked their roster entries; B and C see their call and acknowledge it from their laptops.
// A marks them acknowledged "from their laptop", escalation reaches only the other roles' deputies, and each
// acknowledgement is logged once, across a restart of A. An acknowledgement forged into C's document (another key)
// is shown as not genuine and stops nothing.
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { SqliteStorageAdapter } from '../../../../../src/main/platform/sync/sqliteStorageAdapter';
import { acknowledgementKey, signAcknowledgement, type MobilisationDocument } from '../../../../../src/main/features/notify/sharedMobilisation/mobilisationRecords';
import type { CrisisPlan } from '../../../../../src/shared/domain/plan';
import { alertSettings, crisisIncident, lead, withReachableRoles } from '../../../../support/alertPlan';
import { gateway, mailRelay, type Gateway, type MailRelay } from '../../../../support/alertServers';
import { cellOf, joinThree, Laptop, until, useLaptops } from '../../../../support/cellLaptop';
import { useTempDirs } from '../../../../support/tempDir';
import { workspaceKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 180_000;
const MINUTE = 60_000;

let a: Laptop;
let b: Laptop;
let c: Laptop;
let relay: MailRelay;
let gw: Gateway;

useLaptops(3, tempDir, SCENARIO_MS, async (laptops) => {
  [a, b, c] = laptops;
  [relay, gw] = await Promise.all([mailRelay(), gateway()]);
});

afterAll(async () => {
  [a, b, c].forEach((laptop) => laptop?.kill());
  await relay?.close();
  await gw?.close();
});

const deliveries = (incidentId: string) => a.call('notify:deliveries', { ...ws, incidentId });
const logCodes = async (incidentId: string, code: string) =>
  (await a.call('crisisLog:list', { ...ws, filter: { incidentId, limit: 2000 } })).filter((e) => e.systemCode === code);

describe('acknowledgement from the member’s own laptop', () => {
  it(
    'stops escalation only for those who acknowledged from their laptops, logs each once, and refuses a forged one',
    async () => {
      await joinThree([a, b, c]);
      const stored = await a.call('plan:get', ws);
      const plan: CrisisPlan = withReachableRoles(stored.plan);
      await a.call('plan:save', { ...ws, baseRevision: stored.revision, plan });
      await a.call('notify:setSettings', { ...ws, settings: alertSettings(relay.port, gw.url) });
      const role = (i: number) => plan.roles[i]!;
      await b.call('cell:profile', { ...ws, memberName: 'Bob', roles: [], personName: role(0).holder!.name });
      // Carol types her name with other spaces and case: the link still holds.
      await c.call('cell:profile', { ...ws, memberName: 'Carol', roles: [], personName: `  ${role(1).holder!.name.toUpperCase()} ` });
      await until(() => cellOf(a), (s) => s.members.filter((m) => m.personName !== null).length === 2);

      const incident = await a.call('incidents:open', { ...ws, incident: structuredClone(crisisIncident) });
      const mobilised = await a.call('incidents:mobilise', { ...ws, incidentId: incident.id, actor: lead });
      const mobilisationId = mobilised.mobilisation!.id;
      await a.deliver();
      expect(relay.mails.flatMap((m) => m.to).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `holder${i}@example.test`));

      const [bobCalls, carolCalls] = await Promise.all(
        [b, c].map((laptop) => until(() => laptop.call('notify:mine', ws), (calls) => calls.length === 1)),
      );
      expect(bobCalls![0]).toMatchObject({ mobilisationId, incidentId: incident.id, title: crisisIncident.title, level: 'crisis', mobilisedBy: 'Alice', roleId: role(0).id, roleName: role(0).name, personName: role(0).holder!.name, acknowledgedAt: null });
      expect(carolCalls![0]).toMatchObject({ roleId: role(1).id, acknowledgedAt: null });
      expect(await a.call('notify:mine', ws)).toEqual([]);
      // Nobody acknowledges for someone else.
      await expect(b.call('notify:acknowledgeMine', { ...ws, mobilisationId, roleId: role(1).id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

      // A hostile program writes into C's document an acknowledgement of Carol's call under another key.
      const carolDevice = (await cellOf(c)).deviceId;
      await c.close();
      await forgeAcknowledgement(c.dataDir, carolDevice, mobilisationId, role(1).id);
      c = c.restarted();
      await c.ready;
      let view = await until(() => deliveries(incident.id), (v) => v.laptopAcknowledgements.length === 1);
      expect(view.laptopAcknowledgements[0]).toMatchObject({ roleId: role(1).id, deviceId: carolDevice, memberName: 'Carol', genuine: false });
      const carolCall = async () => (await a.call('incidents:get', { ...ws, incidentId: incident.id })).mobilisation!.calls.find((call) => call.roleId === role(1).id)!;
      expect((await carolCall()).acknowledgedAt).toBeNull();
      // Carol's laptop does not take the forgery for her own acknowledgement.
      expect((await c.call('notify:mine', ws))[0]).toMatchObject({ roleId: role(1).id, acknowledgedAt: null });

      const bobAfter = await b.call('notify:acknowledgeMine', { ...ws, mobilisationId, roleId: role(0).id });
      expect(bobAfter[0]!.acknowledgedAt).not.toBeNull();
      expect(await b.call('notify:acknowledgeMine', { ...ws, mobilisationId, roleId: role(0).id })).toEqual(bobAfter);
      await c.call('notify:acknowledgeMine', { ...ws, mobilisationId, roleId: role(1).id });

      view = await until(() => deliveries(incident.id), (v) => v.laptopAcknowledgements.filter((ack) => ack.genuine).length === 2);
      const genuine = view.laptopAcknowledgements.filter((ack) => ack.genuine).map(({ roleId, memberName, personName }) => ({ roleId, memberName, personName }));
      expect(genuine).toEqual([
        { roleId: role(0).id, memberName: 'Bob', personName: role(0).holder!.name },
        { roleId: role(1).id, memberName: 'Carol', personName: role(1).holder!.name },
      ]);
      expect(view.laptopAcknowledgements).toHaveLength(3);
      expect((await carolCall()).acknowledgedAt).not.toBeNull();

      // Ten minutes on: the deputies of the eight roles nobody acknowledged, and only them.
      await a.advance(10 * MINUTE);
      await a.deliver();
      expect(relay.mails.slice(5).flatMap((m) => m.to).sort()).toEqual([2, 3, 4, 5, 6, 7, 8, 9].map((i) => `deputy${i}@example.test`));

      const once = async () => ({
        fromLaptop: (await logCodes(incident.id, 'notify.acknowledgedFromLaptop')).map((e) => e.body).sort(),
        refused: (await logCodes(incident.id, 'notify.acknowledgementRefused')).length,
        reached: (await logCodes(incident.id, 'mobilisation.acknowledged')).length,
      });
      const before = await once();
      expect(before.fromLaptop).toHaveLength(2);
      expect(before.fromLaptop.join('\n')).toContain('depuis son ordinateur (Bob)');
      expect(before.fromLaptop.join('\n')).toContain('depuis son ordinateur (Carol)');
      expect(before).toMatchObject({ refused: 1, reached: 2 });

      // A restarts and reads every document again: nothing is taken in twice.
      await a.close();
      a = a.restarted();
      await a.ready;
      await until(() => cellOf(a), (s) => s.members.filter((m) => m.online).length === 2);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await once()).toEqual(before);
      expect((await deliveries(incident.id)).laptopAcknowledgements).toHaveLength(3);
    },
    SCENARIO_MS,
  );
});

/** Writes, as a program holding the laptop's database key would, an acknowledgement signed by a key of its own. */
async function forgeAcknowledgement(dataDir: string, deviceId: string, mobilisationId: string, roleId: string): Promise<void> {
  const db = openDatabase({ path: join(dataDir, 'workspaces', 'live.db'), key: workspaceKey(dataDir, 'live') });
  const repo = new Repo({ storage: new SqliteStorageAdapter(() => db), network: [] });
  try {
    const record = db.prepare("SELECT value_json FROM cell_local WHERE name = 'cell'").get() as { value_json: string };
    const cellDoc = await repo.find<{ members: Record<string, { documents?: Record<string, string> }> }>(JSON.parse(record.value_json).cellUrl as AutomergeUrl);
    const own = await repo.find<MobilisationDocument>(cellDoc.doc().members[deviceId]?.documents?.mobilisation as AutomergeUrl);
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = signAcknowledgement({ mobilisationId, roleId, device: deviceId, acknowledgedAt: new Date().toISOString() }, (data) => sign(null, data, privateKey));
    own.change((doc) => {
      doc.acknowledgements[acknowledgementKey(mobilisationId, roleId)] = forged;
    });
    await repo.flush();
  } finally {
    await repo.shutdown();
    db.close();
  }
}
