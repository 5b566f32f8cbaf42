// Flagging a whole stream search into the response queue: every match, server-side, with the reason and who
// flagged; a search past the limit is refused whole with a message that says how to narrow it.
import { describe, expect, it } from 'vitest';
import { BULK_FLAG_LIMIT } from '../../../../../src/shared/domain/responseQueue';
import { sampleMentions } from '../../../../support/importFixtures';
import { importThrough } from '../../../../support/importRun';
import { presetExport } from '../../../../support/presetExports';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };

describe('bulk flag of a search result', () => {
  it('flags every match with the reason and the flagger, keeps earlier flags, and refuses a search past the limit', async () => {
    const core = makeTestCore(tempDir(), { clock: { now: () => new Date('2026-11-21T10:00:00.000Z') } });
    const source = await invoke(core, 'sources:create', { ...ws, source: { kind: 'file', name: 'Mention export', config: {} } });
    // 1,010 rows: a quarter of them say "cœur du problème".
    const rows = sampleMentions(BULK_FLAG_LIMIT + 10, 'bulk-');
    const { report } = await importThrough(core, ws.workspaceId, source.id, 'mention.csv', presetExport('mention', 'en', rows).bytes);
    expect(report).toMatchObject({ state: 'done', inserted: rows.length, bad: 0 });

    const filter = { query: 'Élodie répond', sourceId: source.id };
    const counted = await invoke(core, 'mentions:count', { ...ws, filter });
    const expected = rows.filter((m) => m.text.includes('Élodie du service client répond')).length;
    expect(counted).toEqual({ count: expected, more: false });

    // One of them was already flagged by hand: it keeps its first reason and flagger.
    const queuedBefore = new Set((await invoke(core, 'composer:responses', { ...ws, limit: 500 })).items.map((i) => i.mentionId));
    const matches = await invoke(core, 'mentions:search', { ...ws, filter, limit: 500 });
    expect(matches.items).toHaveLength(expected);
    const first = matches.items.find((m) => !queuedBefore.has(m.id))!.id;
    await invoke(core, 'composer:flagMention', { ...ws, mentionId: first, person: 'Camille', reason: 'question' });
    const alreadyThere = matches.items.filter((m) => queuedBefore.has(m.id) || m.id === first).length;

    const result = await invoke(core, 'composer:flagSearch', { ...ws, filter, person: 'Nadia Benali', reason: 'complaint' });
    expect(result).toEqual({ matched: expected, flagged: expected - alreadyThere, alreadyQueued: alreadyThere });
    expect(result.flagged).toBeGreaterThan(200);

    const byPeople = await invoke(core, 'composer:responses', { ...ws, flaggedBy: 'people', limit: 500 });
    const bulk = byPeople.items.filter((i) => i.flaggedBy === 'Nadia Benali');
    expect(bulk).toHaveLength(result.flagged);
    expect(bulk.every((i) => i.reason === 'complaint' && i.state === 'open' && i.mention.text.includes('Élodie du service client'))).toBe(true);
    expect(byPeople.items.find((i) => i.mentionId === first)).toMatchObject({ flaggedBy: 'Camille', reason: 'question' });

    // Flagging the same search again adds nothing.
    expect(await invoke(core, 'composer:flagSearch', { ...ws, filter, person: 'Nadia Benali', reason: 'complaint' })).toEqual({
      matched: expected,
      flagged: 0,
      alreadyQueued: expected,
    });

    // The whole source is past the limit: refused, nothing flagged.
    const queued = (await invoke(core, 'composer:responseCounts', ws)).open;
    const all = { sourceId: source.id };
    expect(await invoke(core, 'mentions:count', { ...ws, filter: all })).toEqual({ count: rows.length, more: false });
    const refused = await core.dispatch('composer:flagSearch', { ...ws, filter: all, person: 'Nadia Benali', reason: 'manual' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', wording: { key: 'composer.failures.bulkFlagTooMany', values: { limit: BULK_FLAG_LIMIT } } } });
    expect(refused.ok ? '' : refused.error.message).toBe(
      'This search matches more than 1,000 mentions: narrow it (a watch, a period, a tone, more words) before flagging its results.',
    );
    expect((await invoke(core, 'composer:responseCounts', ws)).open).toBe(queued);
    core.close();
  });
});
