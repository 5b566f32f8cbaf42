import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { MIGRATIONS } from '../../../../../../src/main/platform/db/migrations/index';
import { chainMac, GENESIS_HASH, legacyChainHash, type ChainedRecord } from '../../../../../../src/main/features/crisisLog/chainHash';
import { CrisisLogRepository } from '../../../../../../src/main/features/crisisLog/crisisLogRepository';
import { keyCrisisLogChain } from '../../../../../../src/main/features/crisisLog/keyChainMigration';
import { readAnchor } from '../../../../../../src/main/features/crisisLog/logAnchor';
import { logKeysFrom } from '../../../../../../src/main/features/crisisLog/logKeys';
import { verifyChain } from '../../../../../../src/main/features/crisisLog/verifyChain';
import { reportLanguageIn } from '../../../../../../src/main/features/workspaces/workspaceService';
import { useTempDirs } from '../../../../../support/tempDir';

const tempDir = useTempDirs();
const SECRET = Buffer.alloc(32, 0x2a);
const clock = { now: () => new Date('2026-12-07T09:00:00Z') };

/** A crisis log as version 16 wrote it: linked with plain SHA-256. */
function legacyLog(db: Database.Database, bodies: string[]): string {
  const insert = db.prepare(
    `INSERT INTO crisis_log (seq, id, record, incident_id, kind, occurred_at, entered_at, author, author_role, body, source,
       verification, pinned, ref_id, system_code, data_json, prev_hash, hash)
     VALUES (@seq, @id, @record, @incidentId, @kind, @occurredAt, @enteredAt, @author, @authorRole, @body, @source,
       @verification, @pinned, @refId, @systemCode, @dataJson, @prevHash, @hash)`,
  );
  let prevHash = GENESIS_HASH;
  bodies.forEach((body, i) => {
    const r: ChainedRecord = {
      seq: i + 1,
      id: `e${i + 1}`,
      record: 'entry',
      incidentId: null,
      kind: 'information',
      occurredAt: '2026-12-01T08:00:00.000Z',
      enteredAt: '2026-12-01T08:00:00.000Z',
      author: 'Léa',
      authorRole: null,
      body,
      source: null,
      verification: 'to_verify',
      pinned: 0,
      refId: null,
      systemCode: null,
      dataJson: null,
      prevHash,
    };
    prevHash = legacyChainHash(r);
    insert.run({ ...r, hash: prevHash });
  });
  return prevHash;
}

function at16(dir: string): Database.Database {
  const db = new Database(join(dir, 'ws.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, 16);
  db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('reportLanguage', '\"fr\"', 'now')").run();
  return db;
}

const hooks = (dir: string) => ({
  keyCrisisLogChain: keyCrisisLogChain({ workspaceId: 'live', secret: () => SECRET, anchorPath: join(dir, 'live.head'), clock, language: reportLanguageIn }),
});

describe('migration 0017 crisis_log_keyed_chain', () => {
  it('re-links the existing log under the workspace key, records the switch and anchors the head', () => {
    const dir = tempDir();
    const db = at16(dir);
    const legacyHead = legacyLog(db, ['Premier signalement', 'Décision de mobiliser', 'Communiqué validé']);
    migrate(db, 17, MIGRATIONS, hooks(dir));
    expect(getUserVersion(db)).toBe(17);

    const keys = logKeysFrom(SECRET, 'live');
    const repo = new CrisisLogRepository(db);
    const records = [...repo.walk()];
    expect(records.map((r) => r.body.slice(0, 20))).toEqual(['Premier signalement', 'Décision de mobilise', 'Communiqué validé', 'Chaîne de la main co']);
    for (const r of records) expect(r.hash).toBe(chainMac(keys.chain, r));
    const switched = records.at(-1)!;
    expect(switched).toMatchObject({ kind: 'system', systemCode: 'log.chainKeyed', author: 'Tocsin', enteredAt: '2026-12-07T09:00:00.000Z' });
    expect(JSON.parse(switched.dataJson!)).toEqual({ records: 3, legacyHead });
    expect(switched.body).toContain(legacyHead);

    const anchor = readAnchor(join(dir, 'live.head'), keys.anchor, 'live');
    expect(anchor).toEqual({ state: 'ok', anchor: { seq: 4, hash: switched.hash, prevHash: switched.prevHash } });
    expect(verifyChain({ records: () => repo.walk(), seqOfHash: (h) => repo.seqOfHash(h) }, keys.chain, anchor)).toMatchObject({ ok: true, checked: 4 });
    // The append-only barrier is back in place.
    expect(() => db.prepare("UPDATE crisis_log SET body = 'x' WHERE seq = 1").run()).toThrow(/never edited/);
    db.close();
  });

  it('says in the log where the old chain was already broken instead of hiding it', () => {
    const dir = tempDir();
    const db = at16(dir);
    legacyLog(db, ['a', 'b', 'c']);
    db.exec('DROP TRIGGER crisis_log_no_update');
    db.prepare("UPDATE crisis_log SET body = 'b rewritten' WHERE seq = 2").run();
    migrate(db, 17, MIGRATIONS, hooks(dir));
    const last = [...new CrisisLogRepository(db).walk()].at(-1)!;
    expect(JSON.parse(last.dataJson!)).toMatchObject({ records: 3, brokenAt: 2 });
    expect(last.body).toMatch(/rompue à l’enregistrement 2/);
    db.close();
  });

  it('anchors an empty log at its start without an entry, and refuses to migrate a log without its key', () => {
    const dir = tempDir();
    const empty = at16(dir);
    migrate(empty, 17, MIGRATIONS, hooks(dir));
    expect(empty.prepare('SELECT count(*) AS n FROM crisis_log').get()).toEqual({ n: 0 });
    expect(readAnchor(join(dir, 'live.head'), logKeysFrom(SECRET, 'live').anchor, 'live')).toEqual({
      state: 'ok',
      anchor: { seq: 0, hash: GENESIS_HASH, prevHash: GENESIS_HASH },
    });
    empty.close();

    const other = tempDir();
    const db = at16(other);
    legacyLog(db, ['a']);
    expect(() => migrate(db, 17)).toThrow(/re-chained under its workspace key/);
    expect(getUserVersion(db)).toBe(16);
    expect(existsSync(join(other, 'live.head'))).toBe(false);
    db.close();
  });
});
