// One alert opened by its address (#/alerts/<id>), read from the backend as it stands now: an incident's
// link shows whether the alert is still ongoing and who answered it, even when it is long gone from the list.
import { Alert, Anchor, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppFailure } from '../../../../shared/contract/envelope';
import { useAlert } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { AlertRow } from './AlertRow';

export function AlertDetail({ alertId }: { alertId: number }) {
  const { t } = useTranslation();
  const alert = useAlert(useWorkspaceId(), alertId);
  const gone = alert.error instanceof AppFailure && alert.error.code === 'NOT_FOUND';
  return (
    <Stack data-testid="alert-detail">
      <Anchor href="#/alerts" size="sm" display="inline-flex" style={{ alignItems: 'center', alignSelf: 'flex-start', gap: 4 }} data-testid="alerts-all">
        <IconArrowLeft size={14} aria-hidden />
        {t('detection.alerts.all')}
      </Anchor>
      {gone ? (
        <Alert color="gray" data-testid="alert-gone">
          {t('detection.alerts.notFound')}
        </Alert>
      ) : (
        <QueryState query={alert}>{(a) => <AlertRow alert={a} expanded />}</QueryState>
      )}
    </Stack>
  );
}
