import { describe, expect, it } from 'vitest';
import type { StatementDetail } from '../../../../../src/shared/domain/statement';
import type { MentionEnricher } from '../../../../../src/main/features/mentions/enricher';
import { primaryLanguage } from '../../../../../src/main/features/mentions/enricher';
import { IngestService } from '../../../../../src/main/features/mentions/ingestService';
import { RollupRepository } from '../../../../../src/main/features/mentions';
import { ReportRepository } from '../../../../../src/main/features/reports/reportRepository';
import { analyseReactions } from '../../../../../src/main/features/reports/reactionAnalysis';
import { listenDb } from '../../../../support/listenDb';

const negativeWhenScandal: MentionEnricher = {
  enrich: ({ text, language }) => ({ language: primaryLanguage(language), toneClass: text.includes('scandale') ? 'negative' : 'neutral', toneScore: 0 }),
};

const published = (at: string) =>
  ({
    statement: { id: 'st1', title: 'Premier message', kind: 'holding' },
    outbox: [{ state: 'published', publishedAt: at, channel: 'mastodon' }],
  }) as unknown as StatementDetail;

async function setup() {
  const t = listenDb();
  const sourceId = t.addSource('rss', 'Le Temps');
  const watchId = t.addWatch('ACME', ['acme']);
  const ingest = new IngestService({ workspaces: t.lookup, enricher: negativeWhenScandal, clock: { now: () => new Date('2026-03-11T00:00:00Z') } });
  let n = 0;
  const at = (iso: string, text: string) => ({ externalId: `m${++n}`, author: { handle: '@r', kind: 'public' }, text: `ACME ${text}`, language: 'fr', publishedAt: iso });
  await ingest.ingest('live', sourceId, [
    // Last week's unrelated campaign, well before the incident: not a reaction to anything.
    at('2026-03-10T08:30:00Z', 'campagne'),
    at('2026-03-10T08:40:00Z', 'campagne'),
    at('2026-03-10T10:30:00Z', 'scandale fuite'),
    at('2026-03-10T11:30:00Z', 'scandale fuite'),
    at('2026-03-10T12:30:00Z', 'réponse lue'),
    at('2026-03-10T16:30:00Z', 'plus tard'),
  ]);
  return { watches: [{ id: watchId, name: 'ACME' }], repo: new ReportRepository(t.db), rollups: new RollupRepository(t.db) };
}

describe('analyseReactions', () => {
  it("cuts the hours before and after a statement at the incident's period", async () => {
    const { watches, repo, rollups } = await setup();
    const [reaction] = analyseReactions(repo, rollups, watches, [published('2026-03-10T12:00:00Z')], 6, {
      from: '2026-03-10T10:00:00.000Z',
      to: '2026-03-10T14:00:00.000Z',
    });
    const { before, after } = reaction!.watches[0]!;
    expect(before).toMatchObject({ from: '2026-03-10T10:00:00.000Z', to: '2026-03-10T12:00:00.000Z', mentions: 2, negative: 2 });
    expect(after).toMatchObject({ from: '2026-03-10T12:00:00.000Z', to: '2026-03-10T14:00:00.000Z', mentions: 1, negative: 0 });
  });

  it('keeps the whole window inside a long period', async () => {
    const { watches, repo, rollups } = await setup();
    const [reaction] = analyseReactions(repo, rollups, watches, [published('2026-03-10T12:00:00Z')], 6, {
      from: '2026-03-09T00:00:00.000Z',
      to: '2026-03-12T00:00:00.000Z',
    });
    expect(reaction!.watches[0]!.before).toMatchObject({ from: '2026-03-10T06:00:00.000Z', mentions: 4 });
    expect(reaction!.watches[0]!.after).toMatchObject({ to: '2026-03-10T18:00:00.000Z', mentions: 2 });
  });
});
