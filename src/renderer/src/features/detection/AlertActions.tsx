// Acknowledge or dismiss an alert, a dismissal with its reason (both go to the crisis log), and open its
// incident whatever the alert's state.
import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain/detection';
import { useAlertStatus } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { AlertIncidentButton } from '../incidents/AlertIncidentButton';

export function AlertActions({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const status = useAlertStatus(useWorkspaceId());
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  if (alert.status === 'dismissed') {
    return (
      <Group gap="xs">
        <AlertIncidentButton alert={alert} variant="light" />
      </Group>
    );
  }
  return (
    <Group gap="xs" align="flex-end">
      <AlertIncidentButton alert={alert} />
      {alert.status === 'open' && (
        <Button size="xs" variant="light" loading={status.isPending} onClick={() => status.mutate({ alertId: alert.id, action: 'acknowledge' })} data-testid={`alert-ack-${alert.id}`}>
          {t('detection.alerts.acknowledge')}
        </Button>
      )}
      {dismissing ? (
        <>
          <TextInput size="xs" label={t('detection.alerts.dismissReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid={`alert-reason-${alert.id}`} />
          <Button
            size="xs"
            color="gray"
            disabled={reason.trim() === ''}
            loading={status.isPending}
            onClick={() => status.mutate({ alertId: alert.id, action: 'dismiss', reason }, { onSuccess: () => setDismissing(false) })}
            data-testid={`alert-dismiss-confirm-${alert.id}`}
          >
            {t('detection.alerts.dismissConfirm')}
          </Button>
        </>
      ) : (
        <Button size="xs" variant="subtle" color="gray" onClick={() => setDismissing(true)} data-testid={`alert-dismiss-${alert.id}`}>
          {t('detection.alerts.dismiss')}
        </Button>
      )}
    </Group>
  );
}
