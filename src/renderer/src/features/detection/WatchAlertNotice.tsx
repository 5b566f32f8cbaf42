// On a watch's own screens (the dashboard): when the watch is in an open alert, say so and offer its why-card
// and its incident.
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLevelOverview } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { AlertIncidentButton } from '../incidents/AlertIncidentButton';
import { alertHash } from './alertRoute';
import { levelBadgeColors } from './levelColors';

export function WatchAlertNotice({ watchId }: { watchId: number }) {
  const { t, i18n } = useTranslation();
  const overview = useLevelOverview(useWorkspaceId());
  const alert = overview.data?.watches.find((w) => w.watchId === watchId)?.alert;
  if (!alert) return null;
  return (
    <Paper withBorder p="sm" data-testid="watch-alert-notice">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Badge {...levelBadgeColors(alert.level)} variant="filled">
            {t(`detection.level.${alert.level}`)}
          </Badge>
          <Text size="sm" fw={600}>
            {t('detection.inAlert.notice', { watch: alert.watchName, level: t(`detection.level.${alert.level}`), time: formatDateTime(alert.openedAt, i18n.language) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" component="a" href={alertHash(alert.id)} data-testid="watch-alert-why">
            {t('detection.banner.why')}
          </Button>
          <AlertIncidentButton alert={alert} />
        </Group>
      </Group>
    </Paper>
  );
}
