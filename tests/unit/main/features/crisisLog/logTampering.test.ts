// Must show (issue #14, 4): each way of altering the crisis log behind the application's back is named by
// verify, and a forged archive is refused on import; an untouched log and a genuine archive verify.
// The attacker holds the database key (the file is open to them) but not the key ring's workspace secret.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { signingKeyFor } from '../../../../../src/main/features/security';
import { invoke, makeTestCore, workspaceKey } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';
import type { CrisisLogRow } from '../../../../support/crisisLogRow';

const tempDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));
const scribe = { author: 'Léa Martin', authorRole: 'scribe' };
const BODIES = ['Premier signalement', 'Décision de mobiliser', 'Communiqué validé', 'Point de situation', 'Appel du régulateur'];

function core(dir: string): Core {
  let t = Date.parse('2026-03-02T08:00:00Z');
  const c = makeTestCore(dir, { clock: { now: () => new Date((t += 1000)) } });
  cores.push(c);
  return c;
}

/** A workspace with an incident and five log entries; returns the data folder. */
async function loggedFolder(): Promise<{ dir: string; incidentId: string }> {
  const dir = tempDir();
  const c = core(dir);
  const incident = await invoke(c, 'incidents:open', {
    workspaceId: 'live',
    incident: { title: 'Fuite de données clients', scenarioKind: 'dataBreach', severity: 'high', actor: scribe },
  });
  for (const body of BODIES) await invoke(c, 'crisisLog:append', { workspaceId: 'live', entry: { incidentId: incident.id, kind: 'information', ...scribe, body } });
  c.close();
  cores.splice(cores.indexOf(c), 1);
  return { dir, incidentId: incident.id };
}

type Row = CrisisLogRow;

/** What an attacker without the key can compute: the published SHA-256 chain format. */
function sha256Link(r: Row): string {
  const canonical = JSON.stringify([
    'tocsin-log-v1',
    r.seq,
    r.id,
    r.record,
    r.incident_id,
    r.kind,
    r.occurred_at,
    r.entered_at,
    r.author,
    r.author_role,
    r.body,
    r.source,
    r.verification,
    r.pinned,
    r.ref_id,
    r.system_code,
    r.data_json,
    r.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Opens the workspace file with its key and without the append-only triggers, as an attacker would. */
function tamper(dir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(join(dir, 'workspaces', 'live.db'));
  db.pragma(`key = "x'${workspaceKey(dir, 'live').toString('hex')}'"`);
  db.exec('DROP TRIGGER crisis_log_no_update; DROP TRIGGER crisis_log_no_delete');
  edit(db);
  db.close();
}

const rows = (db: Database.Database): Row[] => db.prepare('SELECT * FROM crisis_log ORDER BY seq').all() as Row[];

/** Recomputes every link from `fromSeq` on, so the chain is consistent again. */
function rechainFrom(db: Database.Database, fromSeq: number): void {
  let prev = rows(db).find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  const update = db.prepare('UPDATE crisis_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows(db).filter((x) => x.seq >= fromSeq)) {
    const hash = sha256Link({ ...r, prev_hash: prev });
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}

async function verify(dir: string) {
  return invoke(core(dir), 'crisisLog:verify', { workspaceId: 'live' });
}

describe('crisis log tampering (issue #14, finding 4)', () => {
  it('an untouched log verifies to its anchored head', async () => {
    const { dir } = await loggedFolder();
    const result = await verify(dir);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a cut tail as truncation (the head is behind the anchor)', async () => {
    const { dir } = await loggedFolder();
    let last = 0;
    tamper(dir, (db) => {
      last = rows(db).at(-1)!.seq;
      db.prepare('DELETE FROM crisis_log WHERE seq > ?').run(last - 3);
    });
    expect((await verify(dir)).firstBroken).toMatchObject({ seq: last - 2, reason: 'truncated' });
  });

  it('names a deleted last record', async () => {
    const { dir } = await loggedFolder();
    let last = 0;
    tamper(dir, (db) => {
      last = rows(db).at(-1)!.seq;
      db.prepare('DELETE FROM crisis_log WHERE seq = ?').run(last);
    });
    expect((await verify(dir)).firstBroken).toMatchObject({ seq: last, reason: 'last_record_deleted' });
  });

  it('names a rewritten entry as a content change', async () => {
    const { dir } = await loggedFolder();
    let target: Row | undefined;
    tamper(dir, (db) => {
      target = rows(db).find((r) => r.body === 'Communiqué validé')!;
      db.prepare('UPDATE crisis_log SET body = ? WHERE seq = ?').run('Communiqué jamais validé', target.seq);
    });
    expect((await verify(dir)).firstBroken).toEqual({ seq: target!.seq, id: target!.id, reason: 'content_changed' });
  });

  it('names a rewritten entry whose chain was recomputed afterwards as re-chaining', async () => {
    const { dir } = await loggedFolder();
    let target: Row | undefined;
    tamper(dir, (db) => {
      target = rows(db).find((r) => r.body === 'Communiqué validé')!;
      db.prepare('UPDATE crisis_log SET body = ? WHERE seq = ?').run('Communiqué jamais validé', target.seq);
      rechainFrom(db, target.seq);
    });
    expect((await verify(dir)).firstBroken).toEqual({ seq: target!.seq, id: target!.id, reason: 'rechained' });
  });

  it('names two records swapped in the sequence as a reordering', async () => {
    const { dir } = await loggedFolder();
    let second: Row | undefined;
    tamper(dir, (db) => {
      const all = rows(db);
      const a = all.find((r) => r.body === 'Décision de mobiliser')!;
      const b = all.find((r) => r.body === 'Communiqué validé')!;
      second = b;
      db.prepare('UPDATE crisis_log SET seq = -1 WHERE seq = ?').run(a.seq);
      db.prepare('UPDATE crisis_log SET seq = ? WHERE seq = ?').run(a.seq, b.seq);
      db.prepare('UPDATE crisis_log SET seq = ? WHERE seq = -1').run(b.seq);
    });
    const found = (await verify(dir)).firstBroken;
    expect(found).toMatchObject({ id: second!.id, reason: 'reordered' });
  });
});

describe('incident archive signature (issue #14, finding 4)', () => {
  async function exportArchive(dir: string, incidentId: string): Promise<string> {
    const c = core(dir);
    const job = await invoke(c, 'reports:startExport', { workspaceId: 'live', incidentId, kind: 'archive' });
    expect((await c.reports.jobs.settled(job.jobId)).state).toBe('done');
    const file = await invoke(c, 'reports:downloadExport', { jobId: job.jobId });
    return Buffer.from(file.contentBase64, 'base64').toString('utf8');
  }

  it('imports a genuine archive and refuses a forged one, naming why', async () => {
    const { dir, incidentId } = await loggedFolder();
    const genuine = await exportArchive(dir, incidentId);

    // Forged: one entry rewritten, the chain recomputed with the published format, the declared head updated.
    const forged = JSON.parse(genuine) as { logHeadHash: string | null; tables: { crisis_log: Row[] } };
    const log = forged.tables.crisis_log;
    const at = log.findIndex((r) => r.body === 'Communiqué validé');
    log[at]!.body = 'Communiqué jamais validé';
    for (let i = at; i < log.length; i++) {
      log[i]!.prev_hash = i === 0 ? '0'.repeat(64) : log[i - 1]!.hash;
      log[i]!.hash = sha256Link(log[i]!);
    }
    forged.logHeadHash = log.at(-1)!.hash;
    const refused = await core(tempDir()).dispatch('reports:importArchive', { workspaceId: 'live', content: JSON.stringify(forged) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'archive', message: 'signature_invalid' }] } });

    // The same forgery signed again by a key of the forger's own: the signature holds, the fingerprint does not.
    const expected = (await invoke(core(dir), 'security:signingKey', { workspaceId: 'live' })).fingerprint;
    const forger = signingKeyFor(randomBytes(32), 'live');
    const { signature: _dropped, ...unsigned } = forged as unknown as Record<string, unknown>;
    const resigned = { ...unsigned, signer: { algorithm: 'ed25519', publicKey: forger.publicKey, fingerprint: forger.fingerprint } };
    const resignedText = JSON.stringify({ ...resigned, signature: forger.sign(Buffer.from(JSON.stringify(resigned), 'utf8')) });
    const mismatch = await core(tempDir()).dispatch('reports:importArchive', { workspaceId: 'live', content: resignedText, expectedFingerprint: expected });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'archive', message: 'signer_mismatch' }] } });
    const stripped = await core(tempDir()).dispatch('reports:importArchive', { workspaceId: 'live', content: JSON.stringify(unsigned) });
    expect(stripped).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'archive', message: 'unsigned' }] } });

    const review = core(tempDir());
    const imported = await invoke(review, 'reports:importArchive', { workspaceId: 'live', content: genuine, expectedFingerprint: expected });
    expect(imported).toMatchObject({ incidentId, logRecords: log.length, signer: { fingerprint: expected } });
    expect((await invoke(review, 'crisisLog:verify', { workspaceId: 'live' })).ok).toBe(true);
  });
});
