// Reads the first worksheet of an XLSX export into text rows (dates as local wall-clock ISO strings).
import ExcelJS from 'exceljs';
import { ImportFormatError } from './jsonRows';
import type { RawRow, RawTable } from './rawTable';
import { inflatedZipSize } from './zipBudget';

export async function readXlsx(bytes: Uint8Array, maxInflatedBytes: number): Promise<RawTable> {
  const inflated = inflatedZipSize(bytes);
  if (inflated === undefined) throw new ImportFormatError('The file looks like an XLSX workbook but its ZIP structure is damaged.');
  if (inflated > maxInflatedBytes) {
    throw new ImportFormatError(
      `The workbook would unpack to ${Math.round(inflated / 1e6)} MB, over the ${Math.round(maxInflatedBytes / 1e6)} MB limit.`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw new ImportFormatError(`The XLSX workbook cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new ImportFormatError('The workbook has no sheet with data.');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ line: rowNumber, cells });
  });
  return { rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** Excel dates carry no zone: exceljs hands them as UTC instants holding the wall-clock digits. */
function wallClock(date: Date): string {
  return date.toISOString().slice(0, 19);
}
