// Child process of the zip-bomb test: crafts a workbook whose sheet inflates to `megabytes` MB while its headers
// declare `declared` bytes, reads it through the import reader under `budget` bytes, and prints how much the
// process's peak memory grew while reading (a process of its own, so that the peak is this read's alone).
import { readTable } from '../../src/main/features/imports/readTable';
import { bombWorkbook, craftZip } from './craftedXlsx';

const [megabytes, declared, budget] = process.argv.slice(2).map(Number) as [number, number, number];

async function main(): Promise<void> {
  const bytes = await craftZip(bombWorkbook(megabytes * 1024 * 1024, declared || undefined));
  const before = process.resourceUsage().maxRSS;
  const started = Date.now();
  let error: string | undefined;
  try {
    await readTable('export.xlsx', bytes, { maxInflatedBytes: budget });
  } catch (e) {
    error = `${(e as Error).name}: ${(e as Error).message}`;
  }
  const growthKb = process.resourceUsage().maxRSS - before;
  process.stdout.write(`${JSON.stringify({ archiveBytes: bytes.length, growthMb: Math.round(growthKb / 1024), ms: Date.now() - started, error })}\n`);
}

void main();
