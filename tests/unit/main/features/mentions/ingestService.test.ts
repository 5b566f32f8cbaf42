import { describe, expect, it, vi } from 'vitest';
import { sourceLanguageEnricher, type MentionEnricher } from '../../../../../src/main/features/mentions/enricher';
import { IngestService } from '../../../../../src/main/features/mentions/ingestService';
import { translator } from '../../../../../src/main/platform/i18n/translator';
import { listenDb } from '../../../../support/listenDb';

const clock = { now: () => new Date('2026-03-10T12:00:30.000Z') };

const mention = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  author: { handle: '@alice', displayName: 'Alice', audience: 1200, kind: 'public' },
  text,
  publishedAt: '2026-03-10T11:59:10+00:00',
  ...extra,
});

function setup(enricher: MentionEnricher = sourceLanguageEnricher) {
  const t = listenDb();
  const sourceId = t.addSource('rss', 'Le Temps');
  const service = new IngestService({ workspaces: t.lookup, enricher, clock });
  return { ...t, sourceId, service };
}

describe('IngestService', () => {
  it('stores sanitised text, keeps the original, and dedupes on external id and canonical URL', async () => {
    const { db, sourceId, service } = setup();
    const first = await service.ingest('live', sourceId, [
      mention('1', '<p>Fuite de <b>données</b> chez ACME</p><script>alert(1)</script><p>Suite &amp; fin</p>', {
        url: 'https://www.google.com/url?rct=j&sa=t&url=https://news.example/article%3Futm_source%3Dx%26id%3D4&ct=ga',
        language: 'fr-CH',
      }),
      mention('2', 'Same article through another link', { url: 'https://NEWS.example/article?id=4#comments' }),
      mention('1', 'same external id again'),
    ]);
    expect(first).toMatchObject({ inserted: 1, duplicates: 2, rejected: 0 });
    const row = db.prepare('SELECT text, raw, url, canonical_url AS canonical, language, fetched_at AS fetched FROM mentions').get();
    expect(row).toEqual({
      text: 'Fuite de données chez ACME\nSuite & fin',
      raw: '<p>Fuite de <b>données</b> chez ACME</p><script>alert(1)</script><p>Suite &amp; fin</p>',
      url: 'https://news.example/article?utm_source=x&id=4',
      canonical: 'https://news.example/article?id=4',
      language: 'fr',
      fetched: '2026-03-10T12:00:30.000Z',
    });
    const again = await service.ingest('live', sourceId, [mention('1', 'x')]);
    expect(again).toMatchObject({ inserted: 0, duplicates: 1 });
  });

  it('rejects malformed items with a reason and keeps the good ones', async () => {
    const { sourceId, service } = setup();
    const result = await service.ingest('live', sourceId, [
      mention('ok', 'fine'),
      { externalId: '', text: 'no id', author: {}, publishedAt: '2026-03-10T11:00:00Z' },
      mention('bad-date', 'x', { publishedAt: 'yesterday' }),
      null,
      mention('empty', '<script>only script</script>'),
    ]);
    expect(result.inserted).toBe(1);
    expect(result.rejections.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(result.rejections[1]?.reason).toMatch(/publishedAt/);
  });

  it('names each refusal by its catalogue sentence and field, so a screen words it in its reader’s language', async () => {
    const { sourceId, service } = setup();
    const result = await service.ingest('live', sourceId, [
      mention('bad-date', 'x', { publishedAt: 'yesterday' }),
      mention('long', 'x', { author: { displayName: 'x'.repeat(600) } }),
      mention('empty', '<script>only script</script>'),
      null,
    ]);
    const worded = (language: 'fr' | 'en') => result.rejections.map((r) => [r.field, translator(language)(r.wording.key, r.wording.values ?? {})]);
    expect(worded('fr')).toEqual([
      ['publishedAt', 'Date et heure non valides.'],
      ['author.displayName', '512 caractères au plus.'],
      [undefined, 'plus aucun texte une fois le balisage retiré'],
      [undefined, 'Un enregistrement est attendu.'],
    ]);
    expect(worded('en')[2]).toEqual([undefined, 'no text left after removing markup']);
    // The English reason beside the key is the catalogue's too, for logs.
    expect(result.rejections[0]?.reason).toBe('publishedAt: Not a valid date and time.');
  });

  it('matches watches accent- and case-insensitively, honours exclusions, languages and sources', async () => {
    const t = setup();
    const other = t.addSource('rss', 'Other');
    const brand = t.addWatch('ACME', ['acme', 'fuite de données'], { exclusions: ['acme corp usa'] });
    const frOnly = t.addWatch('FR', ['Acmé'], { languages: ['fr'] });
    const fromOther = t.addWatch('Other feed', [], { sourceIds: [other] });
    t.service.watchesChanged('live');
    await t.service.ingest('live', t.sourceId, [
      mention('a', 'Une FUITE DE DONNEES massive', { language: 'fr' }),
      mention('b', 'acme corp usa is unrelated', { language: 'en' }),
      mention('c', 'ACME! in english', { language: 'en' }),
      mention('d', 'acmeology is a word'),
    ]);
    await t.service.ingest('live', other, [mention('e', 'anything at all')]);
    const links = t.db.prepare('SELECT m.external_id AS ext, mw.watch_id AS w FROM mention_watches mw JOIN mentions m ON m.id = mw.mention_id ORDER BY ext, w').all();
    expect(links).toEqual([
      { ext: 'a', w: brand },
      { ext: 'c', w: brand },
      { ext: 'e', w: fromOther },
    ]);
    expect(frOnly).toBeGreaterThan(0);
  });

  it('maintains FTS and per-minute rollups in the same transaction', async () => {
    const tone: MentionEnricher = { enrich: ({ text }) => ({ language: 'fr', toneClass: text.includes('scandale') ? 'negative' : 'neutral', toneScore: 0 }) };
    const t = setup(tone);
    const w = t.addWatch('ACME', ['acme']);
    t.service.watchesChanged('live');
    await t.service.ingest('live', t.sourceId, [
      mention('1', 'ACME scandale'),
      mention('2', 'ACME fuite de données', { author: { audience: 50_000, kind: 'journalist' } }),
      mention('3', 'ACME next minute', { publishedAt: '2026-03-10T12:00:01Z' }),
    ]);
    const minute = Math.floor(Date.parse('2026-03-10T11:59:00Z') / 60_000);
    expect(t.db.prepare('SELECT minute, count, negative, neutral, positive, audience FROM mention_rollups WHERE watch_id = ? ORDER BY minute').all(w)).toEqual([
      { minute, count: 2, negative: 1, neutral: 1, positive: 0, audience: 51_200 },
      { minute: minute + 1, count: 1, negative: 0, neutral: 1, positive: 0, audience: 1200 },
    ]);
    expect(t.db.prepare("SELECT dimension, value, count FROM mention_rollup_parts WHERE minute = ? ORDER BY dimension").all(minute)).toEqual([
      { dimension: 'lang', value: 'fr', count: 2 },
      { dimension: 'source', value: String(t.sourceId), count: 2 },
    ]);
    expect(t.db.prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'fuite de donnees'").all()).toEqual([{ rowid: 2 }]);
  });

  it('tells committed-batch listeners after the commit, and survives a failing listener', async () => {
    const t = setup();
    const seen: number[][] = [];
    const onError = vi.fn();
    const service = new IngestService({ workspaces: t.lookup, enricher: sourceLanguageEnricher, clock, onListenerError: onError });
    service.onCommitted(() => {
      throw new Error('listener bug');
    });
    service.onCommitted((batch) => seen.push([...batch.mentionIds, t.db.prepare('SELECT count(*) AS n FROM mentions').pluck().get() as number]));
    await service.ingest('live', t.sourceId, [mention('1', 'a'), mention('2', 'b')]);
    await service.ingest('live', t.sourceId, [mention('1', 'a')]);
    expect(seen).toEqual([[1, 2, 2]]);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('refuses an unknown source', async () => {
    const { service } = setup();
    await expect(service.ingest('live', 999, [])).rejects.toThrow(/No source 999/);
  });
});
