// How a plain-Node entry (browser mode, the relay) ends when it cannot start: one line on stderr, exit code 1. A
// data folder held by another Tocsin is worded in the machine's language, since that is the message people meet.
import { DataFolderInUse } from '../platform/db/dataFolderLock';
import { inEnglish } from '../platform/i18n/failure';

export function exitOnStartupFailure(error: unknown): never {
  const message =
    error instanceof DataFolderInUse
      ? error.wording(Intl.DateTimeFormat().resolvedOptions().locale.startsWith('fr') ? 'fr' : 'en').text
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${inEnglish('platform.startup.couldNotStart', { detail: message })}\n`);
  process.exit(1);
}
