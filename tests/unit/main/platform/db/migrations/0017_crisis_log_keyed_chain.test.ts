// The chain format is re-derived here from its description (HKDF-SHA256 of the workspace secret, HMAC-SHA256
// of the record's fields), so the test checks what migration 17 writes, not only that the code agrees with itself.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { MIGRATIONS } from '../../../../../../src/main/platform/db/migrations/index';
import { keyCrisisLogChain } from '../../../../../../src/main/features/crisisLog';
import { reportLanguageIn } from '../../../../../../src/main/features/workspaces';
import { useTempDirs } from '../../../../../support/tempDir';
import type { CrisisLogRow } from '../../../../../support/crisisLogRow';

const tempDir = useTempDirs();
const SECRET = Buffer.alloc(32, 0x2a);
const GENESIS = '0'.repeat(64);
const clock = { now: () => new Date('2026-12-07T09:00:00Z') };
const subkey = (purpose: string) => Buffer.from(hkdfSync('sha256', SECRET, Buffer.from('tocsin/live'), Buffer.from(purpose), 32));

type Row = CrisisLogRow;

const fields = (format: string, r: Row): string =>
  JSON.stringify([format, r.seq, r.id, r.record, r.incident_id, r.kind, r.occurred_at, r.entered_at, r.author, r.author_role, r.body,
    r.source, r.verification, r.pinned, r.ref_id, r.system_code, r.data_json, r.prev_hash]);
const sha256Link = (r: Row) => createHash('sha256').update(fields('tocsin-log-v1', r), 'utf8').digest('hex');
const keyedLink = (r: Row) => createHmac('sha256', subkey('crisis-log/chain/v1')).update(fields('tocsin-log-v2', r), 'utf8').digest('hex');
const rows = (db: Database.Database): Row[] => db.prepare('SELECT * FROM crisis_log ORDER BY seq').all() as Row[];

/** A crisis log as version 16 wrote it: linked with plain SHA-256. */
function legacyLog(db: Database.Database, bodies: string[]): string {
  const insert = db.prepare(
    `INSERT INTO crisis_log (seq, id, record, incident_id, kind, occurred_at, entered_at, author, author_role, body, source,
       verification, pinned, ref_id, system_code, data_json, prev_hash, hash)
     VALUES (@seq, @id, @record, @incident_id, @kind, @occurred_at, @entered_at, @author, @author_role, @body, @source,
       @verification, @pinned, @ref_id, @system_code, @data_json, @prev_hash, @hash)`,
  );
  let prev = GENESIS;
  bodies.forEach((body, i) => {
    const r: Row = {
      seq: i + 1, id: `e${i + 1}`, record: 'entry', incident_id: null, kind: 'information', occurred_at: '2026-12-01T08:00:00.000Z',
      entered_at: '2026-12-01T08:00:00.000Z', author: 'Léa', author_role: null, body, source: null, verification: 'to_verify', pinned: 0,
      ref_id: null, system_code: null, data_json: null, prev_hash: prev, hash: '',
    };
    prev = sha256Link(r);
    insert.run({ ...r, hash: prev });
  });
  return prev;
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

function anchorOf(dir: string): { seq: number; hash: string; prevHash: string; mac: string } {
  return JSON.parse(readFileSync(join(dir, 'live.head'), 'utf8')) as { seq: number; hash: string; prevHash: string; mac: string };
}
const anchorMac = (a: { seq: number; hash: string; prevHash: string }) =>
  createHmac('sha256', subkey('crisis-log/anchor/v1')).update(JSON.stringify(['tocsin-log-anchor-v1', 'live', a.seq, a.hash, a.prevHash])).digest('hex');

describe('migration 0017 crisis_log_keyed_chain', () => {
  it('re-links the existing log under the workspace key, records the switch and anchors the head', () => {
    const dir = tempDir();
    const db = at16(dir);
    const legacyHead = legacyLog(db, ['Premier signalement', 'Décision de mobiliser', 'Communiqué validé']);
    migrate(db, 17, MIGRATIONS, hooks(dir));
    expect(getUserVersion(db)).toBe(17);

    const records = rows(db);
    expect(records.map((r) => r.body.slice(0, 20))).toEqual(['Premier signalement', 'Décision de mobilise', 'Communiqué validé', 'Chaîne de la main co']);
    let prev = GENESIS;
    for (const r of records) {
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(keyedLink(r));
      prev = r.hash;
    }
    const switched = records.at(-1)!;
    expect(switched).toMatchObject({ kind: 'system', system_code: 'log.chainKeyed', author: 'Tocsin', entered_at: '2026-12-07T09:00:00.000Z' });
    expect(JSON.parse(switched.data_json!)).toEqual({ records: 3, legacyHead });
    expect(switched.body).toContain(legacyHead);

    const anchor = anchorOf(dir);
    expect(anchor).toMatchObject({ seq: 4, hash: switched.hash, prevHash: switched.prev_hash });
    expect(anchor.mac).toBe(anchorMac(anchor));
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
    const last = rows(db).at(-1)!;
    expect(JSON.parse(last.data_json!)).toMatchObject({ records: 3, brokenAt: 2 });
    expect(last.body).toMatch(/rompue à l’enregistrement 2/);
    db.close();
  });

  it('anchors an empty log at its start without an entry, and refuses to migrate a log without its key', () => {
    const dir = tempDir();
    const empty = at16(dir);
    migrate(empty, 17, MIGRATIONS, hooks(dir));
    expect(rows(empty)).toEqual([]);
    const anchor = anchorOf(dir);
    expect(anchor).toMatchObject({ seq: 0, hash: GENESIS, prevHash: GENESIS });
    expect(anchor.mac).toBe(anchorMac(anchor));
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
