import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDueBackups } from '../../../../../src/main/features/backups/backupSchedule';
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
    const created = await invoke(core, 'backup:create', { workspaceId: 'live' });
    const file = join(dir, 'backups', 'live', created.name);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(readFileSync(file).includes(Buffer.from('journaliste'))).toBe(false);

    await logEntry(core, 'Entrée postérieure à la sauvegarde');
    const listed = await core.dispatch('backup:list', { workspaceId: 'live' });
    expect(listed).toMatchObject({ ok: true, value: [{ name: created.name }] });

    const restored = await core.dispatch('backup:restore', { workspaceId: 'live', name: created.name });
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
    const created = await invoke(core, 'backup:create', { workspaceId: 'live' });
    await logEntry(core, 'Après la sauvegarde');

    const file = join(dir, 'backups', 'live', created.name);
    const tampered = new Database(file);
    tampered.pragma(`key = "x'${workspaceKey(dir, 'live').toString('hex')}'"`);
    // Someone holding the key drops the append-only triggers: only the hash chain can tell.
    tampered.exec('DROP TRIGGER crisis_log_no_update');
    tampered.prepare("UPDATE crisis_log SET body = 'Décision : campagnes maintenues' WHERE body LIKE 'Décision%'").run();
    tampered.close();

    const restored = await core.dispatch('backup:restore', { workspaceId: 'live', name: created.name });
    expect(restored).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/chain is broken/) } });
    const integrity = core.crisisLog.verify('live');
    expect(integrity.ok).toBe(true);
    const bodies = await logBodies(core);
    expect(bodies).toContain('Après la sauvegarde');
    core.close();
  });

  it('rejects names that are not backups (no path tricks)', async () => {
    const core = makeTestCore(tempDir());
    for (const name of ['../live.db', '..%2Flive.db', 'x.db', '']) {
      const r = await core.dispatch('backup:restore', { workspaceId: 'live', name });
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
