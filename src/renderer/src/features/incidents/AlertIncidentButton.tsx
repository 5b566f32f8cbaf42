// "Open an incident" from an alert, wherever the alert is shown and whatever its state; an alert that already
// has its incident opens that incident instead of a second one.
import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain/detection';
import { useIncidentList } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { OpenIncidentModal } from './OpenIncidentModal';
import { incidentHash } from './useIncidentRoute';

export function AlertIncidentButton({ alert, ...button }: { alert: Alert } & Pick<ButtonProps, 'size' | 'variant' | 'color' | 'c'>) {
  const { t } = useTranslation();
  const incidents = useIncidentList(useWorkspaceId());
  const [opening, setOpening] = useState(false);
  // Databases from before migration 0028 may have handed a deleted watch's alert id to a new alert: the alert is
  // also recognised by when it was raised.
  const existing = incidents.data?.find((incident) => incident.alert?.alertId === String(alert.id) && incident.alert.raisedAt === alert.openedAt);
  if (existing) {
    return (
      <Button size="xs" {...button} component="a" href={incidentHash(existing.id)} data-testid={`incident-of-alert-${alert.id}`}>
        {t('incidents.alerts.openItsIncident')}
      </Button>
    );
  }
  return (
    <>
      <Button size="xs" {...button} onClick={() => setOpening(true)} data-testid={`open-from-alert-${alert.id}`}>
        {t('incidents.alerts.openIncident')}
      </Button>
      {opening && (
        <OpenIncidentModal opened alert={alert} onClose={() => setOpening(false)} onOpened={(id) => void (window.location.hash = incidentHash(id))} />
      )}
    </>
  );
}
