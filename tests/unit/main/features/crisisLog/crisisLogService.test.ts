import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../src/shared/contract/envelope';
import type { Core } from '../../../../../src/main/app/createCore';
import { makeTestCore, workspaceKey } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
const INCIDENT = '2f1d2c9e-7d7a-4d59-9a37-0d5b3c7e1a10';
const scribe = { author: 'Léa Martin', authorRole: 'scribe' };

let core: Core | undefined;
afterEach(() => core?.close());

function start(): { core: Core; dir: string; tick: () => void } {
  const dir = newDir();
  let t = Date.parse('2026-03-02T08:00:00Z');
  const c = makeTestCore(dir, { clock: { now: () => new Date(t) } });
  core = c;
  return { core: c, dir, tick: () => void (t += 60_000) };
}

describe('CrisisLogService', () => {
  it('appends typed entries with occurred-at and entered-at, and lists them newest first', () => {
    const { core: c, tick } = start();
    const log = c.crisisLog;
    const first = log.append('live', {
      incidentId: INCIDENT,
      kind: 'information',
      occurredAt: '2026-03-02T07:50:00.000Z',
      ...scribe,
      body: 'Un journaliste du Temps appelle au sujet de la fuite de données',
      source: 'Téléphone, standard',
    });
    tick();
    const second = log.append('live', { incidentId: INCIDENT, kind: 'decision', ...scribe, body: 'Geler les campagnes', verification: 'verified' });
    expect(first).toMatchObject({ kind: 'information', verification: 'to_verify', occurredAt: '2026-03-02T07:50:00.000Z', enteredAt: '2026-03-02T08:00:00.000Z', seq: 1 });
    expect(second.seq).toBe(2);
    expect(log.list('live', { incidentId: INCIDENT }).map((e) => e.id)).toEqual([second.id, first.id]);
    expect(log.list('live', { incidentId: null })).toEqual([]);
  });

  it('records verification moves and pins as history instead of editing the entry', () => {
    const { core: c, tick } = start();
    const log = c.crisisLog;
    const entry = log.append('live', { incidentId: INCIDENT, kind: 'information', ...scribe, body: 'Rumeur de rappel produit' });
    tick();
    log.setVerification('live', entry.id, 'being_verified', { author: 'Marc', authorRole: 'analyst' });
    tick();
    log.setVerification('live', entry.id, 'verified', { author: 'Marc', authorRole: 'analyst' });
    const pinned = log.setPinned('live', entry.id, true, scribe);
    expect(pinned.verification).toBe('verified');
    expect(pinned.pinned).toBe(true);
    expect(pinned.body).toBe('Rumeur de rappel produit');
    expect(pinned.history.map((h) => [h.kind, h.verification ?? h.pinned, h.author])).toEqual([
      ['verification', 'being_verified', 'Marc'],
      ['verification', 'verified', 'Marc'],
      ['pin', true, 'Léa Martin'],
    ]);
    expect(() => log.setVerification('live', entry.id, 'being_verified', scribe)).toThrow(AppFailure);
    log.setVerification('live', entry.id, 'released', scribe);
    expect(() => log.setVerification('live', entry.id, 'to_verify', scribe)).toThrow(/cannot go from "released"/);
    expect(log.list('live', { verification: ['released'] }).map((e) => e.id)).toEqual([entry.id]);
    expect(log.list('live', { pinnedOnly: true }).map((e) => e.id)).toEqual([entry.id]);
  });

  it('keeps a corrected entry as it was and links the correction to it', () => {
    const { core: c } = start();
    const log = c.crisisLog;
    const wrong = log.append('live', { incidentId: INCIDENT, kind: 'information', ...scribe, body: '3 000 clients touchés' });
    const fix = log.append('live', { incidentId: INCIDENT, kind: 'information', ...scribe, body: '30 000 clients touchés', correctsId: wrong.id });
    const byId = new Map(log.list('live', {}).map((e) => [e.id, e]));
    expect(byId.get(wrong.id)).toMatchObject({ body: '3 000 clients touchés', correctedById: fix.id });
    expect(byId.get(fix.id)).toMatchObject({ correctsId: wrong.id });
    expect(() => log.append('live', { incidentId: null, kind: 'information', ...scribe, body: 'x', correctsId: wrong.id })).toThrow(/same incident/);
  });

  it('finds entries by free text regardless of accents and case, and filters by kind', () => {
    const { core: c } = start();
    const log = c.crisisLog;
    const a = log.append('live', { incidentId: INCIDENT, kind: 'communication', ...scribe, body: 'Communiqué publié sur le site' });
    log.append('live', { incidentId: INCIDENT, kind: 'action', ...scribe, body: 'Service client briefé' });
    expect(log.list('live', { text: 'COMMUNIQUE' }).map((e) => e.id)).toEqual([a.id]);
    expect(log.list('live', { text: 'commun pub' }).map((e) => e.id)).toEqual([a.id]);
    expect(log.list('live', { text: 'NEAR( " * :' })).toEqual([]);
    expect(log.list('live', { kinds: ['action'] }).map((e) => e.body)).toEqual(['Service client briefé']);
  });

  it('writes system entries that are verified and keep their parameters', () => {
    const { core: c } = start();
    const events: string[] = [];
    c.events.subscribe((name) => events.push(name));
    const entry = c.crisisLog.system('live', {
      incidentId: INCIDENT,
      code: 'role.handover',
      body: 'Crisis lead handed over from Anne to Paul',
      data: { role: 'crisis_lead', from: 'Anne', to: 'Paul' },
    });
    expect(entry).toMatchObject({ kind: 'system', author: 'Tocsin', verification: 'verified', systemCode: 'role.handover', data: { to: 'Paul' } });
    expect(events).toEqual(['crisisLog:changed']);
    const level = c.crisisLog.system('live', { incidentId: null, code: 'level.changed', body: 'Level: alert' });
    expect(c.crisisLog.list('live', { incidentId: INCIDENT }).map((e) => e.id)).toEqual([entry.id]);
    expect(c.crisisLog.list('live', { incidentId: INCIDENT, includeWorkspace: true }).map((e) => e.id)).toEqual([level.id, entry.id]);
  });

  it('verifies an intact chain and names the first tampered entry after a direct SQLite edit', () => {
    const { core: c, dir } = start();
    const log = c.crisisLog;
    const ids: string[] = [];
    for (const body of ['Premier signalement', 'Décision de mobiliser', 'Communiqué validé', 'Point de situation']) {
      ids.push(log.append('live', { incidentId: INCIDENT, kind: 'information', ...scribe, body }).id);
    }
    log.setVerification('live', ids[0]!, 'verified', scribe);
    const intact = log.verify('live');
    expect(intact).toMatchObject({ ok: true, checked: 5, firstBroken: null });
    expect(intact.headHash).toMatch(/^[0-9a-f]{64}$/);

    c.close();
    core = undefined;
    // The attacker has the key and drops the append-only triggers: only the chain can tell.
    const db = new Database(join(dir, 'workspaces', 'live.db'));
    db.pragma(`key = "x'${workspaceKey(dir, 'live').toString('hex')}'"`);
    db.exec('DROP TRIGGER crisis_log_no_update; DROP TRIGGER crisis_log_no_delete');
    db.prepare('UPDATE crisis_log SET body = ? WHERE id = ?').run('Communiqué jamais validé', ids[2]);
    db.close();

    const reopened = makeTestCore(dir);
    core = reopened;
    expect(reopened.crisisLog.verify('live')).toEqual({
      ok: false,
      checked: 2,
      headHash: null,
      firstBroken: { seq: 3, id: ids[2], reason: 'content_changed' },
    });
  });

  it('reports a deleted entry as a break in the sequence', () => {
    const { core: c, dir } = start();
    const ids = ['a', 'b', 'c'].map((body) => c.crisisLog.append('live', { incidentId: INCIDENT, kind: 'action', ...scribe, body }).id);
    c.close();
    core = undefined;
    const db = new Database(join(dir, 'workspaces', 'live.db'));
    db.pragma(`key = "x'${workspaceKey(dir, 'live').toString('hex')}'"`);
    db.exec('DROP TRIGGER crisis_log_no_delete');
    db.prepare('DELETE FROM crisis_log WHERE id = ?').run(ids[1]);
    db.close();
    core = makeTestCore(dir);
    expect(core.crisisLog.verify('live').firstBroken).toEqual({ seq: 3, id: ids[2], reason: 'sequence_gap' });
  });
});
