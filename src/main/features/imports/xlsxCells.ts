// What a spreadsheet cell says as text: Excel stores dates as day numbers told apart only by their number format,
// in the workbook's wall-clock time. The rules are those the reader used before (exceljs 4.4), so that a file
// imports the same rows as it always did.

/** Built-in number formats (ECMA-376 §18.8.30) that show a date or a time. */
const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function isDateFormat(id: number, customCode: string | undefined): boolean {
  if (customCode === undefined) return BUILT_IN_DATE_FORMATS.has(id);
  // Colours, conditions and locales [..] and quoted literals are not date parts; escapes lose their backslash.
  const code = customCode
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(code);
}

const DAY_MS = 86_400_000;
/** Day 25569 is 1970-01-01 in the 1900 system; the 1904 system counts 1462 days fewer. */
const UNIX_EPOCH_DAY = 25_569;
const DAYS_1900_TO_1904 = 1_462;

/** The wall-clock date and time a day number shows, as `YYYY-MM-DDTHH:mm:ss` (no zone: Excel has none). */
export function excelDateText(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - UNIX_EPOCH_DAY + (date1904 ? DAYS_1900_TO_1904 : 0)) * DAY_MS);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 19);
}

/** 1-based column of a cell reference (`B3` → 2, `AA10` → 27); undefined when it names none. */
export function columnOf(reference: string | undefined): number | undefined {
  const letters = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(reference ?? '')?.[1];
  if (!letters) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** A number as the reader showed it: JavaScript's own shortest form (1234.5, 0.000123, 12345678901234). */
export function numberText(raw: string): string {
  return String(Number.parseFloat(raw));
}
