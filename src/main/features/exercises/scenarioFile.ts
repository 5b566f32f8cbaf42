// Reading a scenario script a cell wrote (JSON or YAML): hostile input in, a validated script or every problem
// by path out, nothing stored on failure.
import { parse as parseYaml } from 'yaml';
import { SCENARIO_SCRIPT_FORMAT, SCENARIO_SCRIPT_VERSION, scenarioScriptSchema, type ScenarioScript } from '../../../shared/domain/scenarioScript';
import { formatIssuePath } from '../plan';
import { failure, issue } from '../../platform/i18n/failure';
import { wordedIssues } from '../../platform/i18n/zodIssues';

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
      const detail = (error as Error).message.slice(0, 300);
      throw failure('INVALID_INPUT', 'exercises.failures.notJsonNorYaml', { detail }, [{ path: '(file)', message: detail }]);
    }
  }
}

export function parseScenarioFile(content: string): ScenarioScript {
  if (Buffer.byteLength(content, 'utf8') > SCENARIO_FILE_MAX_BYTES) {
    throw failure('PAYLOAD_TOO_LARGE', 'exercises.failures.fileTooLarge', { limit: SCENARIO_FILE_MAX_BYTES / 1024 / 1024 });
  }
  const data = parseText(content);
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (!record || record.format !== SCENARIO_SCRIPT_FORMAT) {
    throw failure('INVALID_INPUT', 'exercises.failures.notAScenario', { format: SCENARIO_SCRIPT_FORMAT }, [
      issue('format', 'exercises.failures.expectedFormat', { format: SCENARIO_SCRIPT_FORMAT }),
    ]);
  }
  if (typeof record.formatVersion === 'number' && record.formatVersion > SCENARIO_SCRIPT_VERSION) {
    const versions = { version: record.formatVersion, supported: SCENARIO_SCRIPT_VERSION };
    throw failure('INVALID_INPUT', 'exercises.failures.newerFormat', versions, [issue('formatVersion', 'exercises.failures.newerVersion', versions)]);
  }
  const result = scenarioScriptSchema.safeParse(record);
  if (!result.success) {
    const issues = wordedIssues(result.error, formatIssuePath).slice(0, MAX_ISSUES);
    throw failure('INVALID_INPUT', 'exercises.failures.problems', { count: result.error.issues.length }, issues);
  }
  return result.data;
}
