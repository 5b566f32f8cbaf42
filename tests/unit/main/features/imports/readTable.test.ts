import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPreset, suggestMapping } from '../../../../../src/main/features/imports/presets';
import { readTable } from '../../../../../src/main/features/imports/readTable';
import { localTimeZone } from '../../../../../src/main/features/imports/parseDate';
import { resolveMapping, rowToMention } from '../../../../../src/main/features/imports/rowToMention';
import { readXlsx } from '../../../../../src/main/features/imports/xlsxRows';
import type { MentionInput } from '../../../../../src/shared/domain/mention';
import {
  brandwatchCsv,
  meltwaterCsv,
  sampleMentions,
  talkwalkerCsv,
  utf16le,
  utf8,
  windows1252,
  type SampleMention,
} from '../../../../support/importFixtures';
import { craftZip, oneSheetWorkbook } from '../../../../support/craftedXlsx';
import { repoPath } from '../../../../support/paths';

const LIMITS = { maxInflatedBytes: 200 * 1024 * 1024 };
/** The fixtures write wall-clock dates in this computer's zone, as the export tools do. */
const LOCAL = { timeZone: localTimeZone() };

async function importAll(name: string, bytes: Uint8Array) {
  const table = await readTable(name, bytes, LIMITS);
  const preset = detectPreset(table.headers);
  const mapping = suggestMapping(preset, table.headers);
  const columns = resolveMapping(mapping, table.headers);
  const outcomes = table.rows.map((row) => rowToMention(row.line, row.cells, columns, LOCAL));
  const mentions = outcomes.flatMap((o) => (o.ok ? [o.mention] : []));
  const problems = outcomes.flatMap((o) => (o.ok ? [] : [o.problem]));
  return { table, preset: preset.id, mapping, mentions, problems };
}

function expectSame(mentions: readonly MentionInput[], samples: readonly SampleMention[]): void {
  expect(mentions).toHaveLength(samples.length);
  mentions.forEach((mention, i) => {
    const sample = samples[i]!;
    expect(mention.text).toBe(sample.text);
    expect(mention.publishedAt).toBe(sample.date.toISOString());
    expect(mention.url).toBe(sample.url);
    expect(mention.language).toBe(sample.lang);
    expect(mention.author.displayName).toBe(sample.name);
    expect(mention.author.audience).toBe(sample.followers);
  });
}

describe('reading vendor exports', () => {
  const samples = sampleMentions(12);

  it('Brandwatch CSV, UTF-8 with BOM, comma, title lines above the header', async () => {
    const result = await importAll('bw.csv', utf8(brandwatchCsv(samples)));
    expect(result.table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headerLine: 5 });
    expect(result.preset).toBe('brandwatch');
    expect(result.mapping).toMatchObject({ text: 'Full Text', publishedAt: 'Date', authorHandle: 'Author', url: 'Url' });
    expect(result.problems).toEqual([]);
    expectSame(result.mentions, samples);
    expect(result.mentions[0]!.author.handle).toBe('@éloïse_0');
    expect(result.mentions[1]!.engagement).toEqual({ shares: 3, replies: 1 });
  });

  it('Brandwatch CSV, Windows-1252, semicolon', async () => {
    const result = await importAll('bw.csv', windows1252(brandwatchCsv(samples, ';')));
    expect(result.table).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerLine: 5 });
    expect(result.preset).toBe('brandwatch');
    expectSame(result.mentions, samples);
    expect(result.mentions[0]!.text).toContain('s’inquiètent, « c’est');
    expect(result.mentions[1]!.text).toContain('cœur du problème : 1 200 €');
  });

  it('Meltwater CSV, Windows-1252, semicolon, separate date and time columns', async () => {
    const result = await importAll('mw.csv', windows1252(meltwaterCsv(samples)));
    expect(result.table).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerLine: 1 });
    expect(result.preset).toBe('meltwater');
    expect(result.mapping).toMatchObject({ publishedAt: 'Date', publishedTime: 'Time', text: 'Hit Sentence', externalId: 'Tweet Id' });
    expect(result.problems).toEqual([]);
    expectSame(result.mentions, samples);
    expect(result.mentions.map((m) => m.externalId)).toEqual(samples.map((s) => s.id));
    expect(result.mentions[0]!.title).toBe(samples[0]!.title);
  });

  it('Meltwater CSV, UTF-8, comma', async () => {
    const result = await importAll('mw.csv', utf8(meltwaterCsv(samples, ',')));
    expect(result.table).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expectSame(result.mentions, samples);
  });

  it('Talkwalker CSV, UTF-8, comma, epoch-millisecond dates', async () => {
    const result = await importAll('tw.csv', utf8(talkwalkerCsv(samples)));
    expect(result.table).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(result.preset).toBe('talkwalker');
    expect(result.problems).toEqual([]);
    expectSame(result.mentions, samples);
    expect(result.mentions[3]!.sourceName).toBe('Le Temps');
  });

  it('Talkwalker, UTF-16LE tab-separated with and without BOM, and Windows-1252 semicolon', async () => {
    for (const bytes of [
      utf16le(talkwalkerCsv(samples, '\t')),
      utf16le(talkwalkerCsv(samples, '\t'), false),
      windows1252(talkwalkerCsv(samples, ';')),
    ]) {
      const result = await importAll('tw.txt', bytes);
      expect(result.preset).toBe('talkwalker');
      expectSame(result.mentions, samples);
    }
  });

  // Written by exceljs 4.4 (the reader and writer before this one), with the rows that reader read from them: the
  // present reader must import them exactly the same. brandwatch.xlsx holds the 12 samples under two title rows
  // (real date cells, hyperlinks, rich text); cells.xlsx every kind of cell (numbers, booleans, formulas, errors,
  // built-in and custom date formats, styled empty cells, gaps, an empty first sheet).
  const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(repoPath('tests/fixtures/xlsx', name)));
  const rowsOf = (name: string): unknown => JSON.parse(readFileSync(repoPath('tests/fixtures/xlsx', name), 'utf8'));

  it('XLSX with real date cells and title rows', async () => {
    const result = await importAll('export.csv', fixture('brandwatch.xlsx'));
    expect(result.table).toMatchObject({ format: 'xlsx', headerLine: 3 });
    expect(result.preset).toBe('brandwatch');
    expect(result.problems).toEqual([]);
    expectSame(result.mentions, samples);
  });

  it('XLSX cells read exactly as the previous reader read them', async () => {
    for (const name of ['brandwatch', 'cells']) {
      expect((await readXlsx(fixture(`${name}.xlsx`), LIMITS.maxInflatedBytes)).rows).toEqual(rowsOf(`${name}.rows.json`));
    }
  });

  it('XLSX written by other tools: shared and inline strings, prefixed elements, the 1904 date system, cells without references', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const entries = oneSheetWorkbook(
      '<row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2" s="1"><v>0</v></c><c t="inlineStr"><is><r><t>Zo</t></r><r><t xml:space="preserve">é &amp; </t></r><rPh><t>ゾエ</t></rPh><r><t>Cie</t></r></is></c></row>',
    ).map((entry) =>
      entry.name === 'xl/workbook.xml'
        ? { ...entry, text: entry.text.replace('<sheets>', '<workbookPr date1904="1"/><sheets>') }
        : entry.name === 'xl/_rels/workbook.xml.rels'
          ? { ...entry, text: entry.text.replace('</Relationships>', '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>') }
          : entry,
    );
    entries.push(
      { name: 'xl/sharedStrings.xml', text: `<x:sst xmlns:x="${NS}"><x:si><x:t>zéro</x:t></x:si><x:si><x:r><x:t>Réponse </x:t></x:r><x:r><x:t>tardive</x:t></x:r></x:si></x:sst>` },
      { name: 'xl/styles.xml', text: `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>` },
    );
    const table = await readTable('x.xlsx', await craftZip(entries), { ...LIMITS, headerLine: 1 });
    expect(table.headerLine).toBe(2);
    expect(table.headers).toEqual(['#1', 'Réponse tardive', '1904-01-01T00:00:00', 'Zoé & Cie']);
  });

  it('XLSX written by the mentions export reads back', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const published = new Date(Date.UTC(2026, 10, 20, 8, 30));
    const bytes = await writeXlsxFile([
      ['Date', 'Texte', 'Abonnés'],
      [{ value: published, type: Date, format: 'yyyy-mm-dd hh:mm' }, "'=HYPERLINK(\"x\")", 1200],
    ]).toBuffer();
    const table = await readTable('x.xlsx', new Uint8Array(bytes), LIMITS);
    expect(table.rows).toEqual([{ line: 2, cells: ['2026-11-20T08:30:00', "'=HYPERLINK(\"x\")", '1200'] }]);
  });

  it('JSON (object holding the array, nested author) and NDJSON', async () => {
    const records = samples.map((m) => ({
      id: m.id,
      published: m.date.toISOString(),
      url: m.url,
      text: m.text,
      language: m.lang,
      author: { name: m.name, handle: m.author, followers: m.followers },
    }));
    const json = await readTable('x.json', utf8(JSON.stringify({ meta: { count: 12 }, data: { mentions: records } })), LIMITS);
    expect(json.format).toBe('json');
    expect(json.headers).toEqual(['id', 'published', 'url', 'text', 'language', 'author.name', 'author.handle', 'author.followers']);
    const ndjsonText = records.map((r) => JSON.stringify(r)).join('\n').replace('\n', '\n{broken\n');
    const nd = await readTable('x.ndjson', utf8(ndjsonText), LIMITS);
    expect(nd.format).toBe('ndjson');
    expect(nd.rows).toHaveLength(12);
    expect(nd.unreadable).toEqual([expect.objectContaining({ line: 2, code: 'invalid' })]);
    const columns = resolveMapping(
      { externalId: 'id', publishedAt: 'published', url: 'url', text: 'text', language: 'language', authorName: 'author.name', audience: 'author.followers' },
      nd.headers,
    );
    const mentions = nd.rows.map((row) => rowToMention(row.line, row.cells, columns, LOCAL)).flatMap((o) => (o.ok ? [o.mention] : []));
    expectSame(mentions, samples);
  });

  it('reports bad rows by their line and keeps the good ones', async () => {
    const text = [
      'Date;Headline;URL;Hit Sentence;Influencer;Opening Text;Source;Input Name',
      '20/11/2026 08:00;Titre;https://a.example/1;Texte bon;Zoé;x;Le Monde;Acmé',
      '32/13/2026;Titre;https://a.example/2;Date impossible;Zoé;x;Le Monde;Acmé',
      '20/11/2026 08:02;;https://a.example/3;;Zoé;;Le Monde;Acmé',
      '"20/11/2026 08:03";"Multi',
      'ligne";https://a.example/4;"Texte sur',
      'deux lignes";Zoé;x;Le Monde;Acmé',
      ';Sans date;https://a.example/5;Texte;Zoé;x;Le Monde;Acmé',
      '',
    ].join('\n');
    const result = await importAll('bad.csv', utf8(text));
    expect(result.preset).toBe('meltwater');
    expect(result.mentions.map((m) => m.url)).toEqual(['https://a.example/1', 'https://a.example/4']);
    expect(result.mentions[1]!.text).toBe('Texte sur\ndeux lignes');
    expect(result.problems).toEqual([
      { line: 3, code: 'badDate', detail: '32/13/2026' },
      { line: 4, code: 'noText' },
      { line: 8, code: 'noDate' },
    ]);
  });

  it('gives each row the same external id every time the file is read', async () => {
    const bytes = utf8(talkwalkerCsv(samples));
    const first = await importAll('tw.csv', bytes);
    const second = await importAll('tw.csv', bytes);
    expect(new Set(first.mentions.map((m) => m.externalId)).size).toBe(samples.length);
    expect(second.mentions.map((m) => m.externalId)).toEqual(first.mentions.map((m) => m.externalId));
  });

  it('refuses a workbook that would unpack beyond the limit, and garbage JSON, with a clear message', async () => {
    const bytes = await craftZip(oneSheetWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(5000)}</t></is></c></row>`));
    await expect(readTable('big.xlsx', bytes, { maxInflatedBytes: 1000 })).rejects.toThrow(/would unpack to .* over the/);
    await expect(readTable('bad.xlsx', bytes.slice(0, 200), LIMITS)).rejects.toThrow(/ZIP structure is damaged/);
    await expect(readTable('x.json', utf8('[{"a":1},'), LIMITS)).rejects.toThrow(/not valid JSON/);
    await expect(readTable('x.json', utf8('{"a":1}'), LIMITS)).rejects.toThrow(/no list of records/);
  });
});
