// Spreadsheet cells from outside text: a leading = + - @ (or tab/CR) would make Excel or LibreOffice run it
// as a formula (CSV injection), so such cells get a leading apostrophe and are shown as typed.
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
