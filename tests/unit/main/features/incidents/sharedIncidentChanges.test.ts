// An incident change as it travels between laptops: signed by its laptop's device key, refused when any signed
// field is edited or its data is not what its kind carries; and the replay that gives every laptop the same incident
// whatever order the changes arrived in.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IncidentChangeRepository, type ChangeRow } from '../../../../../src/main/features/incidents/incidentChangeRepository';
import { IncidentRepository } from '../../../../../src/main/features/incidents/incidentRepository';
import { SHARED_INCIDENT, openingChange } from '../../../../support/incidentOpening';
import { changeHolds, forgeryId, signChange, type ChangeData, type IncidentChange } from '../../../../../src/main/features/incidents/sharedIncidents/incidentChange';
import { replayIncident } from '../../../../../src/main/features/incidents/sharedIncidents/replayIncident';
import { LATEST_VERSION } from '../../../../../src/main/platform/db/migrations';
import { databaseAt } from '../../../../support/migrations';

const laptop = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signer: (data: Buffer) => sign(null, data, privateKey), pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const INCIDENT = SHARED_INCIDENT;
const ITEM = '0b0e8f0a-3b1a-4c55-8e1e-6a0d1c2b3e4f';
let n = 0;
const change = <K extends keyof ChangeData>(device: string, hlc: string, kind: K, data: ChangeData[K], signer = laptop().signer): IncidentChange =>
  signChange({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, incidentId: INCIDENT, device, hlc, at: `2026-12-07T10:00:0${n % 10}.000Z`, by: device.slice(0, 4), kind, data: JSON.stringify(data) }, signer);

const opening = openingChange({
  roles: [{ roleId: 'lead', position: 0, nameJson: '{"fr":"Pilote","en":"Lead"}', missionJson: '{"fr":"","en":""}', instructionsJson: '[]', deputiesJson: '[]', callsJson: '[]' }],
  holders: [{ roleId: 'lead', personJson: '{"name":"Claire","phone":"+33600000000"}', fromAt: '2026-12-07T09:00:00.000Z', untilAt: null, handedOverBy: null, note: '' }],
  items: [{ id: ITEM, planItemId: null, position: 0, phase: 'detect', textJson: '{"fr":"Appeler","en":"Call"}', ownerRole: 'lead', deadlineMinutes: 15, status: 'todo', doneBy: null, doneAt: null, note: '' }],
});

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const rowOf = (c: IncidentChange): ChangeRow => ({ id: c.id, incidentId: c.incidentId, deviceId: c.device, memberName: null, hlc: c.hlc, at: c.at, by: c.by, kind: c.kind, dataJson: c.data, signature: c.signature, genuine: 1 });

describe('incident changes across the cell', () => {
  it('holds only with the signing laptop’s key, unedited, with the data its kind carries', () => {
    const a = laptop();
    const good = change(A, '000000000000001.000000', 'status', { from: 'active', to: 'closed' }, a.signer);
    expect(changeHolds(good, a.pem)).toBe(true);
    expect(changeHolds(good, laptop().pem)).toBe(false);
    expect(changeHolds(good, undefined)).toBe(false);
    expect(changeHolds({ ...good, data: JSON.stringify({ from: 'active', to: 'stabilised' }) }, a.pem)).toBe(false);
    expect(changeHolds({ ...good, hlc: '000000000000009.000000' }, a.pem)).toBe(false);
    expect(changeHolds(change(A, '000000000000001.000000', 'status', { from: 'active', to: 'gone' } as never, a.signer), a.pem)).toBe(false);
    expect(forgeryId(good)).not.toBe(good.id);
    expect(forgeryId(good)).toBe(forgeryId({ ...good }));
  });

  it('gives the same incident whatever order the changes arrived in: the later by clock wins, the others stay', () => {
    const changes = [
      change(A, '000000000000001.000000', 'opened', opening),
      change(A, '000000000000005.000000', 'severity', { from: 'high', to: 'low' }),
      change(B, '000000000000004.000000', 'severity', { from: 'high', to: 'critical' }),
      change(B, '000000000000006.000000', 'status', { from: 'active', to: 'stabilised' }),
      change(A, '000000000000006.000000', 'status', { from: 'active', to: 'closed' }),
      change(B, '000000000000003.000000', 'handover', { roleId: 'lead', personJson: '{"name":"Bruno","phone":"+33600000001"}', note: 'relève' }),
      change(A, '000000000000007.000000', 'checklist', { itemId: ITEM, status: 'done', doneBy: 'Anne', doneAt: '2026-12-07T10:00:00.000Z', note: '' }),
    ];
    const states = [changes, [...changes].reverse(), [changes[3]!, changes[0]!, changes[6]!, changes[1]!, changes[5]!, changes[2]!, changes[4]!]].map((arrival) => {
      const db = databaseAt(LATEST_VERSION);
      const repo = new IncidentRepository(db);
      const store = new IncidentChangeRepository(db);
      // Each change arrives alone, the incident replayed after each, as documents reach a laptop one by one.
      for (const c of arrival) {
        store.insert(rowOf(c));
        replayIncident(repo, INCIDENT, store.ofIncident(INCIDENT), new Set([c.id]));
      }
      const state = { incident: repo.get(INCIDENT), holders: repo.holders(INCIDENT), items: repo.items(INCIDENT), changes: store.ofIncident(INCIDENT).length };
      db.close();
      return state;
    });
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    // Same clock on both laptops: the laptop id decides (b… after a…).
    expect(states[0]!.incident).toMatchObject({ severity: 'low', status: 'stabilised' });
    expect(states[0]!.holders.map((h) => [JSON.parse(h.personJson).name, h.untilAt === null])).toEqual([['Claire', false], ['Bruno', true]]);
    expect(states[0]!.items[0]).toMatchObject({ status: 'done', doneBy: 'Anne' });
    expect(states[0]!.changes).toBe(7);
  });

  it('waits for the opening before showing an incident', () => {
    const db = databaseAt(LATEST_VERSION);
    const repo = new IncidentRepository(db);
    const early = change(B, '000000000000004.000000', 'severity', { from: 'high', to: 'critical' });
    expect(replayIncident(repo, INCIDENT, [rowOf(early)], new Set([early.id]))).toBeUndefined();
    expect(repo.get(INCIDENT)).toBeUndefined();
    db.close();
  });
});
