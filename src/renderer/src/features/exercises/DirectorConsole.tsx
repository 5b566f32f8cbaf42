// The exercise director's console: start a scripted scenario, drive the game clock, fire injects and
// add pressure, and watch what has been played.
import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  NumberInput,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseRun, PressureInject, RunInject } from '../../../../shared/contract/exercises';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import { personaKindSchema, type PersonaKind } from '../../../../shared/domain/scenarioScript';
import { useExerciseCommands, useExerciseRun, useExerciseScripts, useScenarioFiles } from '../../api/hooks/useExercises';
import { IssueList } from '../../components/IssueList';
import { AppFailure } from '../../../../shared/contract/envelope';
import { QueryState } from '../../components/QueryState';
import { formatGameMinute } from './gameTime';
import { PlayerActivity } from './PlayerActivity';
import { errorMessage, issueTexts } from '../../i18n/errorMessage';

const SPEEDS = [1, 5, 10, 30, 60];
const KIND_COLORS: Record<RunInject['kind'], string> = {
  wave: 'blue',
  post: 'grape',
  pressCall: 'teal',
  internalMessage: 'gray',
  regulatorInquiry: 'red',
  directorNote: 'yellow',
};

export function DirectorConsole({ workspaceId }: { workspaceId: WorkspaceId }) {
  const run = useExerciseRun(workspaceId);
  return <QueryState query={run}>{(current) => (current ? <RunPanel run={current} workspaceId={workspaceId} /> : <StartPanel workspaceId={workspaceId} />)}</QueryState>;
}

function StartPanel({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const scripts = useExerciseScripts();
  const { start } = useExerciseCommands(workspaceId);
  const [scriptId, setScriptId] = useState<string | null>(null);
  const [speed, setSpeed] = useState('60');
  const chosen = scripts.data?.find((s) => s.id === scriptId);
  const files = useScenarioFiles();
  const [problems, setProblems] = useState<{ file: string; issues: { path: string; message: string }[] }>();
  const importFile = async (file: File) => {
    const content = await file.text();
    files.importFile.mutate(content, {
      onSuccess: (summary) => {
        setProblems(undefined);
        setScriptId(summary.id);
      },
      onError: (error) =>
        setProblems({
          file: file.name,
          issues: error instanceof AppFailure ? issueTexts(error, t) : [{ path: '(file)', message: String(error) }],
        }),
    });
  };
  return (
    <Paper withBorder p="md" data-testid="director-start">
      <Title order={4} mb="sm">
        {t('exercises.director.startTitle')}
      </Title>
      <Stack>
        <Select
          label={t('exercises.director.scenario')}
          value={scriptId}
          onChange={setScriptId}
          data={(scripts.data ?? []).map((s) => ({ value: s.id, label: s.custom ? `${s.title[lang]} — ${t('exercises.director.own')}` : s.title[lang] }))}
          data-testid="director-script"
        />
        <Group gap="xs">
          <FileButton onChange={(file) => file && void importFile(file)} accept="application/json,.json,.yaml,.yml,text/yaml">
            {(props) => (
              <Button {...props} variant="light" size="xs" loading={files.importFile.isPending} data-testid="director-import-script">
                {t('exercises.director.importScript')}
              </Button>
            )}
          </FileButton>
          {chosen?.custom && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => window.confirm(t('exercises.director.removeConfirm')) && files.remove.mutate(chosen.id, { onSuccess: () => setScriptId(null) })}
              data-testid="director-remove-script"
            >
              {t('exercises.director.removeScript')}
            </Button>
          )}
        </Group>
        {problems && (
          <IssueList title={t('exercises.director.importProblems', { count: problems.issues.length, file: problems.file })} issues={problems.issues} testId="director-import-issues" />
        )}
        {chosen && (
          <div>
            <Text size="sm">{chosen.description[lang]}</Text>
            <Text size="xs" c="dimmed">
              {t('exercises.director.duration', { minutes: chosen.durationMinutes, count: chosen.injectCount })}
            </Text>
          </div>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('exercises.director.speed')}
          </Text>
          <SegmentedControl value={speed} onChange={setSpeed} data={SPEEDS.map((s) => ({ value: String(s), label: `×${s}` }))} />
        </div>
        <Button
          w="fit-content"
          disabled={!scriptId}
          loading={start.isPending}
          onClick={() => scriptId && start.mutate({ scriptId, speed: Number(speed) })}
          data-testid="director-start-button"
        >
          {t('exercises.director.start')}
        </Button>
        {start.error && <Alert color="red">{errorMessage(start.error, t)}</Alert>}
      </Stack>
    </Paper>
  );
}

/** Advances the displayed clock between two pushed states, without asking the backend. */
function useDisplayedMinute(run: ExerciseRun): number {
  const [now, setNow] = useState(() => Date.now());
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  useEffect(() => setReceivedAt(Date.now()), [run]);
  useEffect(() => {
    if (run.status !== 'running') return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [run.status]);
  const drift = run.status === 'running' ? (Math.max(0, now - receivedAt) / 60_000) * run.speed : 0;
  return Math.min(run.durationMinutes, run.gameMinute + drift);
}

function RunPanel({ run, workspaceId }: { run: ExerciseRun; workspaceId: WorkspaceId }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const { control } = useExerciseCommands(workspaceId);
  const minute = useDisplayedMinute(run);
  const statusColor = run.status === 'running' ? 'green' : run.status === 'paused' ? 'yellow' : 'gray';
  return (
    <Stack data-testid="director-console">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{run.title[lang]}</Title>
            <Group gap="xs" mt={4}>
              <Badge color={statusColor} data-testid="director-status">
                {t(`exercises.director.status.${run.status}`)}
              </Badge>
              <Text size="sm" c="dimmed" data-testid="director-mentions">
                {t('exercises.director.mentions', { count: run.mentionsInjected })}
              </Text>
            </Group>
          </div>
          <div style={{ textAlign: 'right' }}>
            <Text size="xs" c="dimmed">
              {t('exercises.director.clock')}
            </Text>
            <Text fw={700} size="xl" ff="monospace" data-testid="director-clock">
              {formatGameMinute(minute)} / {formatGameMinute(run.durationMinutes)}
            </Text>
          </div>
        </Group>
        <Progress value={(minute / run.durationMinutes) * 100} mt="sm" color="orange" />
        <Group mt="md" justify="space-between">
          <SegmentedControl
            value={String(run.speed)}
            disabled={run.status === 'finished'}
            onChange={(value) => control.mutate({ action: 'speed', speed: Number(value) })}
            data={SPEEDS.map((s) => ({ value: String(s), label: `×${s}` }))}
            data-testid="director-speed"
          />
          {run.status === 'running' && (
            <Button variant="light" color="yellow" onClick={() => control.mutate({ action: 'pause' })} data-testid="director-pause">
              {t('exercises.director.pause')}
            </Button>
          )}
          {run.status === 'paused' && (
            <Button variant="light" color="green" onClick={() => control.mutate({ action: 'resume' })} data-testid="director-resume">
              {t('exercises.director.resume')}
            </Button>
          )}
        </Group>
      </Paper>
      <PlayerActivity workspaceId={workspaceId} />
      {run.status !== 'finished' && <PressureForm workspaceId={workspaceId} />}
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('exercises.director.timeline')}
        </Title>
        <Table verticalSpacing={6} data-testid="director-timeline">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('exercises.director.at')}</Table.Th>
              <Table.Th>{t('exercises.director.inject')}</Table.Th>
              <Table.Th w={150}>{t('exercises.director.state')}</Table.Th>
              <Table.Th w={220} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.injects.map((inject) => (
              <Table.Tr key={inject.id} opacity={inject.firedAt === null ? 1 : 0.75}>
                <Table.Td ff="monospace">{formatGameMinute(inject.at)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Badge size="sm" variant="light" color={KIND_COLORS[inject.kind]}>
                      {t(`exercises.director.kinds.${inject.kind}`)}
                    </Badge>
                    {inject.pressure && (
                      <Badge size="sm" color="red">
                        {t('exercises.director.pressureBadge')}
                      </Badge>
                    )}
                    {inject.kind === 'directorNote' && (
                      <Badge size="sm" variant="outline" color="yellow">
                        {t('exercises.director.directorOnly')}
                      </Badge>
                    )}
                    <Text size="sm" fw={500}>
                      {inject.title[lang]}
                    </Text>
                  </Group>
                  {inject.body && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {inject.body[lang]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={inject.firedAt === null ? 'dimmed' : undefined}>
                    {inject.firedAt === null
                      ? t('exercises.director.pending')
                      : t('exercises.director.firedAt', { time: formatGameMinute(inject.firedAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {inject.firedAt === null && run.status !== 'finished' && (
                    <Group gap={4} justify="flex-end">
                      {inject.kind !== 'wave' && (
                        <Button size="compact-xs" variant="light" onClick={() => control.mutate({ action: 'fire', injectId: inject.id })}>
                          {t('exercises.director.fireNow')}
                        </Button>
                      )}
                      {inject.at > minute && (
                        <Button size="compact-xs" variant="subtle" onClick={() => control.mutate({ action: 'jump', minute: inject.at })}>
                          {t('exercises.director.jumpHere')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function PressureForm({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const { pressure } = useExerciseCommands(workspaceId);
  const [post, setPost] = useState({ author: '', persona: 'influencer' as PersonaKind, audience: 50_000, language: 'fr' as 'fr' | 'en', text: '' });
  const [wave, setWave] = useState({ perMinute: 20, minutes: 10 });
  const send = (inject: PressureInject) => pressure.mutate(inject, { onSuccess: () => setPost((p) => ({ ...p, text: '' })) });
  return (
    <Paper withBorder p="md" data-testid="director-pressure">
      <Title order={5} mb="sm">
        {t('exercises.director.pressureTitle')}
      </Title>
      <Tabs defaultValue="post">
        <Tabs.List>
          <Tabs.Tab value="post">{t('exercises.director.pressurePost')}</Tabs.Tab>
          <Tabs.Tab value="wave">{t('exercises.director.pressureWave')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="post" pt="sm">
          <Stack gap="xs">
            <Group grow>
              <TextInput label={t('exercises.director.author')} value={post.author} onChange={(e) => setPost({ ...post, author: e.currentTarget.value })} />
              <Select
                label={t('exercises.director.persona')}
                value={post.persona}
                allowDeselect={false}
                data={personaKindSchema.options.map((kind) => ({ value: kind, label: t(`exercises.director.personas.${kind}`) }))}
                onChange={(kind) => kind && setPost({ ...post, persona: kind as PersonaKind })}
                data-testid="director-pressure-persona"
              />
              <NumberInput
                label={t('exercises.director.audience')}
                min={0}
                thousandSeparator=" "
                value={post.audience}
                onChange={(n) => typeof n === 'number' && setPost({ ...post, audience: Math.round(n) })}
              />
              <Select
                label={t('exercises.director.language')}
                value={post.language}
                allowDeselect={false}
                data={[
                  { value: 'fr', label: 'FR' },
                  { value: 'en', label: 'EN' },
                ]}
                onChange={(l) => l && setPost({ ...post, language: l as 'fr' | 'en' })}
              />
            </Group>
            <Textarea label={t('exercises.director.text')} autosize minRows={2} value={post.text} onChange={(e) => setPost({ ...post, text: e.currentTarget.value })} />
            <Button
              w="fit-content"
              color="red"
              disabled={!post.author.trim() || !post.text.trim()}
              loading={pressure.isPending}
              onClick={() => send({ kind: 'post', ...post })}
            >
              {t('exercises.director.addPressure')}
            </Button>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="wave" pt="sm">
          <Group align="flex-end">
            <NumberInput
              label={t('exercises.director.perMinute')}
              min={1}
              max={500}
              value={wave.perMinute}
              onChange={(n) => typeof n === 'number' && setWave({ ...wave, perMinute: n })}
            />
            <NumberInput
              label={t('exercises.director.minutes')}
              min={1}
              max={120}
              value={wave.minutes}
              onChange={(n) => typeof n === 'number' && setWave({ ...wave, minutes: Math.round(n) })}
            />
            <Button color="red" loading={pressure.isPending} onClick={() => send({ kind: 'wave', ...wave })}>
              {t('exercises.director.addPressure')}
            </Button>
          </Group>
        </Tabs.Panel>
      </Tabs>
      {pressure.error && (
        <Alert color="red" mt="sm">
          {errorMessage(pressure.error, t)}
        </Alert>
      )}
    </Paper>
  );
}
