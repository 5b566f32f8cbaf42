// What the players see and do, as the director follows it: the latest crisis-log entries of the exercise.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { useCrisisLog } from '../../api/hooks/useCrisisLog';

const SHOWN = 12;

export function PlayerActivity({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const log = useCrisisLog(workspaceId, { limit: 2000 });
  const latest = [...(log.data ?? [])].sort((a, b) => b.enteredAt.localeCompare(a.enteredAt)).slice(0, SHOWN);
  return (
    <Paper withBorder p="md" data-testid="director-activity">
      <Title order={5}>{t('exercises.director.activity')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('exercises.director.activityHelp')}
      </Text>
      {latest.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('exercises.director.activityEmpty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {latest.map((entry) => (
            <Group key={entry.id} gap="xs" wrap="nowrap" align="flex-start">
              <Badge size="sm" variant="light" w={110} style={{ flexShrink: 0 }}>
                {t(`incidents.log.kind.${entry.kind}`)}
              </Badge>
              <Text size="sm" lineClamp={2}>
                <b>{entry.author}</b> — {entry.body}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
