// Failures main reports to people, worded from the catalogues: the English text goes to logs and to callers that
// show text as it comes; the key and values travel with it so each screen words it in its reader's language.
import { AppFailure, fail, type AppError, type ErrorCode, type Result, type Wording } from '../../../shared/contract/envelope';
import { translator } from './translator';

export type WordingValues = NonNullable<Wording['values']>;

const en = translator('en');

/** A catalogue sentence in English, for text that has no reader yet: logs, HTTP bodies, stored fallbacks. */
export const inEnglish = (key: string, values?: WordingValues): string => en(key, values ?? {});

/** One problem of an input, at its path, worded like a failure. */
export const issue = (path: string, key: string, values?: WordingValues): NonNullable<AppError['issues']>[number] => ({
  path,
  message: inEnglish(key, values),
  wording: values ? { key, values } : { key },
});

export function failure(code: ErrorCode, key: string, values?: WordingValues, issues?: AppError['issues']): AppFailure {
  return new AppFailure(code, inEnglish(key, values), issues, values ? { key, values } : { key });
}

/** The same failure as a Result, for the paths that answer without throwing. */
export function failed(code: ErrorCode, key: string, values?: WordingValues): Result<never> {
  const { message, wording } = failure(code, key, values);
  return fail(code, message, undefined, wording);
}
