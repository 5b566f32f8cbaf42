// Retention: a year of mentions pruned to six months keeps every rollup, the mentions of an incident's scope, of an
// alert's why-card, of the response queue and of the crisis log; the rest of the old mentions goes with its
// full-text entry, the run is written to the crisis log, and the log still verifies.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../../src/main/app/createCore';
import { DetectionRepository } from '../../../../../../src/main/features/detection/detectionRepository';
import { retentionHorizon } from '../../../../../../src/main/features/mentions/retention/retentionPruner';
import { openDatabase, type Db } from '../../../../../../src/main/platform/db/openDatabase';
import type { Explanation } from '../../../../../../src/shared/domain/detection';
import type { z } from 'zod';
import type { mentionInputSchema } from '../../../../../../src/shared/domain/mention';
import { useTempDirs } from '../../../../../support/tempDir';
import { invoke, makeTestCore, workspaceKey } from '../../../../../support/testCore';
import { join } from 'node:path';

const newDir = useTempDirs();
const WS = 'live';
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const lead = { author: 'Anne Roux', authorRole: 'crisisLead' };
const TOTAL = 3000;

let core: Core | undefined;
let raw: Db | undefined;
afterEach(() => {
  raw?.close();
  core?.close();
});

/** Mention i of the year: FR and EN in turn, one every ~3 hours from 365 days ago. */
function yearOfMentions(): z.input<typeof mentionInputSchema>[] {
  return Array.from({ length: TOTAL }, (_, i) => ({
    externalId: `m-${i}`,
    author: { handle: `@user${i % 40}`, displayName: `User ${i % 40}`, audience: (i % 7) * 100 },
    text: i % 2 ? `ACME panne du réseau numéro ${i}` : `ACME network outage number ${i}`,
    language: i % 2 ? 'fr' : 'en',
    publishedAt: new Date(NOW - 365 * DAY + Math.floor((i / TOTAL) * 365 * DAY)).toISOString(),
  }));
}

function explanation(at: string, sampleId: number, firstId: number): Explanation {
  const sample = (mentionId: number) => ({ mentionId, author: 'User', text: 'ACME', tone: null, publishedAt: at });
  return {
    at,
    windowMinutes: 60,
    mentions: 10,
    signals: [],
    topTerms: [],
    topAuthors: [],
    sources: [],
    languages: [],
    tone: { negative: 0, neutral: 0, positive: 0, unknown: 10 },
    samples: [sample(sampleId)],
    emerging: [{ term: 'panne', count: 3, expected: 0.5, firstMentions: [sample(firstId)] }],
  };
}

const dump = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all();

describe('retention pruning', () => {
  it('keeps evidence and every rollup, removes the rest of the old mentions and their index entries, and logs the run', async () => {
    let t = Date.parse('2026-03-10T09:00:00.000Z');
    const dir = newDir();
    const c = makeTestCore(dir, { clock: { now: () => new Date(t) } });
    core = c;
    const watch = await invoke(c, 'watches:create', { workspaceId: WS, watch: { name: 'ACME', keywords: ['ACME'] } });
    const source = await invoke(c, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Flux', config: {} } });
    c.ingest.ingestNow(WS, source.id, yearOfMentions());
    raw = openDatabase({ path: join(dir, 'workspaces', `${WS}.db`), key: workspaceKey(dir, WS) });
    const db = raw;
    const idOf = (i: number) => db.prepare('SELECT id FROM mentions WHERE external_id = ?').pluck().get(`m-${i}`) as number;
    const publishedOf = (i: number) => new Date(NOW - 365 * DAY + Math.floor((i / TOTAL) * 365 * DAY)).toISOString();

    // An incident of last March: its watch, from 9 to 12 March (closed on the 12th).
    const incident = await invoke(c, 'incidents:open', {
      workspaceId: WS,
      incident: { title: 'Panne', scenarioKind: 'cyberAttack', severity: 'high', actor: lead, scope: { watchIds: [watch.id], start: '2026-03-09T00:00:00Z' } },
    });
    t = Date.parse('2026-03-12T00:00:00.000Z');
    await invoke(c, 'incidents:setStatus', { workspaceId: WS, incidentId: incident.id, actor: lead, status: 'closed' });
    const inIncident = (db.prepare("SELECT id FROM mentions WHERE published_at >= '2026-03-09T00:00:00.000Z' AND published_at <= '2026-03-12T00:00:00.000Z'").pluck().all() as number[]);
    expect(inIncident.length).toBeGreaterThan(10);

    t = NOW;
    // An alert of April whose why-card names one sample and one first mention of an emerging term.
    const [sampleId, firstId, queuedId, loggedId] = [idOf(300), idOf(310), idOf(500), idOf(700)];
    new DetectionRepository(db).openAlert(watch.id, 'alert', publishedOf(310), explanation(publishedOf(310), sampleId, firstId));
    await invoke(c, 'composer:flagMention', { workspaceId: WS, mentionId: queuedId, person: 'Camille', reason: 'question' });
    // A mention named by the crisis log only (a response handled offline, its queue row then gone with the item).
    await invoke(c, 'composer:flagMention', { workspaceId: WS, mentionId: loggedId, person: 'Camille', reason: 'complaint' });
    await invoke(c, 'composer:closeResponse', { workspaceId: WS, mentionId: loggedId, state: 'offline', note: 'Rappelé par téléphone', person: 'Camille', incidentId: null });
    db.prepare('DELETE FROM response_items WHERE mention_id = ?').run(loggedId);

    const rollupTables = ['mention_rollups', 'mention_rollups_hourly', 'mention_rollup_parts', 'mention_rollup_parts_hourly', 'watch_term_hours'];
    const rollupsBefore = rollupTables.map((table) => dump(db, table));
    const horizon = retentionHorizon(new Date(NOW), 6);
    expect(horizon).toBe('2026-06-01T12:00:00.000Z');
    const recent = db.prepare('SELECT id FROM mentions WHERE published_at >= ? ORDER BY id').pluck().all(horizon) as number[];
    const evidence = new Set([...inIncident, sampleId, firstId, queuedId, loggedId]);

    // Off by default: nothing goes.
    expect(await c.pruner.run(WS)).toBeNull();
    await invoke(c, 'workspaces:updateSettings', { workspaceId: WS, settings: { retentionMonths: 6 } });
    const run = await c.pruner.run(WS);

    const left = db.prepare('SELECT id FROM mentions ORDER BY id').pluck().all() as number[];
    expect(left).toEqual([...new Set([...recent, ...evidence])].sort((a, b) => a - b));
    expect(run).toMatchObject({ horizon, kept: evidence.size, removed: TOTAL - left.length });
    expect(run!.batches).toBeGreaterThan(1);
    expect(rollupTables.map((table) => dump(db, table))).toEqual(rollupsBefore);
    // The external-content index holds exactly the rows left: SQLite's own check compares both.
    expect(() => db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(db.prepare('SELECT count(*) FROM mention_watches').pluck().get()).toBe(left.length);
    const search = async (query: string) => (await invoke(c, 'mentions:search', { workspaceId: WS, filter: { query } })).items.map((m) => m.id);
    expect(await search('"numero 101"')).toEqual([]);
    expect(await search('"number 700"')).toEqual([loggedId]);
    expect(await search('"numéro 2999"')).toEqual([idOf(2999)]);
    expect(await invoke(c, 'dashboard:series', { workspaceId: WS, watchId: watch.id, range: '30d' })).toBeTruthy();

    const log = await invoke(c, 'crisisLog:list', { workspaceId: WS, filter: { limit: 200 } });
    const entry = log.find((e) => e.systemCode === 'audit.retention.pruned');
    expect(entry?.data).toMatchObject({ removed: run!.removed, kept: evidence.size, months: 6, horizon: '2026-06-01' });
    expect(entry?.body).toContain(`${run!.removed}`);
    expect(await invoke(c, 'crisisLog:verify', { workspaceId: WS })).toMatchObject({ ok: true });

    // Editing the watch recounts its charts from the stored mentions, but never before the horizon: the months
    // pruned keep the counts of the mentions that are gone.
    const horizonMinute = Math.ceil(Date.parse(horizon) / 60_000);
    const before = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE watch_id = ? AND minute < ? ORDER BY minute`).all(watch.id, horizonMinute);
    const minutesBefore = [before('mention_rollups'), before('mention_rollup_parts')];
    await invoke(c, 'watches:update', { workspaceId: WS, id: watch.id, watch: { name: 'ACME', keywords: ['ACME', 'réseau'] } });
    await c.watches.settled();
    expect([before('mention_rollups'), before('mention_rollup_parts')]).toEqual(minutesBefore);
    expect(rollupTables.filter((table) => table.includes('hourly')).map((table) => dump(db, table))).toEqual(
      rollupsBefore.filter((_, k) => rollupTables[k]!.includes('hourly')),
    );

    // A second run finds nothing more and writes nothing.
    expect(await c.pruner.run(WS)).toMatchObject({ removed: 0, kept: evidence.size });
    const again = await invoke(c, 'crisisLog:list', { workspaceId: WS, filter: { limit: 200 } });
    expect(again.filter((e) => e.systemCode === 'audit.retention.pruned')).toHaveLength(1);
  }, 60_000);

  it('refuses a retention outside 0…120 months', async () => {
    core = makeTestCore(newDir());
    const refused = await core.dispatch('workspaces:updateSettings', { workspaceId: WS, settings: { retentionMonths: -1 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
