// Words a problem reported by main in the reader's language; a problem main could not name stays as it came.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthMessage } from '../../../shared/domain/healthMessage';

export function useHealthText(): (message: HealthMessage | null | undefined, fallback: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (message, fallback) => (message ? t(`health.${message.key}`, { ...message.params, interpolation: { escapeValue: false } }) : (fallback ?? '')),
    [t],
  );
}
