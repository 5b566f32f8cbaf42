// Must show #3: every sentence main writes for people comes from the FR/EN catalogues. The scan reads src/main
// with the TypeScript compiler and fails on any string or template literal that reads as prose outside the
// places where words are not for people (logger calls, internal Errors, SQL, imports, keys, types).
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
 * Literals that read as words but are read by machines, each named by the start of its text: a font family, the
 * macOS folder name, a content security policy, a certificate subject, French stop words the detection skips, and
 * an agency's value matched as written.
 */
const FOR_MACHINES: Record<string, readonly string[]> = {
  'src/main/features/reports/reportCharts.ts': ['DejaVu Sans'],
  'src/main/platform/paths.ts': ['Application Support'],
  'src/main/server/staticFiles.ts': ["img-src 'self'"],
  'src/main/platform/sync/cellCertificates.ts': ['CN=Tocsin cell '],
  'src/main/features/detection/engine/vocabularyMatcher.ts': ['avec dans pour plus mais'],
  'src/main/features/imports/agencyFields.ts': ['non verifie'],
};
const forMachines = (file: string, text: string): boolean => (FOR_MACHINES[file] ?? []).some((start) => text.startsWith(start));

function mainProse() {
  return sourceFiles(repoPath('src/main'))
    .flatMap((file) => proseLiterals(file, ROOT))
    .filter((p) => !NOT_TOCSIN_SPEAKING.has(p.file) && !SQL_FILE.test(p.file) && !forMachines(p.file, p.text));
}

describe('sentences for people in src/main', () => {
  it('finds a sentence written in code, and leaves logger lines, internal errors, keys and types alone', () => {
    const found = proseLiterals(repoPath('tests/fixtures/prose/violation.ts'), ROOT);
    expect(found.map((p) => [p.line, p.text])).toEqual([[9, 'The name x is already taken.']]);
  });

  it('finds none outside the catalogues', () => {
    const found = mainProse().map((p) => `${p.file}:${p.line} ${JSON.stringify(p.text)}`);
    expect(found, 'put these sentences in the FR and EN catalogues (src/shared/i18n) and word them with main’s translator').toEqual([]);
  });
});
