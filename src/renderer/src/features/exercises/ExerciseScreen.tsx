// The exercise area: create an exercise workspace, open one in this window, go back to live.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIVE_WORKSPACE_ID } from '../../../../shared/domain/workspace';
import { useCreateExercise, useExerciseRun, useWorkspaces } from '../../api/hooks/useExercises';
import { useSwitchWorkspace, useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { DebriefPanel } from './DebriefPanel';
import { DirectorConsole } from './DirectorConsole';
import { TestDestinationsPanel } from './TestDestinationsPanel';
import { LessonsForm } from './LessonsForm';
import { errorMessage } from '../../i18n/errorMessage';

export function ExerciseScreen() {
  const { t, i18n } = useTranslation();
  const workspaces = useWorkspaces();
  const current = useWorkspaceId();
  const switchTo = useSwitchWorkspace();
  const create = useCreateExercise();
  const [name, setName] = useState('');
  const currentExercise = workspaces.data?.find((ws) => ws.id === current && ws.kind === 'exercise');
  const run = useExerciseRun(current);

  return (
    <Stack data-testid="screen-exercise" maw={980}>
      <div>
        <Title order={2}>{t('exercises.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('exercises.subtitle')}
        </Text>
      </div>
      {currentExercise && (
        <Alert color="orange" data-testid="exercise-current">
          <Group justify="space-between">
            <Text size="sm">{t('exercises.inExercise', { name: currentExercise.settings.displayName })}</Text>
            <Button size="xs" variant="white" color="orange" onClick={() => switchTo(LIVE_WORKSPACE_ID)} data-testid="exercise-back-to-live">
              {t('exercises.backToLive')}
            </Button>
          </Group>
        </Alert>
      )}
      {currentExercise && <DirectorConsole workspaceId={currentExercise.id} />}
      {currentExercise && <TestDestinationsPanel workspaceId={currentExercise.id} />}
      {currentExercise && run.data && <DebriefPanel workspaceId={currentExercise.id} />}
      {currentExercise && run.data && <LessonsForm workspaceId={currentExercise.id} />}
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(name, {
              onSuccess: (workspace) => {
                setName('');
                switchTo(workspace.id);
                notifications.show({ message: t('exercises.created'), color: 'orange' });
              },
            });
          }}
        >
          <Title order={4} mb="sm">
            {t('exercises.newTitle')}
          </Title>
          <Group align="flex-end">
            <TextInput
              label={t('exercises.name')}
              placeholder={t('exercises.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={420}
              data-testid="exercise-name"
            />
            <Button type="submit" disabled={!name.trim()} loading={create.isPending} data-testid="exercise-create">
              {t('exercises.create')}
            </Button>
          </Group>
          {create.error && (
            <Alert color="red" mt="sm">
              {errorMessage(create.error, t)}
            </Alert>
          )}
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('exercises.listTitle')}
        </Title>
        <QueryState query={workspaces}>
          {(list) => {
            const exercises = list.filter((ws) => ws.kind === 'exercise');
            if (!exercises.length) return <Text c="dimmed">{t('exercises.empty')}</Text>;
            return (
              <Table verticalSpacing="xs" data-testid="exercise-list">
                <Table.Tbody>
                  {exercises.map((ws) => (
                    <Table.Tr key={ws.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Badge color="orange" variant="filled">
                            {t('app.exerciseMark')}
                          </Badge>
                          <Text fw={600}>{ws.settings.displayName}</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {t('exercises.createdAt', { date: formatDateTime(ws.createdAt, i18n.language) })}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {ws.id === current ? (
                          <Badge variant="light">{t('exercises.current')}</Badge>
                        ) : (
                          <Button size="xs" variant="light" onClick={() => switchTo(ws.id)}>
                            {t('exercises.open')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          }}
        </QueryState>
      </Paper>
    </Stack>
  );
}
