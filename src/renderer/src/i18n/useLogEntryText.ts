// The text of a crisis-log entry for this reader: entries Tocsin wrote are worded again in the reader's
// language from their code and data; people's entries are shown as they wrote them.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { wordSystemEntry } from '../../../shared/crisisLog/wordSystemEntry';
import type { LogEntry } from '../../../shared/domain/crisisLog';

export function useLogEntryText(): (entry: Pick<LogEntry, 'kind' | 'body' | 'systemCode' | 'data'>) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  return useCallback(
    (entry) => (entry.kind === 'system' ? (wordSystemEntry(entry.systemCode, entry.data, language) ?? entry.body) : entry.body),
    [language],
  );
}
