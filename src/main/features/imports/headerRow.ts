// Finds the header row: exports often start with report titles, date ranges and blank lines.
import type { RawRow } from './rawTable';
import { isKnownHeader } from './presets';

const SCAN_ROWS = 25;

/** Index into `rows` of the header row. */
export function detectHeaderRow(rows: readonly RawRow[]): number {
  const scanned = rows.slice(0, SCAN_ROWS);
  let bestIndex = -1;
  let bestKnown = 0;
  scanned.forEach((row, index) => {
    const known = row.cells.filter(isKnownHeader).length;
    if (known > bestKnown) {
      bestKnown = known;
      bestIndex = index;
    }
  });
  if (bestKnown >= 2) return bestIndex;
  // Unknown vendor: the first row as wide as the data below it.
  const widths = scanned.map(filledCells);
  const typical = Math.max(...widths.slice(Math.floor(widths.length / 2)), 0);
  const index = widths.findIndex((width) => width >= Math.max(2, Math.ceil(typical * 0.8)));
  return index < 0 ? 0 : index;
}

function filledCells(row: RawRow): number {
  return row.cells.filter((cell) => cell.trim().length > 0).length;
}
