// Words a failed call: the code's translation plus the backend's precise message.
import type { TFunction } from 'i18next';
import { AppFailure } from '../../../shared/contract/envelope';

export const errorMessage = (error: Error, t: TFunction): string =>
  error instanceof AppFailure ? `${t(`errors.${error.code}`)} ${error.message}` : error.message;
