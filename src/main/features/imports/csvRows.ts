// Reads delimited text (CSV, semicolon or tab separated) into rows, keeping each record's starting line.
import { parse } from 'csv-parse';
import type { Delimiter } from '../../../shared/domain/fileImport';
import { ImportFormatError } from './jsonRows';
import type { RawRow, RawTable } from './rawTable';

const CANDIDATES: readonly Delimiter[] = [';', ',', '\t', '|'];
const SNIFF_LINES = 60;

/** Picks the separator whose count per line is the most consistent (title lines above the header have none). */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/, SNIFF_LINES).filter((line) => line.trim().length > 0);
  let best: { delimiter: Delimiter; score: number; width: number } = { delimiter: ',', score: -1, width: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [count, times] of frequency) {
      if (times > modeCount || (times === modeCount && count > mode)) {
        mode = count;
        modeCount = times;
      }
    }
    if (mode === 0) continue;
    const score = modeCount / lines.length;
    if (score > best.score || (score === best.score && mode > best.width)) best = { delimiter, score, width: mode };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/** Text is fed to the parser in slices with a yield between them: a 60 MB export never freezes the app. */
const SLICE_CHARS = 256 * 1024;

export async function readCsv(text: string, delimiter: Delimiter): Promise<RawTable> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  const rows: RawRow[] = [];
  let previousEnd = 0;
  let previousEmpty = 0;
  parser.on('readable', () => {
    let item: { record: string[]; info: { lines: number; empty_lines: number } } | null;
    while ((item = parser.read() as typeof item) !== null) {
      // csv-parse reports the line where a record ends; the user looks for where it starts.
      const line = previousEnd + 1 + (item.info.empty_lines - previousEmpty);
      rows.push({ line, cells: item.record });
      previousEnd = item.info.lines;
      previousEmpty = item.info.empty_lines;
    }
  });
  let failure: Error | undefined;
  const finished = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (error) => {
      failure = error;
      resolve();
    });
  });
  for (let offset = 0; offset < text.length && !failure; offset += SLICE_CHARS) {
    parser.write(text.slice(offset, offset + SLICE_CHARS));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!failure) parser.end();
  await finished;
  if (failure) {
    // csv-parse fails the whole file on structural faults (e.g. a quote never closed); say where.
    const line = (failure as { lines?: number }).lines;
    throw new ImportFormatError(`The file is not readable as separated values${line ? ` (line ${line})` : ''}: ${failure.message}`);
  }
  return { rows };
}
