// Statements across the cell: three laptops (core processes, own data folders, loopback 127.0.0.1–3) in one cell.
// A statement drafted on A is edited on B and C on both sides of a partition and both edits are kept; approvals
// given on B and C count on A, and an edit makes them stale everywhere; an approval forged into the statement's
// document is kept as not genuine and completes nothing; B and C pressing publish at once give one status on the
// loopback Mastodon, and so do B and C pressing publish while cut off from each other.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { join } from 'node:path';
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { SqliteStorageAdapter } from '../../../../../src/main/platform/sync/sqliteStorageAdapter';
import { signDecision, type StatementDocument } from '../../../../../src/main/features/composer/sharedStatements/statementDocument';
import type { StatementDetail } from '../../../../../src/shared/domain/statement';
import { INCIDENT } from '../../../../support/composerCore';
import { bundleCellChild, cellOf, joinThree, Laptop, until } from '../../../../support/cellLaptop';
import { startFakeMastodon, type FakeMastodon } from '../../../../support/fakeMastodonPublish';
import { useTempDirs } from '../../../../support/tempDir';
import { workspaceKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 180_000;

let a: Laptop;
let b: Laptop;
let c: Laptop;
let bundle = '';
let mastodon: FakeMastodon;

beforeAll(async () => {
  bundle = bundleCellChild(join(tempDir(), 'cellChild.cjs'));
  mastodon = await startFakeMastodon();
  [a, b, c] = [new Laptop(bundle, tempDir()), new Laptop(bundle, tempDir()), new Laptop(bundle, tempDir())];
  await Promise.all([a.ready, b.ready, c.ready]);
  await joinThree([a, b, c]);
  for (const laptop of [a, b, c]) {
    await laptop.call('composer:setAccount', { ...ws, account: { channel: 'mastodon', config: { instanceUrl: mastodon.url, accessToken: mastodon.token } } });
  }
}, SCENARIO_MS);

afterAll(async () => {
  [a, b, c].forEach((laptop) => laptop?.kill());
  await mastodon?.close();
});

const detail = (laptop: Laptop, statementId: string) => laptop.call('composer:get', { ...ws, statementId }).catch(() => null);
const shared = (d: StatementDetail | null) => d && { textFr: d.statement.textFr, textEn: d.statement.textEn, hash: d.statement.contentHash, state: d.statement.approvalState };
const same = (all: (StatementDetail | null)[]) => all.every((d) => d !== null && JSON.stringify(shared(d)) === JSON.stringify(shared(all[0]!)));
const approve = (laptop: Laptop, d: StatementDetail, person: string, role: string) =>
  laptop.call('composer:approve', { ...ws, statementId: d.statement.id, approver: { person, role }, contentHash: d.statement.contentHash });
const edit = async (laptop: Laptop, statementId: string, change: (text: string) => string, author: string) => {
  const current = (await detail(laptop, statementId))!;
  return laptop.call('composer:update', { ...ws, statementId, expectedRevision: current.statement.revision, patch: { textFr: change(current.statement.textFr) }, author });
};
const outboxOf = async (laptop: Laptop, statementId: string) => (await laptop.call('composer:outbox', ws)).filter((o) => o.statementId === statementId);

async function draft(title: string, textFr: string, textEn: string): Promise<string> {
  const made = await a.call('composer:create', { ...ws, statement: { incidentId: INCIDENT, kind: 'holding', author: 'Alice', title, textFr, textEn, channels: ['mastodon'] } });
  await until(() => Promise.all([a, b, c].map((l) => detail(l, made.statement.id))), same);
  return made.statement.id;
}

describe('statements across the cell', () => {
  let statementId = '';

  it(
    'merges edits made on B and C on both sides of a partition into the draft A wrote',
    async () => {
      statementId = await draft('Paiements', 'Le paiement par carte est interrompu.', '');
      await b.call('cell:stop', ws);
      await until(() => cellOf(a), (s) => !s.members.some((m) => m.name === 'Bob' && m.online));
      await edit(b, statementId, (t) => `${t} Nos équipes sont mobilisées.`, 'Bob');
      await edit(c, statementId, (t) => `Depuis 9 h 40, l${t.slice(1)}`, 'Carol');
      await b.call('cell:start', { ...ws, host: '127.0.0.2' });
      const all = await until(() => Promise.all([a, b, c].map((l) => detail(l, statementId))), (d) => same(d) && d[0]!.statement.textFr.includes('mobilisées') && d[0]!.statement.textFr.startsWith('Depuis'));
      expect(all[0]!.statement.textFr).toBe('Depuis 9 h 40, le paiement par carte est interrompu. Nos équipes sont mobilisées.');
    },
    SCENARIO_MS,
  );

  it(
    'counts on A the approvals given on B and C, makes them stale on an edit, and keeps a forged one as not genuine',
    async () => {
      const onB = (await detail(b, statementId))!;
      await approve(b, onB, 'Bob', 'crisisLead');
      await approve(c, (await detail(c, statementId))!, 'Carol', 'legal');
      const approved = await until(() => detail(a, statementId), (d) => d?.statement.approvalState === 'approved');
      const bob = (await cellOf(b)).deviceId;
      const carol = (await cellOf(c)).deviceId;
      expect(approved!.decisions.map((d) => [d.person, d.deviceId, d.genuine, d.current])).toEqual([
        ['Bob', bob, true, true],
        ['Carol', carol, true, true],
      ]);

      const edited = await edit(a, statementId, (t) => `${t} Prochain point à 14 h.`, 'Alice');
      expect(edited.statement.approvalState).toBe('draft');
      for (const laptop of [b, c]) {
        const stale = await until(() => detail(laptop, statementId), (d) => d?.statement.contentHash === edited.statement.contentHash);
        expect(stale!.statement.approvalState).toBe('draft');
        expect(stale!.decisions.map((d) => d.current)).toEqual([false, false]);
      }

      // The new text: Bob approves it on B; a "legal" approval in Carol's name is forged into the document.
      await approve(b, edited, 'Bob', 'crisisLead');
      await until(() => detail(c, statementId), (d) => d?.statement.approvedRoles.includes('crisisLead') === true);
      await c.close();
      await forgeApproval(c.dataDir, statementId, carol, edited);
      c = new Laptop(bundle, c.dataDir);
      await c.ready;
      const forgedSeen = await until(() => detail(a, statementId), (d) => d?.decisions.some((x) => !x.genuine) === true);
      expect(forgedSeen!.decisions.filter((d) => !d.genuine)).toEqual([expect.objectContaining({ person: 'Mallory', role: 'legal', deviceId: carol, current: true })]);
      expect(forgedSeen!.statement.approvalState).toBe('partially_approved');
      expect((await detail(c, statementId))!.statement.approvalState).toBe('partially_approved');
      await expect(a.call('composer:queue', { ...ws, statementId, person: 'Alice' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

      await approve(c, (await detail(c, statementId))!, 'Carol', 'legal');
      await until(() => Promise.all([a, b, c].map((l) => detail(l, statementId))), (all) => same(all) && all[0]!.statement.approvalState === 'approved');
    },
    SCENARIO_MS,
  );

  it(
    'publishes once when B and C press publish at the same moment',
    async () => {
      const before = mastodon.statuses.length;
      await Promise.all([b, c].map((laptop, i) => laptop.call('composer:queue', { ...ws, statementId, person: ['Bob', 'Carol'][i]! })));
      await until(async () => [...(await outboxOf(b, statementId)), ...(await outboxOf(c, statementId))], (rows) => rows.some((r) => r.state === 'published'));
      // Long enough for a second laptop's claim to have turned into a post, had it won too.
      await new Promise((r) => setTimeout(r, 4_000));
      const rows = [...(await outboxOf(b, statementId)), ...(await outboxOf(c, statementId))];
      expect(rows.map((r) => r.state)).toEqual(['published']);
      expect(mastodon.statuses.length - before).toBe(1);
      expect(mastodon.statuses.at(-1)!.text).toContain('Prochain point à 14 h.');
    },
    SCENARIO_MS,
  );

  it(
    'publishes once when B and C press publish while cut off from each other',
    async () => {
      const id = await draft('Rétablissement', 'Le paiement par carte est rétabli.', '');
      const text = (await detail(b, id))!;
      await approve(b, text, 'Bob', 'crisisLead');
      await approve(c, text, 'Carol', 'legal');
      await until(() => Promise.all([b, c].map((l) => detail(l, id))), (all) => all.every((d) => d?.statement.approvalState === 'approved'));
      await b.call('cell:stop', ws);
      await c.call('cell:stop', ws);
      const before = mastodon.statuses.length;
      await Promise.all([b, c].map((laptop, i) => laptop.call('composer:queue', { ...ws, statementId: id, person: ['Bob', 'Carol'][i]! })));
      // Each laptop, alone, picks its own claim: both publish, with the same idempotency key.
      const rows = await until(
        async () => [...(await outboxOf(b, id)), ...(await outboxOf(c, id))],
        (all) => all.length === 2 && all.every((r) => r.state === 'published'),
      );
      expect(rows[0]!.url).toBe(rows[1]!.url);
      expect(mastodon.statuses.length - before).toBe(1);
    },
    SCENARIO_MS,
  );
});

/** Writes into the statement's document, as a program holding C's database key would, an approval signed by a key of its own. */
async function forgeApproval(dataDir: string, statementId: string, deviceId: string, d: StatementDetail): Promise<void> {
  const db = openDatabase({ path: join(dataDir, 'workspaces', 'live.db'), key: workspaceKey(dataDir, 'live') });
  const repo = new Repo({ storage: new SqliteStorageAdapter(() => db), network: [] });
  try {
    const { document } = db.prepare('SELECT document FROM shared_statements WHERE statement_id = ?').get(statementId) as { document: string };
    const handle = await repo.find<StatementDocument>(document as AutomergeUrl);
    const { privateKey } = generateKeyPairSync('ed25519');
    const s = d.statement;
    const snapshot = JSON.stringify({ title: s.title, textFr: s.textFr, textEn: s.textEn, channels: s.channels, variants: s.variants });
    const forged = signDecision(
      statementId,
      { id: randomUUID(), device: deviceId, decision: 'approved', person: 'Mallory', role: 'legal', reason: null, contentHash: s.contentHash, snapshot, at: new Date().toISOString() },
      (data) => sign(null, data, privateKey),
    );
    handle.change((doc) => {
      doc.decisions[forged.id] = forged;
    });
    await repo.flush();
  } finally {
    await repo.shutdown();
    db.close();
  }
}
