// Publishing exactly once when the laptop that won the publish claim dies for good: A claims and is SIGKILLed before
// its outbox posts; B presses publish too, and once A's claim has gone a lease without a published result, B takes
// over and posts to the loopback Mastodon. Meanwhile C shows A publishing, then B, then the post's URL. A started
// again also publishes its claim: the shared idempotency key keeps it to one status on the server.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT } from '../../../../support/composerCore';
import { bundleCellChild, cellOf, joinThree, Laptop, until } from '../../../../support/cellLaptop';
import { startFakeMastodon, type FakeMastodon } from '../../../../support/fakeMastodonPublish';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const SCENARIO_MS = 180_000;
const LEASE_MS = 8_000;

let a: Laptop;
let b: Laptop;
let c: Laptop;
let mastodon: FakeMastodon;
const lease = process.env.TOCSIN_CLAIM_LEASE_MS;

beforeAll(async () => {
  process.env.TOCSIN_CLAIM_LEASE_MS = String(LEASE_MS);
  const bundle = bundleCellChild(join(tempDir(), 'cellChild.cjs'));
  mastodon = await startFakeMastodon();
  [a, b, c] = [new Laptop(bundle, tempDir()), new Laptop(bundle, tempDir()), new Laptop(bundle, tempDir())];
  await Promise.all([a.ready, b.ready, c.ready]);
  await joinThree([a, b, c]);
  for (const laptop of [a, b, c]) {
    await laptop.call('composer:setAccount', { ...ws, account: { channel: 'mastodon', config: { instanceUrl: mastodon.url, accessToken: mastodon.token } } });
  }
}, SCENARIO_MS);

afterAll(async () => {
  if (lease === undefined) delete process.env.TOCSIN_CLAIM_LEASE_MS;
  else process.env.TOCSIN_CLAIM_LEASE_MS = lease;
  [a, b, c].forEach((laptop) => laptop?.kill());
  await mastodon?.close();
});

const detail = (laptop: Laptop, statementId: string) => laptop.call('composer:get', { ...ws, statementId }).catch(() => null);
const outboxOf = async (laptop: Laptop, statementId: string) => (await laptop.call('composer:outbox', ws)).filter((o) => o.statementId === statementId);

describe('a publish claim whose laptop died', () => {
  it(
    'is taken over by the next laptop in line after the lease, and the server gets one status when the first comes back',
    async () => {
      const made = await a.call('composer:create', {
        ...ws,
        statement: { incidentId: INCIDENT, kind: 'holding', author: 'Alice', title: 'Paiements', textFr: 'Le paiement par carte est interrompu (relève).', textEn: '', channels: ['mastodon'] },
      });
      const id = made.statement.id;
      const onB = await until(() => detail(b, id), (d) => d !== null);
      await b.call('composer:approve', { ...ws, statementId: id, approver: { person: 'Bob', role: 'crisisLead' }, contentHash: onB!.statement.contentHash });
      await c.call('composer:approve', { ...ws, statementId: id, approver: { person: 'Carol', role: 'legal' }, contentHash: onB!.statement.contentHash });
      await until(() => Promise.all([a, b, c].map((l) => detail(l, id))), (all) => all.every((d) => d?.statement.approvalState === 'approved'));
      const alice = (await cellOf(a)).deviceId;

      await a.call('composer:queue', { ...ws, statementId: id, person: 'Alice' });
      const seen = await until(() => detail(c, id), (d) => d?.cellPublishing?.pending?.deviceId === alice);
      a.kill();
      expect(seen!.cellPublishing!.pending!.memberName).toBe('Alice');
      const claimedAt = Date.parse(seen!.cellPublishing!.pending!.since);

      await b.call('composer:queue', { ...ws, statementId: id, person: 'Bob' });
      const published = await until(() => outboxOf(b, id), (rows) => rows.some((r) => r.state === 'published'), 60_000);
      expect(Date.parse(published[0]!.publishedAt!)).toBeGreaterThanOrEqual(claimedAt + LEASE_MS);
      expect(mastodon.statuses.filter((s) => s.text.includes('relève'))).toHaveLength(1);

      const onC = await until(() => detail(c, id), (d) => (d?.cellPublishing?.posts.length ?? 0) > 0);
      expect(onC!.cellPublishing).toEqual({ pending: null, posts: [expect.objectContaining({ channel: 'mastodon', url: published[0]!.url, memberName: 'Bob' })] });

      a = a.restarted();
      await a.ready;
      const again = await until(() => outboxOf(a, id), (rows) => rows.some((r) => r.state === 'published'), 60_000);
      expect(again[0]!.url).toBe(published[0]!.url);
      expect(mastodon.statuses.filter((s) => s.text.includes('relève'))).toHaveLength(1);
    },
    SCENARIO_MS,
  );
});
