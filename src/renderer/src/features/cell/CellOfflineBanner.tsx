// Shown on every screen while this laptop is in a cell but linked to none of the other laptops: since when, and
// how many of its changes wait to be sent. It goes as soon as a link is back (a `cell:changed` push).
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCellStatus } from '../../api/hooks/useCell';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatContactTime } from './contactTime';

export function CellOfflineBanner({ onOpen }: { onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const cell = useCellStatus(useWorkspaceId()).data?.cell;
  if (!cell?.cutOff) return null;
  const count = cell.waitingChanges;
  const since = cell.cutOff.since;
  return (
    <Alert color="#8f4500" variant="filled" mb="md" icon={<IconPlugConnectedX aria-hidden />} data-testid="cell-offline-banner" role="status">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} data-testid="cell-offline-text">
          {since ? t('cell.banner.since', { time: formatContactTime(since, i18n.language), count }) : t('cell.banner.never', { count })}
        </Text>
        <Button size="xs" variant="white" color="dark" onClick={onOpen}>
          {t('cell.banner.open')}
        </Button>
      </Group>
    </Alert>
  );
}
