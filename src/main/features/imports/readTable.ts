// Reads any supported export into a header + rows table: format, encoding, separator and header row found here.
import type { Delimiter, ImportFormat, RowProblem } from '../../../shared/domain/fileImport';
import { detectDelimiter, readCsv } from './csvRows';
import { decodeText } from './decodeText';
import { detectHeaderRow } from './headerRow';
import { readJson, readNdjson } from './jsonRows';
import type { RawRow } from './rawTable';
import { sniffFormat } from './sniffFormat';
import { readXlsx } from './xlsxRows';

export interface ImportTable {
  readonly format: ImportFormat;
  readonly encoding?: string;
  readonly delimiter?: Delimiter;
  readonly headerLine: number;
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
  /** Lines the reader itself could not read (NDJSON lines that are not JSON). */
  readonly unreadable: readonly RowProblem[];
}

export interface ReadOptions {
  /** Overrides what detection found (the wizard lets the user correct it). */
  readonly delimiter?: Delimiter;
  readonly headerLine?: number;
  readonly maxInflatedBytes: number;
}

export async function readTable(fileName: string, bytes: Uint8Array, options: ReadOptions): Promise<ImportTable> {
  const format = sniffFormat(fileName, bytes);
  if (format === 'xlsx') return withHeader(format, await readXlsx(bytes, options.maxInflatedBytes), options);
  const { text, encoding } = decodeText(bytes);
  if (format === 'json') {
    const table = readJson(text);
    return { format, encoding, headerLine: 1, headers: table.headers ?? [], rows: table.rows, unreadable: [] };
  }
  if (format === 'ndjson') {
    const { table, badLines } = readNdjson(text);
    const unreadable = badLines.map(({ line, detail }): RowProblem => ({ line, code: 'invalid', detail }));
    return { format, encoding, headerLine: 1, headers: table.headers ?? [], rows: table.rows, unreadable };
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  return { ...withHeader(format, await readCsv(text, delimiter), options), encoding, delimiter };
}

function withHeader(format: ImportFormat, table: { rows: readonly RawRow[] }, options: ReadOptions): ImportTable {
  const chosen = options.headerLine === undefined ? -1 : table.rows.findIndex((row) => row.line === options.headerLine);
  const index = chosen >= 0 ? chosen : detectHeaderRow(table.rows);
  const headerRow = table.rows[index];
  const headers = uniqueHeaders(headerRow?.cells ?? []);
  return { format, headerLine: headerRow?.line ?? 1, headers, rows: table.rows.slice(index + 1), unreadable: [] };
}

/** Blank or repeated header cells get a name of their own so each column can be mapped. */
function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `#${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
