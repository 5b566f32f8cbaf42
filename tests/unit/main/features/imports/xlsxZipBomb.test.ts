// XLSX zip bombs: archives whose headers lie about how much they inflate. The reader counts the bytes it really
// inflates and stops at the budget, so a few hundred kilobytes cannot push the process by hundreds of megabytes.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportFormatError } from '../../../../../src/main/features/imports/jsonRows';
import { readTable } from '../../../../../src/main/features/imports/readTable';
import { bombWorkbook, craftZip, oneSheetWorkbook } from '../../../../support/craftedXlsx';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
let child = '';

beforeAll(() => {
  child = join(tempDir(), 'xlsxBombChild.cjs');
  buildSync({ entryPoints: [resolve('tests/support/xlsxBombChild.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: child, logLevel: 'error' });
});

function readInChild(megabytes: number, declared: number, budget: number): { archiveBytes: number; growthMb: number; ms: number; error?: string } {
  const run = spawnSync(process.execPath, [child, String(megabytes), String(declared), String(budget)], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { archiveBytes: number; growthMb: number; ms: number; error?: string };
}

const MB = 1024 * 1024;

describe('XLSX zip bombs', () => {
  it('a workbook of a few hundred KB whose headers declare 1,122 bytes does not grow the process past the budget', () => {
    const result = readInChild(384, 1122, 1 * MB);
    expect(result.archiveBytes).toBeLessThan(500_000);
    expect(result.growthMb).toBeLessThan(48);
    expect(result.error).toMatch(/^ImportFormatError: .*(more than its ZIP headers declare|over the limit)/);
  }, 180_000);

  it('headers that lie within the budget are caught by the real count as well', async () => {
    // Declares 4 KB for a sheet of 40 MB, under a 16 MB budget: the archive's own total looks harmless.
    const bytes = await craftZip(bombWorkbook(40 * MB, 4096));
    await expect(readTable('export.xlsx', bytes, { maxInflatedBytes: 16 * MB })).rejects.toThrow(ImportFormatError);
    await expect(readTable('export.xlsx', bytes, { maxInflatedBytes: 16 * MB })).rejects.toThrow(/more than its ZIP headers declare/);
  }, 60_000);

  it('an honest workbook that inflates past the budget is refused before inflating, one within it reads', async () => {
    const honest = await craftZip(bombWorkbook(40 * MB));
    await expect(readTable('export.xlsx', honest, { maxInflatedBytes: 16 * MB })).rejects.toThrow(/would unpack to 42 MB, over the 17 MB limit/);
    const table = await readTable('export.xlsx', honest, { maxInflatedBytes: 64 * MB });
    expect(table.headers).toEqual(['boum']);
  }, 60_000);

  it('the budget counts every part read, not one entry at a time', async () => {
    const strings = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${'é'.repeat(200)}</t></is></c></row>`).join('');
    const bytes = await craftZip(oneSheetWorkbook(strings));
    await expect(readTable('export.xlsx', bytes, { maxInflatedBytes: 600_000 })).rejects.toThrow(/over the/);
    expect((await readTable('export.xlsx', bytes, { maxInflatedBytes: 2 * MB })).rows.length).toBe(1999);
  });

  it('a small sheet that spreads one cell per row to the last column is refused, not padded into memory', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="ZZZ${i + 1}"><v>1</v></c></row>`).join('');
    const bytes = await craftZip(oneSheetWorkbook(rows));
    expect(bytes.length).toBeLessThan(200_000);
    await expect(readTable('sparse.xlsx', bytes, { maxInflatedBytes: 16 * MB })).rejects.toThrow(/spreads over more than 1677721 cells/);
  });
});
