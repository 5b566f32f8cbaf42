// Property-based fuzzing of the file-import readers: any bytes under any file name parse or fail with a
// clear error; nothing else escapes.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFormatError } from '../../../src/main/features/imports/jsonRows';
import { readTable } from '../../../src/main/features/imports/readTable';
import { cleanFailure, FUZZ_RUNS, FuzzTally } from '../../support/fuzz';
import { repoPath } from '../../support/paths';

const names = fc.constantFrom('export.csv', 'export.tsv', 'export.txt', 'mentions.json', 'mentions.ndjson', 'talkwalker.xlsx', 'noext');
const csvish = fc
  .array(
    fc.array(fc.oneof(fc.string(), fc.constantFrom('"', '""', ';', ',', '\t', '\r\n', 'é', '\u202e', '\u200b', '=cmd|x')), { maxLength: 8 }),
    { maxLength: 12 },
  )
  .map((rows) => rows.map((r) => r.join(fc.sample(fc.constantFrom(',', ';', '\t'), 1)[0])).join('\n'));
const jsonish = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify({ mentions: Array.isArray(v) ? v : [v] })),
  fc.array(fc.jsonValue(), { maxLength: 20 }).map((a) => a.map((v) => JSON.stringify(v)).join('\n')),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  csvish.map((s) => new TextEncoder().encode(s)),
  jsonish.map((s) => new TextEncoder().encode(s)),
  // A zip header in front of garbage: the XLSX reader must refuse it cleanly.
  fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
);

describe('import readers under fuzzing', () => {
  it('parse or reject cleanly', { timeout: 600_000 }, async () => {
    const tally = new FuzzTally();
    await fc.assert(
      fc.asyncProperty(names, bytes, async (name, data) => {
        try {
          const table = await readTable(name, data, { maxInflatedBytes: 5_000_000 });
          expect(Array.isArray(table.rows)).toBe(true);
          tally.accepted++;
        } catch (error) {
          if (!cleanFailure(error, ImportFormatError)) throw error;
          tally.rejected++;
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.log(tally.report('import readers'));
    expect(tally.accepted + tally.rejected).toBeGreaterThanOrEqual(FUZZ_RUNS);
  });

  it('real workbooks with bytes flipped, cut or spliced: read or refused cleanly', { timeout: 600_000 }, async () => {
    const workbooks = ['brandwatch.xlsx', 'cells.xlsx'].map((name) => new Uint8Array(readFileSync(repoPath('tests/fixtures/xlsx', name))));
    const damaged = fc
      .tuple(
        fc.constantFrom(...workbooks),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        fc.option(fc.nat(), { nil: undefined }),
      )
      .map(([workbook, flips, cut]) => {
        const bytes = workbook.slice(0, cut === undefined ? undefined : cut % (workbook.length + 1));
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        return bytes;
      });
    const tally = new FuzzTally();
    await fc.assert(
      fc.asyncProperty(damaged, async (data) => {
        try {
          const table = await readTable('export.xlsx', data, { maxInflatedBytes: 5_000_000 });
          expect(Array.isArray(table.rows)).toBe(true);
          tally.accepted++;
        } catch (error) {
          if (!cleanFailure(error, ImportFormatError)) throw error;
          tally.rejected++;
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.log(tally.report('damaged workbooks'));
    expect(tally.accepted + tally.rejected).toBeGreaterThanOrEqual(FUZZ_RUNS);
  });
});
