// A search returns the newest matches first, keyset-paged, whether its word is common (the page walks the time
// index) or rare (each match is looked up): the same mentions in the same order either way.
import { describe, expect, it } from 'vitest';
import { sourceLanguageEnricher } from '../../../../../src/main/features/mentions/enricher';
import { IngestService } from '../../../../../src/main/features/mentions/ingestService';
import { mentionFtsQuery } from '../../../../../src/main/features/mentions/mentionFtsQuery';
import { MentionReadRepository } from '../../../../../src/main/features/mentions/mentionReadRepository';
import { listenDb } from '../../../../support/listenDb';

describe('full-text search order', () => {
  it('pages a 2,600-match word and a 3-match word newest first, publication times out of insertion order', () => {
    const t = listenDb();
    const source = t.addSource('webhook', 'Flux');
    const ingest = new IngestService({ workspaces: t.lookup, enricher: sourceLanguageEnricher, clock: { now: () => new Date('2026-03-10T00:00:00Z') } });
    // Publication times shuffled against ids, so an order by id would fail.
    const at = (i: number) => new Date(Date.UTC(2026, 2, 1) + ((i * 7919) % 3000) * 60_000).toISOString();
    ingest.ingestNow(
      'live',
      source,
      Array.from({ length: 3000 }, (_, i) => ({
        externalId: `m-${i}`,
        text: i % 1000 === 7 ? `Rappel exceptionnel numéro ${i}` : i < 2600 ? `Remboursement demandé ${i}` : `Autre sujet ${i}`,
        language: 'fr',
        publishedAt: at(i),
      })),
    );
    const repo = new MentionReadRepository(t.db);
    const walk = (word: string) => {
      const seen: { id: number; publishedAt: string }[] = [];
      let before: { publishedAt: string; id: number } | undefined;
      for (;;) {
        const page = repo.search({}, mentionFtsQuery(word), 500, before);
        seen.push(...page.map((m) => ({ id: m.id, publishedAt: m.publishedAt })));
        const last = page.at(-1);
        if (page.length < 500 || !last) return seen;
        before = { publishedAt: last.publishedAt, id: last.id };
      }
    };
    const expected = (pred: (text: string) => boolean) =>
      (t.db.prepare('SELECT id, text, published_at AS publishedAt FROM mentions').all() as { id: number; text: string; publishedAt: string }[])
        .filter((m) => pred(m.text))
        .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)
        .map(({ id, publishedAt }) => ({ id, publishedAt: new Date(publishedAt).toISOString() }));
    const norm = (rows: { id: number; publishedAt: string }[]) => rows.map((r) => ({ id: r.id, publishedAt: new Date(r.publishedAt).toISOString() }));
    expect(norm(walk('remboursement'))).toEqual(expected((text) => text.startsWith('Remboursement')));
    expect(norm(walk('rappel exceptionnel'))).toEqual(expected((text) => text.startsWith('Rappel')));
    t.db.close();
  });
});
