// Visibrain, Digimind and Mention exports, French and English, in their encodings and separators, imported through
// the contract as the wizard does (#17 must show 4): the preset is recognised, every good row lands, and hostile rows
// are refused one by one with their line and reason.
import { describe, expect, it } from 'vitest';
import { sampleMentions } from '../../../../support/importFixtures';
import { importFinished, uploadFile } from '../../../../support/importRun';
import { presetExport, type PresetExportId } from '../../../../support/presetExports';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
const ws = { workspaceId: 'live' };
const ZONE = 'Europe/Zurich';

async function setUp() {
  const core = makeTestCore(tempDir(), { clock: { now: () => new Date('2026-12-07T08:00:00.000Z') } });
  await invoke(core, 'watches:create', { ...ws, watch: { name: 'Acmé', keywords: ['Acmé', 'Acme'] } });
  const source = await invoke(core, 'sources:create', { ...ws, source: { kind: 'file', name: 'Agence — exports', config: {} } });
  return { core, source };
}

const VARIANTS: readonly [PresetExportId, 'fr' | 'en', string, string][] = [
  ['visibrain', 'fr', 'utf-8', ';'],
  ['visibrain', 'en', 'utf-8', ','],
  ['digimind', 'fr', 'utf-16le', '\t'],
  ['digimind', 'en', 'utf-16le', '\t'],
  ['mention', 'fr', 'windows-1252', ';'],
  ['mention', 'en', 'utf-8', ','],
];

describe('agency export presets: Visibrain, Digimind, Mention', () => {
  for (const [preset, language, encoding, separator] of VARIANTS) {
    it(`${preset} (${language} headers, ${encoding}, ${JSON.stringify(separator)}) imports with 0 bad rows`, async () => {
      const mentions = sampleMentions(24, `${preset}-${language}-`);
      const file = presetExport(preset, language, mentions);
      expect(file).toMatchObject({ encoding, separator });
      const { core, source } = await setUp();
      const uploadId = await uploadFile(core, file.name, file.bytes);
      const preview = await invoke(core, 'imports:preview', { uploadId });
      expect(preview).toMatchObject({ format: 'csv', preset, encoding, delimiter: separator, headerLine: 1, rowCount: 24 });
      expect(preview.mapping.publishedAt).toBe(file.dateColumn);
      expect(preview.mapping.text).toBeDefined();

      const started = await invoke(core, 'imports:run', { ...ws, uploadId, sourceId: source.id, mapping: preview.mapping, timeZone: ZONE });
      const report = await importFinished(core, started.runId);
      expect(report).toMatchObject({ state: 'done', total: 24, inserted: 24, duplicates: 0, bad: 0, problems: [] });

      const found = await invoke(core, 'mentions:search', { ...ws, filter: { query: 'cœur du problème' }, limit: 50 });
      expect(found.items).toHaveLength(6);
      const second = found.items.find((m) => m.text.includes('[1]'))!;
      expect(second.text).toBe('Le cœur du problème : 1 200 € prélevés deux fois, ça fait mal. #boycott [1]');
      expect(second.url).toContain(`article-${preset}-${language}--1`);
      expect(second.agencyTone).toBe('neutral');
      core.close();
    });

    it(`${preset} (${language}): a bad date and a missing text are refused by line, no good row lost`, async () => {
      const mentions = sampleMentions(10, `h-${preset}-${language}-`);
      const file = presetExport(preset, language, mentions, true);
      const { core, source } = await setUp();
      const uploadId = await uploadFile(core, file.name, file.bytes);
      const preview = await invoke(core, 'imports:preview', { uploadId });
      expect(preview.preset).toBe(preset);
      const started = await invoke(core, 'imports:run', { ...ws, uploadId, sourceId: source.id, mapping: preview.mapping, timeZone: ZONE });
      const report = await importFinished(core, started.runId);
      expect(report).toMatchObject({ state: 'done', total: 12, inserted: 10, duplicates: 0, bad: 2 });
      expect(report.problems).toEqual([
        { line: file.hostileLines!.badDate, code: 'badDate', detail: '31/02/2026 25:61' },
        { line: file.hostileLines!.noText, code: 'noText' },
      ]);
      const stored = await invoke(core, 'mentions:search', { ...ws, filter: {}, limit: 50 });
      expect(stored.items.map((m) => m.url).sort()).toEqual(mentions.map((m) => expect.stringContaining(m.url.split('?')[0]!)).sort());
      core.close();
    });
  }
});
