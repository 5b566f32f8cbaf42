// Tells every window showing an incident that the cell was just mobilised.
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/domain/incident';
import { windowHasFocus } from '../desktopAlerts/inWindowNotice';

/**
 * Every window showing the incident hears of a new mobilisation through the pushed refresh: an in-app
 * notice, and a desktop notification where the person allowed them and is not looking at this window. Permission
 * is asked only from the Settings screen, when the reader chooses to.
 */
export function useMobilisationNotice(detail: IncidentDetail): void {
  const { t } = useTranslation();
  const seen = useRef<string | null | undefined>(undefined);
  const id = detail.mobilisation?.id ?? null;
  useEffect(() => {
    if (seen.current === undefined || seen.current === id || id === null) {
      seen.current = id;
      return;
    }
    seen.current = id;
    const message = t('incidents.mobilisedNotice', { title: detail.title, count: detail.mobilisation?.people.length ?? 0 });
    notifications.show({ color: 'red', title: t('incidents.mobilise'), message, closeButtonProps: { 'aria-label': t('incidents.dismiss') } });
    if (!windowHasFocus() && typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification('Tocsin', { body: message });
  }, [id, detail.title, detail.mobilisation?.people.length, t]);
}
