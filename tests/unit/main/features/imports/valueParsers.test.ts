// The value readers behind imports: dates, counts, languages, encodings and separators as exports write them.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../../../src/main/features/imports/csvRows';
import { detectEncoding } from '../../../../../src/main/features/imports/decodeText';
import { detectHeaderRow } from '../../../../../src/main/features/imports/headerRow';
import { parseCount } from '../../../../../src/main/features/imports/parseCount';
import { parseDate } from '../../../../../src/main/features/imports/parseDate';
import { parseLanguage } from '../../../../../src/main/features/imports/parseLanguage';
import { sniffFormat } from '../../../../../src/main/features/imports/sniffFormat';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string => new Date(y, mo - 1, d, h, mi, s).toISOString();

describe('parseDate', () => {
  it.each([
    ['2026-11-20T08:15:00Z', undefined, '2026-11-20T08:15:00.000Z'],
    ['2026-11-20T09:15:00+01:00', undefined, '2026-11-20T08:15:00.000Z'],
    ['2026-11-20 08:15:30', undefined, local(2026, 11, 20, 8, 15, 30)],
    ['20/11/2026 08:15', undefined, local(2026, 11, 20, 8, 15)],
    ['20.11.2026', '08h15', local(2026, 11, 20, 8, 15)],
    ['11/20/2026', undefined, local(2026, 11, 20)],
    ['20-Nov-2026', '08:15 PM', local(2026, 11, 20, 20, 15)],
    ['Nov 20, 2026 12:05 AM', undefined, local(2026, 11, 20, 0, 5)],
    ['20 févr. 2026 10:00', undefined, local(2026, 2, 20, 10)],
    ['1795162500000', undefined, '2026-11-20T08:15:00.000Z'],
    ['1795162500', undefined, '2026-11-20T08:15:00.000Z'],
    ['46346.5', undefined, local(2026, 11, 20, 12)],
    ['Fri, 20 Nov 2026 08:15:00 GMT', undefined, '2026-11-20T08:15:00.000Z'],
  ])('%s %s', (raw, time, expected) => {
    expect(parseDate(raw, time)).toBe(expected);
  });

  it.each(['', 'hier', '31/02/2026', '2026-13-01', '20/11/2026 25:00', '13:00 PM 20/11/2026', '99999999999999', '12'])('refuses %j', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });
});

describe('parseCount, parseLanguage', () => {
  it.each([
    ['12 345', 12345],
    ['12,345', 12345],
    ['12.345', 12345],
    ['1.2K', 1200],
    ['3 M', 3_000_000],
    ['42', 42],
    ['42.0', 42],
    ['', undefined],
    ['-5', undefined],
    ['beaucoup', undefined],
    ['1e400', undefined],
  ])('count %j → %j', (raw, expected) => expect(parseCount(raw)).toBe(expected));

  it.each([
    ['fr', 'fr'],
    ['FR-fr', 'fr-fr'],
    ['fr_CH', 'fr-CH'],
    ['French', 'fr'],
    ['Français', 'fr'],
    ['anglais', 'en'],
    ['Klingon', undefined],
    ['', undefined],
  ])('language %j → %j', (raw, expected) => expect(parseLanguage(raw)).toBe(expected));
});

describe('detection', () => {
  it('tells UTF-8, UTF-16 (both orders, with or without BOM) and Windows-1252 apart', () => {
    const text = 'Date;Texte\n20/11/2026;Fuite de données chez Acmé – « œuvre » à 1 200 €\n';
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'utf-16le'))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(text, 'utf-16be'))).toBe('utf-16be');
    expect(detectEncoding(iconv.encode(text, 'utf-16le', { addBOM: true }))).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(text, 'windows-1252'))).toBe('windows-1252');
  });

  it('keeps UTF-8 when the sniff window cuts a multi-byte character', () => {
    const text = `${'a'.repeat(64 * 1024 - 1)}é and more`;
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf-8');
  });

  it('finds the separator even with title lines and commas inside French text', () => {
    expect(detectDelimiter('Export\nDate;Texte;Auteur\n1;Oui, non, peut-être;Zoé\n2;Bon, d’accord;Léa\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t"x, y"\t3\n')).toBe('\t');
    expect(detectDelimiter('a,b,c\n1,"x; y",3\n4,5,6\n')).toBe(',');
  });

  it('finds the header of an unknown export below its title lines', () => {
    const rows = [['Rapport mensuel'], ['Période', 'novembre'], [], ['Quand', 'Quoi', 'Qui', 'Où'], ['1', '2', '3', '4'], ['5', '6', '7', '8']].map((cells, i) => ({ line: i + 1, cells }));
    expect(detectHeaderRow(rows)).toBe(3);
  });

  it('sniffs XLSX by its bytes whatever its name, and JSON or NDJSON by content', () => {
    expect(sniffFormat('export.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(sniffFormat('export.txt', Buffer.from(' [{"a":1}]'))).toBe('json');
    expect(sniffFormat('export.txt', Buffer.from('{"a":1}\n{"a":2}\n'))).toBe('ndjson');
    expect(sniffFormat('export.txt', Buffer.from('{\n "a": [1]\n}'))).toBe('json');
    expect(sniffFormat('export.txt', Buffer.from('a;b\n1;2'))).toBe('csv');
  });
});
