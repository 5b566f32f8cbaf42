import { describe, expect, it } from 'vitest';
import { sourceLanguageEnricher } from '../../../../../src/main/features/mentions/enricher';
import { IngestService } from '../../../../../src/main/features/mentions/ingestService';
import { ImportService } from '../../../../../src/main/features/imports/importService';
import { UploadStaging } from '../../../../../src/main/features/imports/uploadStaging';
import type { ImportProgress } from '../../../../../src/shared/domain/fileImport';
import { brandwatchCsv, meltwaterCsv, sampleMentions, talkwalkerCsv, utf8, windows1252 } from '../../../../support/importFixtures';
import { listenDb } from '../../../../support/listenDb';
import { translator } from '../../../../../src/main/platform/i18n/translator';

function setup(batchSize = 500) {
  const t = listenDb();
  const sourceId = t.addSource('file', 'Exports');
  const watchId = t.addWatch('Acmé', ['acme', 'acmé', 'données', 'client']);
  const ingest = new IngestService({ workspaces: t.lookup, enricher: sourceLanguageEnricher, clock: { now: () => new Date('2026-11-21T10:00:00Z') } });
  const events: ImportProgress[] = [];
  const staging = new UploadStaging({ maxFileBytes: 10 * 1024 * 1024, maxFiles: 4, ttlMs: 3_600_000 }, () => Date.now());
  const sourceKind = (_: string, id: number) => t.db.prepare<[number], string>('SELECT kind FROM sources WHERE id = ?').pluck().get(id);
  const imports = new ImportService({ staging, sink: ingest, publish: (p) => events.push(p), maxInflatedBytes: 100 * 1024 * 1024, batchSize, sourceKind });
  return { ...t, sourceId, watchId, imports, events };
}

/** Sends the file the way the renderer does: begin, then base64 chunks. */
function upload(imports: ImportService, name: string, bytes: Uint8Array, chunk = 1000): string {
  const { uploadId } = imports.begin(name, bytes.byteLength);
  for (let offset = 0; offset < bytes.byteLength; offset += chunk) {
    imports.chunk(uploadId, offset, Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64'));
  }
  return uploadId;
}

async function finished(events: ImportProgress[], runId: string): Promise<ImportProgress> {
  for (let i = 0; i < 500; i++) {
    const last = events.filter((e) => e.runId === runId && e.state !== 'running').at(-1);
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('import did not finish');
}

async function importFile(s: ReturnType<typeof setup>, name: string, bytes: Uint8Array) {
  const uploadId = upload(s.imports, name, bytes);
  const preview = await s.imports.preview(uploadId);
  const started = await s.imports.run({ workspaceId: 'live', uploadId, sourceId: s.sourceId, mapping: preview.mapping });
  return { uploadId, preview, report: await finished(s.events, started.runId) };
}

const count = (s: ReturnType<typeof setup>): number => (s.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;

describe('ImportService', () => {
  it('imports Brandwatch, Meltwater and Talkwalker exports into the store, and a second import adds 0 rows', async () => {
    const s = setup(7);
    const files: [string, Uint8Array, string][] = [
      ['brandwatch.csv', utf8(brandwatchCsv(sampleMentions(30, 'bw'))), 'brandwatch'],
      ['meltwater.csv', windows1252(meltwaterCsv(sampleMentions(30, 'mw'))), 'meltwater'],
      ['talkwalker.csv', windows1252(talkwalkerCsv(sampleMentions(30, 'tw'), ';')), 'talkwalker'],
    ];
    for (const [name, bytes, preset] of files) {
      const { preview, report } = await importFile(s, name, bytes);
      expect(preview.preset).toBe(preset);
      expect(preview.sample[0]!.cells.length).toBe(preview.headers.length);
      expect(report).toMatchObject({ state: 'done', total: 30, processed: 30, inserted: 30, duplicates: 0, bad: 0 });
    }
    expect(count(s)).toBe(90);
    const stored = s.db.prepare("SELECT text, author_name AS name, language FROM mentions WHERE external_id = 'mw1001'").get();
    expect(stored).toEqual({ text: expect.stringContaining('cœur du problème : 1 200 €'), name: 'Éloïse Françoise 1', language: 'fr' });
    // FTS and rollups were fed by the same ingestion path.
    const hits = s.db.prepare("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'donnees'").get() as { n: number };
    expect(hits.n).toBeGreaterThan(0);

    for (const [name, bytes] of files) {
      const { report, uploadId } = await importFile(s, name, bytes);
      expect(report).toMatchObject({ state: 'done', inserted: 0, duplicates: 30, bad: 0 });
      // The staged file is released once imported.
      await expect(s.imports.preview(uploadId)).rejects.toThrow(/expired or does not exist/);
    }
    expect(count(s)).toBe(90);
  });

  it('imports the good rows of a damaged file and lists the bad ones by line', async () => {
    const s = setup(2);
    const good = sampleMentions(4);
    const lines = meltwaterCsv(good).split('\r\n');
    lines.splice(2, 0, 'pas une date;Titre;https://x.example/1;Texte;Zoé;;;;;;;;;;;;;;;');
    lines.splice(4, 0, ';;;;;;;;;;;;;;;;;;;12:00');
    const { report } = await importFile(s, 'mw.csv', utf8(lines.join('\r\n')));
    expect(report).toMatchObject({ state: 'done', inserted: 4, bad: 2 });
    expect(report.problems).toEqual([
      { line: 3, code: 'badDate', detail: 'pas une date' },
      { line: 5, code: 'noText' },
    ]);
    expect(count(s)).toBe(4);
  });

  it('keeps the catalogue sentence of a row refused at ingest, not an English reason', async () => {
    const s = setup();
    const [first, second] = sampleMentions(2);
    const { report } = await importFile(s, 'mw.csv', utf8(meltwaterCsv([first!, { ...second!, text: '<script>acme</script>', title: '' }])));
    expect(report).toMatchObject({ state: 'done', inserted: 1, bad: 1 });
    const problem = report.problems[0]!;
    expect(problem).toMatchObject({ line: 3, code: 'rejected', wording: { key: 'mentions.failures.noTextLeft' } });
    expect(translator('fr')(problem.wording!.key)).toBe('plus aucun texte une fois le balisage retiré');
  });

  it('tells date columns without a zone from those that carry one, and maps the agencies\' sentiment', async () => {
    const s = setup();
    const bw = await s.imports.preview(upload(s.imports, 'bw.csv', utf8(brandwatchCsv(sampleMentions(5)))));
    expect(bw.zoneLessColumns).toContain('Date');
    expect(bw.mapping).toMatchObject({ sentiment: 'Sentiment', accountType: 'Account Type' });
    const tw = await s.imports.preview(upload(s.imports, 'tw.csv', utf8(talkwalkerCsv(sampleMentions(5)))));
    expect(tw.zoneLessColumns).not.toContain('published');
    expect(tw.mapping).toMatchObject({ publishedAt: 'published', sentiment: 'sentiment' });
    const { report } = await importFile(s, 'tw2.csv', utf8(talkwalkerCsv(sampleMentions(5, 'tz'))));
    expect(report).toMatchObject({ inserted: 5, zoneLessRows: 0 });
    expect(s.db.prepare("SELECT DISTINCT agency_tone FROM mentions WHERE external_id LIKE 'row:%'").pluck().all()).toEqual(['negative']);
  });

  it('stops between batches when cancelled, keeping what was already stored', async () => {
    const s = setup(10);
    const uploadId = upload(s.imports, 'tw.csv', utf8(talkwalkerCsv(sampleMentions(200))));
    const preview = await s.imports.preview(uploadId);
    const started = await s.imports.run({ workspaceId: 'live', uploadId, sourceId: s.sourceId, mapping: preview.mapping });
    s.imports.cancel(started.runId);
    const report = await finished(s.events, started.runId);
    expect(report.state).toBe('cancelled');
    expect(report.processed).toBeLessThan(200);
    expect(count(s)).toBe(report.inserted);
  });

  it('refuses oversize files, incomplete uploads, out-of-order chunks and an unusable mapping with clear messages', async () => {
    const s = setup();
    expect(() => s.imports.begin('huge.csv', 50 * 1024 * 1024)).toThrow(/files up to 10.0 MB can be imported/);
    const { uploadId } = s.imports.begin('a.csv', 10);
    expect(() => s.imports.chunk(uploadId, 5, 'QUJD')).toThrow(/Expected the chunk at byte 0/);
    s.imports.chunk(uploadId, 0, Buffer.from('abc').toString('base64'));
    await expect(s.imports.preview(uploadId)).rejects.toThrow(/not fully received \(3 of 10 bytes\)/);
    expect(() => s.imports.chunk(uploadId, 3, Buffer.from('0123456789').toString('base64'))).toThrow(/larger than announced/);
    const ok = upload(s.imports, 'tw.csv', utf8(talkwalkerCsv(sampleMentions(2))));
    await expect(s.imports.run({ workspaceId: 'live', uploadId: ok, sourceId: s.sourceId, mapping: { text: 'content' } })).rejects.toThrow(
      /Map at least the date column/,
    );
    await expect(
      s.imports.run({ workspaceId: 'live', uploadId: ok, sourceId: s.sourceId, mapping: { text: 'content', publishedAt: 'Nope' } }),
    ).rejects.toThrow(/not in the file: Nope/);
    // A file goes only into a file-import source: its rows must not pass for a feed's own articles.
    const feed = s.addSource('rss', 'Le Quotidien');
    const mapping = { text: 'content', publishedAt: 'published' };
    await expect(s.imports.run({ workspaceId: 'live', uploadId: ok, sourceId: feed, mapping })).rejects.toThrow(/file-import source/);
    await expect(s.imports.run({ workspaceId: 'live', uploadId: ok, sourceId: 9999, mapping })).rejects.toThrow(/No source 9999/);
  });
});
