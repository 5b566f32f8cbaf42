// A week of an agency's Brandwatch export, generated from a seed, imported through the contract as the wizard does:
// dates read in the zone chosen (not this computer's), rows counted per watch, the rows no watch took listed, the
// agency's columns mapped, and hostile rows refused one by one without losing the others.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { AGENCY_WATCHES, agencyExport } from '../../../../support/agencyExport';
import { importFinished, uploadFile } from '../../../../support/importRun';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };

async function setUp() {
  const core = makeTestCore(tempDir(), { clock: { now: () => new Date('2026-12-07T08:00:00.000Z') } });
  const brand = await invoke(core, 'watches:create', { ...ws, watch: AGENCY_WATCHES.brand });
  const leak = await invoke(core, 'watches:create', { ...ws, watch: AGENCY_WATCHES.leak });
  const source = await invoke(core, 'sources:create', { ...ws, source: { kind: 'file', name: 'Agence Lémanique — Brandwatch', config: {} } });
  return { core, brand, leak, source };
}

const upload = (core: Core, name: string, text: string): Promise<string> => uploadFile(core, name, Buffer.from(text, 'utf8'));
const finished = importFinished;

describe('importing a generated agency export', () => {
  it('is the same file for the same seed and size, and another for another seed', () => {
    expect(agencyExport({ rows: 400, seed: 7 }).csv).toBe(agencyExport({ rows: 400, seed: 7 }).csv);
    expect(agencyExport({ rows: 400, seed: 8 }).csv).not.toBe(agencyExport({ rows: 400, seed: 7 }).csv);
    expect(agencyExport({ rows: 400 }).rows).toHaveLength(400);
  });

  it('reads the Zurich wall-clock dates as Zurich time, counts rows per watch and lists those no watch took', async () => {
    const file = agencyExport({ rows: 1200, timeZone: 'Europe/Zurich', hostileRows: 3 });
    const { core, brand, leak, source } = await setUp();
    const uploadId = await upload(core, 'helvetia-semaine-13.csv', file.csv);
    const preview = await invoke(core, 'imports:preview', { uploadId });
    expect(preview.preset).toBe('brandwatch');
    expect(preview.zoneLessColumns).toContain('Date');
    expect(preview.mapping).toMatchObject({
      publishedAt: 'Date',
      text: 'Full Text',
      sentiment: 'Sentiment',
      accountType: 'Account Type',
      verified: 'Twitter Verified',
      hashtags: 'Hashtags',
      audience: 'Twitter Followers',
    });

    const started = await invoke(core, 'imports:run', { ...ws, uploadId, sourceId: source.id, mapping: preview.mapping, timeZone: 'Europe/Zurich' });
    const report = await finished(core, started.runId);

    expect(report).toMatchObject({ state: 'done', total: 1203, inserted: 1200, duplicates: 0, bad: 3, timeZone: 'Europe/Zurich', zoneLessRows: 1200 });
    expect(report.problems).toEqual([
      { line: file.hostileLines.badDate[0], code: 'badDate', detail: '31/02/2026 25:61' },
      { line: file.hostileLines.absurdReach[0], code: 'badCount', detail: '99999999999999' },
      { line: file.hostileLines.noText[0], code: 'noText' },
    ]);
    const expected = (kinds: string[]) => file.rows.filter((r) => kinds.includes(r.kind)).length;
    expect(report.watchMatches).toEqual([
      { watchId: brand.id, rows: expected(['chatter', 'campaign', 'crisis', 'journalist']) },
      { watchId: leak.id, rows: expected(['crisis', 'journalist']) },
    ]);
    expect(report.unmatched).toBe(expected(['offTopic']));
    expect(report.unmatchedRows).toHaveLength(Math.min(report.unmatched, 200));
    const offTopicLines = new Set(file.rows.filter((r) => r.kind === 'offTopic').map((r) => file.lineOf.get(r.id)));
    expect(report.unmatchedRows.every((row) => offTopicLines.has(row.line))).toBe(true);
    expect(report.period).toEqual({ from: file.rows[0]!.publishedAt.toISOString(), to: file.rows.at(-1)!.publishedAt.toISOString() });
    expect(report.sentiment.compared).toBe(1200);
    expect(report.sentiment.agreed).toBeGreaterThan(0);
    expect(report.sentiment.agreed).toBeLessThan(1200);

    // The journalist's post, written "2026-03-28 10:00:00" in Zurich (UTC+1 that day), is stored at 09:00 UTC.
    expect(file.journalist.wallClock).toBe('2026-03-28 10:00:00');
    const found = await invoke(core, 'mentions:search', { ...ws, filter: { query: 'Exclusif', watchId: leak.id }, limit: 5 });
    expect(found.items).toHaveLength(1);
    const journalist = found.items[0]!;
    expect(journalist.publishedAt).toBe('2026-03-28T09:00:00.000Z');
    expect(journalist.publishedAt).toBe(file.journalist.publishedAt.toISOString());
    expect(new Date(journalist.publishedAt).getTime() - file.crisisStart.getTime()).toBe(20 * 60_000);
    expect(journalist.author).toEqual({ handle: '@claire_mercier_rts', displayName: 'Claire Mercier', audience: 250_000, kind: 'journalist', verified: true });
    expect(journalist.hashtags).toEqual(['#HelvetiaLeak']);
    expect(journalist.agencyTone).toBe('negative');
    expect(journalist.sourceLabel).toBe('Agence Lémanique — Brandwatch');
    expect(journalist.watchIds.sort()).toEqual([brand.id, leak.id].sort());
    core.close();
  });

  it('stores a zone-less UTC export at the same instants once UTC is chosen, whatever this computer says', async () => {
    const file = agencyExport({ rows: 300, timeZone: 'UTC', seed: 3 });
    const { core, source } = await setUp();
    const uploadId = await upload(core, 'utc.csv', file.csv);
    const preview = await invoke(core, 'imports:preview', { uploadId });
    const started = await invoke(core, 'imports:run', { ...ws, uploadId, sourceId: source.id, mapping: preview.mapping, timeZone: 'UTC' });
    const report = await finished(core, started.runId);
    expect(report).toMatchObject({ state: 'done', inserted: 300, timeZone: 'UTC' });
    expect(report.period).toEqual({ from: file.rows[0]!.publishedAt.toISOString(), to: file.rows.at(-1)!.publishedAt.toISOString() });
    const found = await invoke(core, 'mentions:search', { ...ws, filter: { query: 'Exclusif' }, limit: 5 });
    expect(found.items[0]!.publishedAt).toBe(file.journalist.publishedAt.toISOString());
    expect(`${found.items[0]!.publishedAt.slice(0, 10)} ${found.items[0]!.publishedAt.slice(11, 19)}`).toBe(file.journalist.wallClock);
    core.close();
  });

  it('tells its story to the backtest: the campaign stays below alert, the leak opens one within minutes', async () => {
    const file = agencyExport({ rows: 3000 });
    const { core, brand, source } = await setUp();
    const uploadId = await upload(core, 'semaine.csv', file.csv);
    const preview = await invoke(core, 'imports:preview', { uploadId });
    const started = await invoke(core, 'imports:run', { ...ws, uploadId, sourceId: source.id, mapping: preview.mapping, timeZone: file.timeZone });
    expect(await finished(core, started.runId)).toMatchObject({ state: 'done', inserted: 3000 });
    const backtest = await invoke(core, 'detection:backtest', { ...ws, watchId: brand.id, from: file.weekStart.toISOString(), to: file.weekEnd.toISOString() });
    const campaignDay = [file.campaignStart.getTime(), file.campaignStart.getTime() + 12 * 3_600_000];
    const onCampaignDay = backtest.episodes.filter((e) => Date.parse(e.startedAt) >= campaignDay[0]! && Date.parse(e.startedAt) < campaignDay[1]!);
    expect(onCampaignDay.length).toBeGreaterThan(0);
    expect(onCampaignDay.every((e) => e.peakLevel === 'vigilance' && !e.alerted)).toBe(true);
    const first = backtest.alerts[0]!;
    expect(Date.parse(first.openedAt) - file.crisisStart.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(first.openedAt) - file.crisisStart.getTime()).toBeLessThan(30 * 60_000);
    // The journalist posts after the opening, so only an explanation that keeps up can name her.
    expect(file.journalist.publishedAt.getTime()).toBeGreaterThan(Date.parse(first.openedAt));
    core.close();
  }, 120_000);

  it('pages through every row no watch took, not only the first 200 the summary carries', async () => {
    const { core, source } = await setUp();
    const lines = ['id,date,text'];
    for (let i = 0; i < 460; i++) {
      const text = i % 46 === 0 ? `Helvetia ouvre une agence ${i}` : `Recette de fondue moitié-moitié numéro ${i}`;
      lines.push(`r${i},2026-03-0${1 + (i % 9)}T10:${String(i % 60).padStart(2, '0')}:00Z,${text}`);
    }
    const uploadId = await upload(core, 'hors-sujet.csv', lines.join('\n'));
    const mapping = { externalId: 'id', publishedAt: 'date', text: 'text' };
    const started = await invoke(core, 'imports:run', { ...ws, uploadId, sourceId: source.id, mapping, timeZone: 'UTC' });
    const report = await finished(core, started.runId);
    expect(report.unmatched).toBe(450);
    expect(report.unmatchedRows).toHaveLength(200);

    const pages: number[][] = [];
    let afterLine = 0;
    for (;;) {
      const page = await invoke(core, 'imports:unmatched', { runId: started.runId, afterLine, limit: 120 });
      pages.push(page.rows.map((r) => r.line));
      expect(page.rows.every((r) => r.excerpt.startsWith('Recette de fondue'))).toBe(true);
      if (page.nextAfterLine === null) break;
      afterLine = page.nextAfterLine;
    }
    expect(pages.map((p) => p.length)).toEqual([120, 120, 120, 90]);
    const all = pages.flat();
    // Line 1 is the header: data row i is on line i + 2.
    const expected = Array.from({ length: 460 }, (_, i) => i).filter((i) => i % 46 !== 0).map((i) => i + 2);
    expect(all).toEqual(expected);
    expect((await invoke(core, 'imports:unmatched', { runId: started.runId, afterLine: all.at(-1)! })).rows).toEqual([]);
    expect(await core.dispatch('imports:unmatched', { runId: started.runId, limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('imports:unmatched', { runId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.close();
  });

  it('refuses a zone it does not know before reading anything', async () => {
    const { core, source } = await setUp();
    const uploadId = await upload(core, 'x.csv', agencyExport({ rows: 20 }).csv);
    const preview = await invoke(core, 'imports:preview', { uploadId });
    const result = await core.dispatch('imports:run', { ...ws, uploadId, sourceId: source.id, mapping: preview.mapping, timeZone: 'Europe/Atlantis' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect((await invoke(core, 'mentions:search', { ...ws, filter: {}, limit: 5 })).items).toHaveLength(0);
    core.close();
  });
});
