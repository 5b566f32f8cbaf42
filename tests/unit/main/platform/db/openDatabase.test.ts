import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../src/main/platform/db/migrate';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { useTempDirs } from '../../../../support/tempDir';
import { randomKey } from '../../../../support/testCore';

const tempDir = useTempDirs();

describe('openDatabase', () => {
  it('writes an encrypted file with no SQLite header and no plaintext', () => {
    const path = join(tempDir(), 'ws.db');
    const key = randomKey();
    const db = openDatabase({ path, key });
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('secret', '\"fuite de données\"', 'now')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('fuite de donn'))).toBe(false);
  });

  it('fails at open time with a clear message when the key is wrong', () => {
    const path = join(tempDir(), 'ws.db');
    openDatabase({ path, key: randomKey() }).close();
    expect(() => openDatabase({ path, key: randomKey() })).toThrow(/encryption key is wrong/);
  });

  it('reopens with the right key and keeps the data', () => {
    const path = join(tempDir(), 'ws.db');
    const key = randomKey();
    const db = openDatabase({ path, key });
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('a', '1', 'now')").run();
    db.close();
    const again = openDatabase({ path, key });
    expect(again.prepare("SELECT value_json AS v FROM settings WHERE key = 'a'").get()).toEqual({ v: '1' });
    again.close();
  });

  it('turns on WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase({ path: join(tempDir(), 'ws.db'), key: randomKey() });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('refuses a database written by a newer version of the code', () => {
    const path = join(tempDir(), 'ws.db');
    const key = randomKey();
    const db = openDatabase({ path, key });
    db.pragma('user_version = 9999');
    db.close();
    expect(() => openDatabase({ path, key })).toThrow(/newer version of Tocsin/);
  });
});

describe('migrate', () => {
  it('refuses a migration list with a gap', () => {
    const db = openDatabase({ path: join(tempDir(), 'ws.db'), key: randomKey() });
    expect(() => migrate(db, 2, [{ version: 2, name: 'x', sql: '' }])).toThrow(/out of order/);
    db.close();
  });

  it('rolls back a failing step and leaves the version unchanged', () => {
    const db = openDatabase({ path: join(tempDir(), 'ws.db'), key: randomKey() });
    const before = db.pragma('user_version', { simple: true }) as number;
    const steps = [
      ...Array.from({ length: before }, (_, i) => ({ version: i + 1, name: `done${i}`, sql: '' })),
      { version: before + 1, name: 'broken', sql: 'CREATE TABLE ok_table (a); CREATE TABLE broken (' },
    ];
    expect(() => migrate(db, before + 1, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(before);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_table'").get()).toEqual({ n: 0 });
    db.close();
  });
});
