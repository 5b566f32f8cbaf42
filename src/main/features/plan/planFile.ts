// Reading and writing a crisis plan file: hostile input in, a validated plan or every problem by path out.
import {
  PLAN_FORMAT,
  PLAN_FORMAT_VERSION,
  PLAN_SCHEMA_VERSION,
  crisisPlanSchema,
  type CrisisPlan,
} from '../../../shared/domain/plan';
import { failure, issue } from '../../platform/i18n/failure';
import { wordedIssues } from '../../platform/i18n/zodIssues';

/** Far above any real plan (the default one is ~100 kB); stops a hostile file before JSON.parse. */
export const PLAN_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** Issues are capped so a garbage file does not produce an unreadable wall of messages. */
const MAX_ISSUES = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map((part) => String(part)).join('.');
}

export function parsePlanFile(content: string): CrisisPlan {
  if (Buffer.byteLength(content, 'utf8') > PLAN_FILE_MAX_BYTES) {
    throw failure('PAYLOAD_TOO_LARGE', 'plan.failures.fileTooLarge', { limit: PLAN_FILE_MAX_BYTES / 1024 / 1024 });
  }
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw failure('INVALID_INPUT', 'plan.failures.notJson', { detail: (error as Error).message }, [{ path: '(file)', message: (error as Error).message }]);
  }
  if (!isRecord(data) || data.format !== PLAN_FORMAT) {
    throw failure('INVALID_INPUT', 'plan.failures.notAPlan', { format: PLAN_FORMAT }, [issue('format', 'plan.failures.expectedFormat', { format: PLAN_FORMAT })]);
  }
  for (const [key, supported] of [
    ['formatVersion', PLAN_FORMAT_VERSION],
    ['schemaVersion', PLAN_SCHEMA_VERSION],
  ] as const) {
    const version = data[key];
    if (typeof version === 'number' && version > supported) {
      throw failure('INVALID_INPUT', 'plan.failures.newerVersion', { field: key, version, supported }, [
        issue(key, 'plan.failures.newerVersionIssue', { version, supported }),
      ]);
    }
  }
  const result = crisisPlanSchema.safeParse(data);
  if (!result.success) {
    const issues = wordedIssues(result.error, formatIssuePath).slice(0, MAX_ISSUES);
    const count = result.error.issues.length;
    throw count > MAX_ISSUES
      ? failure('INVALID_INPUT', 'plan.failures.errorsShown', { count, shown: MAX_ISSUES }, issues)
      : failure('INVALID_INPUT', 'plan.failures.errors', { count }, issues);
  }
  return result.data;
}

/** Stable, human-diffable text: the same plan always gives the same bytes. */
export function serializePlan(plan: CrisisPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function planFileName(plan: CrisisPlan, exercise: boolean): string {
  const org = plan.metadata.organisation
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40);
  const version = plan.metadata.version.replace(/[^a-zA-Z0-9.]+/g, '-');
  return `${exercise ? 'EXERCISE-' : ''}crisis-plan-${org || 'plan'}-${version}.json`;
}
