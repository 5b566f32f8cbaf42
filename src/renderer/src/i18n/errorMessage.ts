// Words a failed call for the reader: the error code in their language, then the backend's precise message
// (English, as the backend writes it), so a French screen never shows a bare English sentence.
import type { TFunction } from 'i18next';
import { AppFailure } from '../../../shared/contract/envelope';

export const errorMessage = (error: Error, t: TFunction): string =>
  error instanceof AppFailure ? `${t(`errors.${error.code}`)} ${error.message}` : error.message;
