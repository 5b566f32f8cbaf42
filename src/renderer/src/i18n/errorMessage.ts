// Words a failed call for the reader: the error code in their language, then the backend's precise message,
// worded again from its catalogue key when it has one (else as the backend wrote it, in English), so a French
// screen never shows a bare English sentence.
import type { TFunction } from 'i18next';
import { AppFailure } from '../../../shared/contract/envelope';
import type { Wording } from '../../../shared/domain/wording';

export const errorMessage = (error: Error, t: TFunction): string =>
  error instanceof AppFailure ? `${t(`errors.${error.code}`)} ${failureText(error, t)}` : error.message;

/** The precise message alone, in the reader's language when the backend sent its catalogue key. */
export const failureText = (error: AppFailure, t: TFunction): string =>
  error.wording ? t(error.wording.key, error.wording.values ?? {}) : error.message;

/** The problems of a refused input in the reader's language; a failure that names none is its own problem. */
export const issueTexts = (error: AppFailure, t: TFunction): { path: string; message: string }[] =>
  (error.issues ?? [{ path: '(file)', message: error.message, wording: error.wording }]).map((issue) => ({
    path: issue.path,
    message: issue.wording ? t(issue.wording.key, issue.wording.values ?? {}) : issue.message,
  }));

/** A text main reported beside its catalogue key, in the reader's language when the key came with it. */
export const wordedText = (text: string, wording: Wording | undefined, t: TFunction): string =>
  wording ? t(wording.key, wording.values ?? {}) : text;
