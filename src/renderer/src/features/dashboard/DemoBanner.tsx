// Says plainly that the demo watch is simulated data, with the one button that stops it for good.
import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDemoStatus, useStopDemo } from '../../api/hooks/useDashboard';
import { useWorkspaceId } from '../../app/WorkspaceContext';

export function DemoBanner() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const status = useDemoStatus(workspaceId);
  const stop = useStopDemo(workspaceId);
  if (status.data?.state !== 'running') return null;
  return (
    <Alert color="violet" variant="filled" data-testid="demo-banner" p="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{t('dashboard.demo.banner', { watch: status.data.watchName ?? '' })}</Text>
        <Button
          color="white"
          variant="white"
          c="violet.9"
          style={{ flexShrink: 0 }}
          onClick={() => stop.mutate()}
          loading={stop.isPending}
          data-testid="demo-stop"
        >
          {t('dashboard.demo.stop')}
        </Button>
      </Group>
    </Alert>
  );
}

/** Marks the demo watch wherever it is picked. */
export function DemoBadge({ watchId }: { watchId: number | null }) {
  const { t } = useTranslation();
  const status = useDemoStatus(useWorkspaceId());
  if (watchId === null || status.data?.watchId !== watchId) return null;
  return (
    <Badge color="violet" size="lg" radius="sm" data-testid="demo-badge">
      {t('dashboard.demo.badge')}
    </Badge>
  );
}
