// Reading a scenario script a cell wrote (JSON or YAML): hostile input in, a validated script or every problem
// by path out, nothing stored on failure.
import { parse as parseYaml } from 'yaml';
import { AppFailure } from '../../../shared/contract/envelope';
import { SCENARIO_SCRIPT_FORMAT, SCENARIO_SCRIPT_VERSION, scenarioScriptSchema, type ScenarioScript } from '../../../shared/domain/scenarioScript';
import { formatIssuePath } from '../plan';

/** The shipped two-hour scripts are ~30 kB; this leaves room for long ones and stops a hostile file early. */
export const SCENARIO_FILE_MAX_BYTES = 2 * 1024 * 1024;
const MAX_ISSUES = 100;

function parseText(content: string): unknown {
  const text = content.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    try {
      // YAML is a superset of JSON; a script written by hand is often YAML. Aliases are capped against bombs.
      return parseYaml(text, { maxAliasCount: 100 });
    } catch (error) {
      throw new AppFailure('INVALID_INPUT', `This file is neither JSON nor YAML: ${(error as Error).message.slice(0, 300)}`, [
        { path: '(file)', message: (error as Error).message.slice(0, 300) },
      ]);
    }
  }
}

export function parseScenarioFile(content: string): ScenarioScript {
  if (Buffer.byteLength(content, 'utf8') > SCENARIO_FILE_MAX_BYTES) {
    throw new AppFailure('PAYLOAD_TOO_LARGE', `This scenario file is larger than ${SCENARIO_FILE_MAX_BYTES / 1024 / 1024} MB.`);
  }
  const data = parseText(content);
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (!record || record.format !== SCENARIO_SCRIPT_FORMAT) {
    throw new AppFailure('INVALID_INPUT', `This file is not a Tocsin exercise scenario (missing "format": "${SCENARIO_SCRIPT_FORMAT}").`, [
      { path: 'format', message: `expected "${SCENARIO_SCRIPT_FORMAT}"` },
    ]);
  }
  if (typeof record.formatVersion === 'number' && record.formatVersion > SCENARIO_SCRIPT_VERSION) {
    throw new AppFailure(
      'INVALID_INPUT',
      `This scenario was written for a newer version of Tocsin (formatVersion ${record.formatVersion}); this version reads up to ${SCENARIO_SCRIPT_VERSION}. Nothing was imported.`,
      [{ path: 'formatVersion', message: `version ${record.formatVersion} is newer than ${SCENARIO_SCRIPT_VERSION}` }],
    );
  }
  const result = scenarioScriptSchema.safeParse(record);
  if (!result.success) {
    const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
    throw new AppFailure('INVALID_INPUT', `This scenario has ${result.error.issues.length} problem(s); nothing was imported.`, issues);
  }
  return result.data;
}
