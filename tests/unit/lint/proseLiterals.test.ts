// Must show #3: every sentence main writes for people comes from the FR/EN catalogues. The scan reads src/main
// with the TypeScript compiler and fails on any string or template literal that reads as prose outside the
// places where words are not for people (logger calls, internal Errors, SQL, imports, keys, types).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proseLiterals, sourceFiles } from '../../support/prose/proseLiterals';
import { repoPath } from '../../support/paths';

const ROOT = repoPath('.');
/**
 * Files whose words are not Tocsin speaking: simulated posts of the demo and the detection scenarios, and the
 * column names of the agencies' export formats, matched as written.
 */
const NOT_TOCSIN_SPEAKING = new Set([
  'src/main/features/detection/scenarios/scenarioTexts.ts',
  'src/main/features/detection/scenarios/scenarioGenerator.ts',
  'src/main/features/demo/demoTimeline.ts',
  'src/main/features/demo/demoVoice.ts',
  'src/main/features/imports/presets.ts',
]);
const SQL_FILE = /Repository\.ts$|\/migrations\//;

/**
 * Sentences still written in code, per file, when this test was written (mostly AppFailure messages). A file
 * may only go down: adding a sentence, or a file, fails; fixing one means lowering its number here.
 */
const STILL_IN_CODE: Record<string, number> = JSON.parse(readFileSync(repoPath('tests/unit/lint/proseStillInCode.json'), 'utf8'));

function mainProse() {
  return sourceFiles(repoPath('src/main'))
    .flatMap((file) => proseLiterals(file, ROOT))
    .filter((p) => !NOT_TOCSIN_SPEAKING.has(p.file) && !SQL_FILE.test(p.file));
}

describe('sentences for people in src/main', () => {
  it('finds a sentence written in code, and leaves logger lines, internal errors, keys and types alone', () => {
    const found = proseLiterals(repoPath('tests/fixtures/prose/violation.ts'), ROOT);
    expect(found.map((p) => [p.line, p.text])).toEqual([[9, 'The name x is already taken.']]);
  });

  it('adds none outside the catalogues, file by file', () => {
    const counts = new Map<string, number>();
    for (const p of mainProse()) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
    const over = [...counts].filter(([file, n]) => n > (STILL_IN_CODE[file] ?? 0));
    const detail = mainProse()
      .filter((p) => over.some(([file]) => file === p.file))
      .map((p) => `${p.file}:${p.line} ${JSON.stringify(p.text)}`);
    expect(detail, 'put these sentences in the FR and EN catalogues (src/shared/i18n) and word them with main’s translator').toEqual([]);
    const stale = Object.entries(STILL_IN_CODE).filter(([file, n]) => (counts.get(file) ?? 0) < n);
    expect(stale, 'sentences were moved to the catalogues: lower these counts in proseStillInCode.json').toEqual([]);
  });
});
