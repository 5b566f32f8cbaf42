import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDueBackups } from '../../../../../src/main/features/backups/backupSchedule';
import { migrate } from '../../../../../src/main/platform/db/migrate';
import { silentLogger } from '../../../../../src/main/platform/logger';
import { invoke, makeTestCore, workspaceKey } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

async function logBodies(core: ReturnType<typeof makeTestCore>): Promise<string[]> {
  return (await invoke(core, 'crisisLog:list', { workspaceId: 'live', filter: {} })).map((e) => e.body);
}

async function logEntry(core: ReturnType<typeof makeTestCore>, body: string): Promise<void> {
  await invoke(core, 'crisisLog:append', { workspaceId: 'live', entry: { kind: 'information', body, author: 'Scribe' } });
}

describe('backups', () => {
  it('creates an encrypted copy, lists it, and restores it with the log chain verified', async () => {
    const dir = tempDir();
    const core = makeTestCore(dir);
    await logEntry(core, 'Appel du journaliste du Temps à 10h12');
    const created = await invoke(core, 'backups:create', { workspaceId: 'live' });
    const file = join(dir, 'backups', 'live', created.name);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(readFileSync(file).includes(Buffer.from('journaliste'))).toBe(false);

    await logEntry(core, 'Entrée postérieure à la sauvegarde');
    const listed = await core.dispatch('backups:list', { workspaceId: 'live' });
    expect(listed).toMatchObject({ ok: true, value: [{ name: created.name }] });

    const restored = await core.dispatch('backups:restore', { workspaceId: 'live', name: created.name });
    expect(restored).toMatchObject({ ok: true, value: { log: expect.stringMatching(/crisis log verified/) } });
    const bodies = await logBodies(core);
    expect(bodies.some((b) => b.includes('journaliste'))).toBe(true);
    expect(bodies.some((b) => b.includes('postérieure'))).toBe(false);
    expect(bodies.some((b) => b.includes('restaurée'))).toBe(true);
    core.close();
  });

  it('refuses a backup whose crisis log was tampered with and keeps the current data', async () => {
    const dir = tempDir();
    const core = makeTestCore(dir);
    await logEntry(core, 'Décision : gel des campagnes');
    const created = await invoke(core, 'backups:create', { workspaceId: 'live' });
    await logEntry(core, 'Après la sauvegarde');

    const file = join(dir, 'backups', 'live', created.name);
    const tampered = new Database(file);
    tampered.pragma(`key = "x'${workspaceKey(dir, 'live').toString('hex')}'"`);
    // Someone holding the key drops the append-only triggers: only the hash chain can tell.
    tampered.exec('DROP TRIGGER crisis_log_no_update');
    tampered.prepare("UPDATE crisis_log SET body = 'Décision : campagnes maintenues' WHERE body LIKE 'Décision%'").run();
    tampered.close();

    const restored = await core.dispatch('backups:restore', { workspaceId: 'live', name: created.name });
    expect(restored).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/chain is broken/) } });
    const integrity = core.crisisLog.verify('live');
    expect(integrity.ok).toBe(true);
    const bodies = await logBodies(core);
    expect(bodies).toContain('Après la sauvegarde');
    core.close();
  });

  it('keeps the anchored head in each backup, so a backup whose tail was cut is refused', async () => {
    const dir = tempDir();
    const core = makeTestCore(dir);
    await logEntry(core, 'Premier appel');
    await logEntry(core, 'Décision : communiqué à 14h');
    const created = await invoke(core, 'backups:create', { workspaceId: 'live' });
    expect(existsSync(join(dir, 'backups', 'live', created.name.replace(/\.db$/, '.head')))).toBe(true);

    const cut = new Database(join(dir, 'backups', 'live', created.name));
    cut.pragma(`key = "x'${workspaceKey(dir, 'live').toString('hex')}'"`);
    cut.exec('DROP TRIGGER crisis_log_no_delete');
    cut.prepare('DELETE FROM crisis_log WHERE seq = (SELECT max(seq) FROM crisis_log)').run();
    cut.close();
    const restored = await core.dispatch('backups:restore', { workspaceId: 'live', name: created.name });
    expect(restored).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/last_record_deleted/) } });
    expect(core.crisisLog.verify('live').ok).toBe(true);
    core.close();
  });

  it('restores a backup made before keyed chains: its log is re-chained and the switch recorded', async () => {
    const dir = tempDir();
    const core = makeTestCore(dir);
    await logEntry(core, 'Après la mise à jour');
    // A backup as the previous version wrote it: schema 16, SHA-256 chain, bare key file, no head file.
    const oldKey = Buffer.alloc(32, 0x11);
    mkdirSync(join(dir, 'backups', 'live'), { recursive: true });
    const old = new Database(join(dir, 'backups', 'live', '20260101T080000Z.db'));
    old.pragma(`key = "x'${oldKey.toString('hex')}'"`);
    migrate(old, 16);
    old.prepare("INSERT INTO workspace_meta (id, workspace_id, kind, created_at) VALUES ('self', 'live', 'live', '2025-12-01T00:00:00.000Z')").run();
    // The link as the previous version computed it: SHA-256 of the record's fields in a fixed order.
    const fields = ['tocsin-log-v1', 1, '0b7e2c1a-4d5f-4e8a-9b1c-2d3e4f5a6b7c', 'entry', null, 'information', '2026-01-01T08:00:00.000Z',
      '2026-01-01T08:00:00.000Z', 'Scribe', null, 'Entrée de l’ancienne version', null, 'to_verify', 0, null, null, null, '0'.repeat(64)];
    old.prepare(
      `INSERT INTO crisis_log (seq, id, record, incident_id, kind, occurred_at, entered_at, author, author_role, body, source,
         verification, pinned, ref_id, system_code, data_json, prev_hash, hash) VALUES (${fields.slice(1).map(() => '?').join(', ')}, ?)`,
    ).run(...fields.slice(1), createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex'));
    old.close();
    writeFileSync(join(dir, 'backups', 'live', '20260101T080000Z.key'), oldKey.toString('hex'));

    const restored = await core.dispatch('backups:restore', { workspaceId: 'live', name: '20260101T080000Z.db' });
    expect(restored).toMatchObject({ ok: true });
    const bodies = await logBodies(core);
    expect(bodies.some((b) => b.includes('ancienne version'))).toBe(true);
    expect(bodies.some((b) => b.includes('keyed') || b.includes('scellée par clé'))).toBe(true);
    expect(bodies.some((b) => /already broken|déjà rompue/.test(b))).toBe(false);
    expect(core.crisisLog.verify('live').ok).toBe(true);
    // The restored database does not stay under the backup's key.
    expect(workspaceKey(dir, 'live').equals(oldKey)).toBe(false);
    core.close();
  });

  it('rejects names that are not backups (no path tricks)', async () => {
    const core = makeTestCore(tempDir());
    for (const name of ['../live.db', '..%2Flive.db', 'x.db', '']) {
      const r = await core.dispatch('backups:restore', { workspaceId: 'live', name });
      expect(r.ok).toBe(false);
    }
    core.close();
  });

  it('the schedule backs up only workspaces whose newest backup is older than their interval', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const done: string[] = [];
    const ran = runDueBackups({
      clock: { now: () => now },
      logger: silentLogger,
      workspaceIds: () => ['live', 'drill', 'off'],
      intervalHours: (id) => (id === 'off' ? 0 : 24),
      newestBackupAt: (id) => (id === 'live' ? '2026-11-21T01:00:00.000Z' : '2026-11-19T00:00:00.000Z'),
      backUp: (id) => void done.push(id),
    });
    expect(ran).toEqual(['drill']);
    expect(done).toEqual(['drill']);
  });
});
