// Reads the first worksheet that holds data of an XLSX export into text rows (dates as local wall-clock ISO
// strings). The workbook is unzipped here under a budget of bytes really inflated, and each sheet is parsed as it
// inflates: what the archive's headers declare is never trusted.
import { ImportFormatError } from './jsonRows';
import type { RawRow, RawTable } from './rawTable';
import { columnOf, excelDateText, numberText } from './xlsxCells';
import { readPart, readWorkbook, type Workbook } from './xlsxWorkbook';
import { openZip, ZipRefused, type ZipEntries } from './zipEntries';

const megabytes = (bytes: number): number => Math.round(bytes / 1e6);

export async function readXlsx(bytes: Uint8Array, maxInflatedBytes: number): Promise<RawTable> {
  let zip: ZipEntries;
  try {
    zip = await openZip(bytes, maxInflatedBytes);
  } catch (error) {
    throw refusal(error, maxInflatedBytes);
  }
  try {
    if (zip.declaredBytes > maxInflatedBytes) {
      throw new ImportFormatError(`The workbook would unpack to ${megabytes(zip.declaredBytes)} MB, over the ${megabytes(maxInflatedBytes)} MB limit.`);
    }
    const workbook = await readWorkbook(zip);
    if (!workbook) throw new ImportFormatError('The file is a ZIP archive but not an XLSX workbook (it has no workbook part).');
    // Empty cells up to a far column cost memory without costing bytes: the cells a sheet may spread over are
    // bounded in proportion to the budget, as real cells (a dozen bytes of XML each at least) are.
    const maxCells = Math.max(100_000, Math.floor(maxInflatedBytes / 10));
    for (const sheet of workbook.sheets) {
      const rows = await readSheet(zip, sheet, workbook, maxCells);
      if (rows.length > 0) return { rows };
    }
    throw new ImportFormatError('The workbook has no sheet with data.');
  } catch (error) {
    throw refusal(error, maxInflatedBytes);
  } finally {
    zip.close();
  }
}

function refusal(error: unknown, budget: number): Error {
  if (!(error instanceof ZipRefused)) return error instanceof Error ? error : new Error(String(error));
  switch (error.reason) {
    case 'overBudget':
      return new ImportFormatError(`The workbook unpacks to more than ${megabytes(budget)} MB, over the limit: refused.`);
    case 'sizesLie':
      return new ImportFormatError('The workbook unpacks to more than its ZIP headers declare (a damaged file or a zip bomb): refused.');
    case 'damaged':
      return new ImportFormatError(`The file looks like an XLSX workbook but its ZIP structure is damaged (${error.message}).`);
  }
}

interface CellState {
  column: number;
  type: string;
  style: number | undefined;
  value: string | undefined;
}

/**
 * The sheet's rows that hold something: a cell with a value, or an unstyled cell (the old reader counted those).
 * Each row runs from column A to its last cell, missing cells as ''.
 */
async function readSheet(zip: ZipEntries, path: string, workbook: Workbook, maxCells: number): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  let cellCount = 0;
  let line = 0;
  let cells: string[] = [];
  let hasValue = false;
  let cell: CellState | undefined;
  /** Which element's text is being gathered: `<v>`, `<t>` inside `<is>`, or none. */
  let gathering: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;

  const finishCell = (): void => {
    if (!cell) return;
    cellCount += Math.max(1, cell.column - cells.length);
    if (cellCount > maxCells) {
      throw new ImportFormatError(`The sheet spreads over more than ${maxCells} cells, far more than its size holds (a sparse or hostile workbook): refused.`);
    }
    while (cells.length < cell.column - 1) cells.push('');
    cells[cell.column - 1] = cellText(cell, workbook);
    if (cell.value !== undefined || cell.style === undefined) hasValue = true;
    cell = undefined;
  };

  await readPart(zip, path, {
    open(name, a) {
      if (name === 'row') {
        line = a.r ? Number.parseInt(a.r, 10) : line + 1;
        cells = [];
        hasValue = false;
      } else if (name === 'c') {
        const column = columnOf(a.r) ?? cells.length + 1;
        cell = { column, type: a.t ?? 'n', style: a.s === undefined ? undefined : Number.parseInt(a.s, 10), value: undefined };
      } else if (!cell) return;
      else if (name === 'v') gathering = 'v';
      else if (name === 'is') inInline = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && inInline && phonetic === 0) gathering = 't';
    },
    text(text) {
      if (cell && gathering) cell.value = (cell.value ?? '') + text;
    },
    close(name) {
      if (name === 'v' || name === 't') gathering = undefined;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') finishCell();
      else if (name === 'row') {
        if (hasValue) rows.push({ line, cells });
        cells = [];
      }
    },
  });
  return rows;
}

function cellText(cell: CellState, workbook: Workbook): string {
  const { value, type } = cell;
  if (value === undefined) return '';
  switch (type) {
    case 's':
      return workbook.sharedStrings[Number.parseInt(value, 10)] ?? '';
    // Text, and ISO 8601 date cells (strict OOXML), are already the text to show.
    case 'str':
    case 'inlineStr':
    case 'd':
      return value;
    case 'b':
      return String(Number.parseInt(value, 10) !== 0);
    case 'e':
      return '';
    default: {
      if (cell.style !== undefined && workbook.dateStyles[cell.style]) {
        const date = excelDateText(Number.parseFloat(value), workbook.date1904);
        if (date !== undefined) return date;
      }
      return numberText(value);
    }
  }
}
